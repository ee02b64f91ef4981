/**
 * One site build into a fresh directory, then an atomic switch of the `live` symlink to it.
 * A failed build never touches what is live: its directory is removed and the error (the end
 * of the build log) is thrown.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readlink, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = path.join(SITE_DIR, 'node_modules', 'astro', 'astro.js');

/** The CMS rows of the last read, in the builds directory (never served). */
export const API_CACHE_FILE = 'api-cache.json';

export interface BuildResult {
  dir: string;
  pages: number;
  seconds: number;
}

export class BuildError extends Error {
  constructor(
    message: string,
    readonly log: string,
  ) {
    super(message);
  }
}

/** Run `astro build --outDir dir` with the CMS at apiUrl; resolves with the build log. */
export function runAstroBuild(outDir: string, apiUrl: string, extraEnv: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', outDir, '--silent'], {
      cwd: SITE_DIR,
      env: { ...process.env, ...extraEnv, PPID_API_URL: apiUrl, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const keep = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-20000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => reject(new BuildError(`astro build could not start: ${error.message}`, log)));
    child.on('close', (code) => (code === 0 ? resolve(log) : reject(new BuildError(`astro build exited with ${code}`, log))));
  });
}

async function countPages(dir: string): Promise<number> {
  let n = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) n += 1;
  }
  return n;
}

/** Point `link` at `target` atomically (a new symlink renamed over the old one). */
export async function switchLink(link: string, target: string): Promise<void> {
  const tmp = `${link}.tmp-${process.pid}-${Date.now()}`;
  await symlink(path.relative(path.dirname(link), target), tmp, 'dir');
  await rename(tmp, link);
}

export async function currentTarget(link: string): Promise<string | null> {
  try {
    return path.resolve(path.dirname(link), await readlink(link));
  } catch {
    return null;
  }
}

/** Keep the live build and the `keep - 1` newest others; remove the rest. */
export async function pruneBuilds(buildsDir: string, live: string | null, keep = 3): Promise<void> {
  const names = (await readdir(buildsDir).catch(() => [] as string[])).filter((n) => /^\d{8}T\d{6}/.test(n)).sort().reverse();
  const kept = new Set<string>(live ? [path.basename(live)] : []);
  for (const name of names) {
    if (kept.size >= keep) break;
    kept.add(name);
  }
  for (const name of names) if (!kept.has(name)) await rm(path.join(buildsDir, name), { recursive: true, force: true });
}

export function buildName(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '')}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Build into buildsDir/<name>, switch `liveLink` to it, prune old builds. */
export async function buildAndSwitch(opts: { apiUrl: string; buildsDir: string; liveLink: string; extraEnv?: Record<string, string> }): Promise<BuildResult> {
  const started = Date.now();
  await mkdir(opts.buildsDir, { recursive: true });
  const dir = path.join(opts.buildsDir, buildName());
  try {
    // Unchanged detail pages are taken from the live build (integrations/reuse.ts); the CMS rows
    // read last time are kept beside the builds, so only changed entries are read in full (src/lib/api-cache.ts).
    const previous = await currentTarget(opts.liveLink);
    await runAstroBuild(dir, opts.apiUrl, {
      PPID_SITE_CACHE: path.join(opts.buildsDir, API_CACHE_FILE),
      ...opts.extraEnv,
      ...(previous ? { PPID_SITE_PREVIOUS: previous } : {}),
    });
    const pages = await countPages(dir);
    if (pages === 0) throw new BuildError('the build wrote no pages', '');
    await switchLink(opts.liveLink, dir);
    await pruneBuilds(opts.buildsDir, dir);
    return { dir, pages, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
