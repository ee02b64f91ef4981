/**
 * `npm run bench` (root) → `npm --prefix site run bench`: the public site's budgets and build
 * figures, written to bench/results/site-budget.md (root) and printed.
 *
 * - Full build of N entries × 2 locales (default 10,000) from a stand-in of the CMS's REST API
 *   (bench/stub-cms.ts): wall time and peak memory of the build's process tree; the same for a
 *   demo-sized site (32 entries) for the ratio.
 * - Rebuild after one publish: the rebuild service gets the webhook, debounces (2 s), rebuilds,
 *   switches; time from the webhook until the new page is served, and the build's own time.
 * - Budgets on the big build, in Debian's Chromium: JS loaded at page load (gzip) ≤ 30 KB on every
 *   page type (the search index and Pagefind's runtime, loaded on demand when a search runs, are
 *   reported apart); CSS ≤ 20 KB gzip; Lighthouse (12.8, mobile defaults) ≥ 95 in all four
 *   categories on home, list and detail.
 * Exits 1 when a budget is exceeded. Options: --entries=N, --skip-lighthouse.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { API_CACHE_FILE, SITE_DIR, switchLink } from '../server/builder.ts';
import { BUILD_INFO_FILE } from '../src/lib/incremental.ts';
import { createRebuildService } from '../server/rebuild-service.ts';
import { createSiteServer } from '../server/static-server.ts';
import { CHROMIUM, CHROMIUM_FLAGS, launchChromium } from '../tests/support/browser.ts';
import { measureBuild } from './measure.ts';
import { startStubCms } from './stub-cms.ts';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ENTRIES = Number(arg('entries') ?? 10000);
const SKIP_LIGHTHOUSE = args.includes('--skip-lighthouse');
const BUDGET = { jsKb: 30, cssKb: 20, lighthouse: 95 };
const RESULTS = path.resolve(SITE_DIR, '..', 'bench', 'results', 'site-budget.md');

const kb = (bytes: number) => bytes / 1024;
const fmt = (n: number, d = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

async function serve(root: string) {
  const server = createSiteServer({ root });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Scripts and stylesheets a page loads, with their gzip sizes. */
async function weigh(base: string, pages: string[]) {
  const browser = await launchChromium();
  const out: { page: string; jsGzip: number; cssGzip: number; files: string[] }[] = [];
  try {
    for (const p of pages) {
      const page = await browser.newPage();
      const bodies: Promise<{ type: string; url: string; gzip: number }>[] = [];
      page.on('response', (res) => {
        const type = res.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        bodies.push(res.body().then((b) => ({ type, url: res.url(), gzip: zlib.gzipSync(b).length })));
      });
      await page.goto(`${base}${p}`, { waitUntil: 'networkidle' });
      const all = await Promise.all(bodies);
      out.push({
        page: p,
        jsGzip: all.filter((b) => b.type === 'script').reduce((s, b) => s + b.gzip, 0),
        cssGzip: all.filter((b) => b.type === 'stylesheet').reduce((s, b) => s + b.gzip, 0),
        files: all.map((b) => `${new URL(b.url).pathname} (${fmt(kb(b.gzip))} KB)`),
      });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** What a search adds on demand: Pagefind's runtime, WebAssembly and index chunks (gzip). */
async function onDemandSearch(base: string) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const sizes: Promise<number>[] = [];
    page.on('response', (res) => {
      if (new URL(res.url()).pathname.startsWith('/pagefind/')) sizes.push(res.body().then((b) => zlib.gzipSync(b).length));
    });
    await page.goto(`${base}/cari/?q=laporan`, { waitUntil: 'networkidle' });
    await page.locator('#search-status', { hasText: 'ditemukan' }).waitFor();
    const all = await Promise.all(sizes);
    return { files: all.length, gzip: all.reduce((s, n) => s + n, 0) };
  } finally {
    await browser.close();
  }
}

/** Lighthouse's advice: a median of several runs (here 3 per page), the machine being shared. */
const RUNS = 3;

async function lighthouseScores(base: string, pages: string[]) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS });
  const out: { page: string; scores: Record<string, number>; misses: string[] }[] = [];
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  try {
    for (const p of pages) {
      const runs: { scores: Record<string, number>; misses: string[] }[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const result = await lighthouse(`${base}${p}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
        });
        const lhr = result!.lhr;
        // The audits that cost points, to say why a score is below 100.
        const misses = Object.values(lhr.categories)
          .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => lhr.audits[r.id]))
          .filter((a) => a.score !== null && a.score < 1)
          .map((a) => `${a.id} ${a.score}${a.displayValue ? ` (${a.displayValue})` : ''}`);
        runs.push({ scores: Object.fromEntries(Object.entries(lhr.categories).map(([k, c]) => [k, Math.round((c.score ?? 0) * 100)])), misses });
      }
      const keys = Object.keys(runs[0].scores);
      const scores = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r.scores[k]))]));
      out.push({ page: p, scores, misses: [...new Set(runs.flatMap((r) => r.misses))] });
    }
  } finally {
    chrome.kill();
  }
  return out;
}

async function publishToLive(stub: Awaited<ReturnType<typeof startStubCms>>, tmp: string, liveFrom: string) {
  const liveLink = path.join(tmp, 'live');
  await switchLink(liveLink, liveFrom);
  const service = createRebuildService({ apiUrl: stub.url, token: 'bench', buildsDir: path.join(tmp, 'builds'), liveLink, debounceMs: 2000, log: () => {} });
  const hook = await service.listen('127.0.0.1', 0);
  const site = await serve(liveLink);
  try {
    const documentId = stub.publish();
    const started = Date.now();
    const res = await fetch(`${hook}/hooks/strapi`, {
      method: 'POST',
      headers: { Authorization: 'Bearer bench', 'Content-Type': 'application/json' },
      body: JSON.stringify({ event: 'entry.publish', uid: 'api::dip-document.dip-document', entry: { documentId, nomor: 'baru' } }),
    });
    if (res.status !== 202) throw new Error(`webhook ${res.status}`);
    for (;;) {
      if ((await fetch(`${site.url}/dokumen/${documentId}/`)).status === 200) break;
      if (service.state.status === 'gagal') throw new Error(`rebuild failed: ${service.state.lastError}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const liveSeconds = (Date.now() - started) / 1000;
    await service.idle();
    // The build's own phase timings (integrations/reuse.ts), seconds from its start.
    const info = JSON.parse(await readFile(path.join(liveLink, BUILD_INFO_FILE), 'utf8'));
    return { liveSeconds, buildSeconds: service.state.lastSeconds ?? NaN, pages: service.state.lastPages ?? 0, info };
  } finally {
    site.close();
    await service.close();
  }
}

async function main() {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-bench-'));
  const lines: string[] = [];
  const log = (line = '') => {
    lines.push(line);
    console.log(line);
  };
  let failures = 0;
  const check = (ok: boolean) => {
    if (!ok) failures += 1;
    return ok ? 'ok' : '**over budget**';
  };
  try {
    const small = await startStubCms(32);
    const demo = await measureBuild(path.join(tmp, 'demo'), small.url);
    await small.close();

    const stub = await startStubCms(ENTRIES);
    console.log(`full build of ${ENTRIES} entries × 2 locales…`);
    await mkdir(path.join(tmp, 'builds'), { recursive: true });
    // As the rebuild service builds: the CMS rows read are kept beside the builds (src/lib/api-cache.ts).
    const full = await measureBuild(path.join(tmp, 'full'), stub.url, { PPID_SITE_CACHE: path.join(tmp, 'builds', API_CACHE_FILE) });
    console.log(`rebuild after one publish…`);
    const rebuild = await publishToLive(stub, tmp, path.join(tmp, 'full'));
    await stub.close();

    const site = await serve(path.join(tmp, 'full'));
    const pageTypes = ['/', '/informasi/', '/informasi/kategori/berkala/', '/dokumen/doc000000/', '/unit/', '/cari/', '/profil/', '/en/informasi/', '/tidak-ada/'];
    const weights = await weigh(site.url, pageTypes);
    const search = await onDemandSearch(site.url);
    const lh = SKIP_LIGHTHOUSE ? [] : await lighthouseScores(site.url, ['/', '/informasi/', '/dokumen/doc000000/']);
    site.close();

    log(`## Public site (${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')})`);
    log();
    log('| build | entries × locales | pages | time | peak memory (process tree) |');
    log('|---|---:|---:|---:|---:|');
    log(`| demo-sized | 32 × 2 | ${demo.pages.toLocaleString('en-GB')} | ${fmt(demo.seconds)} s | ${fmt(demo.peakMb, 0)} MB |`);
    log(`| full | ${ENTRIES.toLocaleString('en-GB')} × 2 | ${full.pages.toLocaleString('en-GB')} | ${fmt(full.seconds)} s | ${fmt(full.peakMb, 0)} MB |`);
    log(`| rebuild after one publish (only changed entries read, unchanged detail pages reused) | ${(ENTRIES + 1).toLocaleString('en-GB')} × 2 | ${rebuild.pages.toLocaleString('en-GB')} | ${fmt(rebuild.buildSeconds)} s build; ${fmt(rebuild.liveSeconds)} s webhook → live (2 s debounce included) | — |`);
    log();
    log(`Ratios: full/demo build time ${fmt(full.seconds / demo.seconds, 2)}× for ${fmt(full.pages / demo.pages, 0)}× the pages; rebuild/full ${fmt(rebuild.buildSeconds / full.seconds, 2)}×; ${fmt((full.seconds * 1000) / full.pages, 2)} ms per page.`);
    const i = rebuild.info;
    log();
    log(`Rebuild phases (s from the build's start): planned ${i.plannedAt} (CMS read: ${i.read?.fullRows} rows in full, ${i.read?.cachedRows} from the cache), ${i.reused} pages reused and staged ${i.stagedAt ?? '—'}, ${i.rendered} pages rendered ${i.renderedAt}, search index complete ${i.indexedAt}, written ${i.writtenAt}, done ${i.doneAt}.`);
    log();
    log(`| page | JS at load (gzip) | budget ${BUDGET.jsKb} KB | CSS (gzip) | budget ${BUDGET.cssKb} KB |`);
    log('|---|---:|---|---:|---|');
    for (const w of weights) {
      log(`| \`${w.page}\` | ${fmt(kb(w.jsGzip))} KB | ${check(kb(w.jsGzip) <= BUDGET.jsKb)} | ${fmt(kb(w.cssGzip))} KB | ${check(kb(w.cssGzip) <= BUDGET.cssKb)} |`);
    }
    log();
    log(`On demand, when a search runs (\`/cari/?q=laporan\`, not counted above): ${search.files} Pagefind files (runtime, WebAssembly, index and fragments), ${fmt(kb(search.gzip))} KB gzip.`);
    if (lh.length) {
      log();
      log(`| Lighthouse 12.8 (mobile, median of ${RUNS}) | performance | accessibility | best practices | SEO | budget ≥ ${BUDGET.lighthouse} |`);
      log('|---|---:|---:|---:|---:|---|');
      for (const r of lh) {
        const s = r.scores;
        log(`| \`${r.page}\` | ${s.performance} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${check(Object.values(s).every((v) => v >= BUDGET.lighthouse))} |`);
      }
      log();
      for (const r of lh) if (r.misses.length) log(`Audits below 1 in some run on \`${r.page}\`: ${r.misses.join('; ')}.`);
    }
    await mkdir(path.dirname(RESULTS), { recursive: true });
    await writeFile(RESULTS, `${lines.join('\n')}\n`);
    console.log(`\nwritten to ${path.relative(process.cwd(), RESULTS)}${failures ? `; ${failures} budget(s) exceeded` : '; every budget met'}`);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
