/**
 * Old code against new, in one run: `npx tsx bench/compare.ts --baseline=<another checkout's site/>
 * [--entries=10000]`. Both checkouts build the same stand-in API (bench/stub-cms.ts) one after the
 * other: a full build each, then one publish, then a rebuild each with its own full build as the
 * previous one (PPID_SITE_PREVIOUS, and PPID_SITE_CACHE for a checkout that reads it). On a shared
 * machine only the ratios mean something. Prints the times, the ratios and the new rebuild's phases.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { SITE_DIR } from '../server/builder.ts';
import { BUILD_INFO_FILE } from '../src/lib/incremental.ts';
import { startStubCms } from './stub-cms.ts';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const BASELINE = arg('baseline');
const ENTRIES = Number(arg('entries') ?? 10000);
if (!BASELINE) throw new Error('--baseline=<path to the other checkout\'s site/> is required');

function build(site: string, outDir: string, apiUrl: string, env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(site, 'node_modules', 'astro', 'astro.js'), 'build', '--outDir', outDir, '--silent'], {
      cwd: site,
      env: { ...process.env, ...env, PPID_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('close', (code) => (code === 0 ? resolve((Date.now() - started) / 1000) : reject(new Error(`astro build in ${site} exited ${code}`))));
  });
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-compare-'));
const stub = await startStubCms(ENTRIES);
try {
  const cache = { PPID_SITE_CACHE: path.join(tmp, 'api-cache.json') };
  const t: Record<string, number> = {};
  t.oldFull = await build(BASELINE, path.join(tmp, 'old-full'), stub.url);
  t.newFull = await build(SITE_DIR, path.join(tmp, 'new-full'), stub.url, cache);
  stub.publish();
  t.oldRebuild = await build(BASELINE, path.join(tmp, 'old-re'), stub.url, { PPID_SITE_PREVIOUS: path.join(tmp, 'old-full') });
  t.newRebuild = await build(SITE_DIR, path.join(tmp, 'new-re'), stub.url, { ...cache, PPID_SITE_PREVIOUS: path.join(tmp, 'new-full') });
  console.log(`${ENTRIES} entries × 2 locales, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  console.log(Object.entries(t).map(([k, v]) => `${k} ${v.toFixed(1)} s`).join('; '));
  console.log(`new/old: full build ${(t.newFull / t.oldFull).toFixed(2)}×, rebuild after one publish ${(t.newRebuild / t.oldRebuild).toFixed(2)}×`);
  console.log(`new rebuild phases: ${await readFile(path.join(tmp, 'new-re', BUILD_INFO_FILE), 'utf8')}`);
} finally {
  await stub.close();
  await rm(tmp, { recursive: true, force: true });
}
