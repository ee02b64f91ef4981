/**
 * The built site in Chromium, against a real seeded Strapi: the CMS runs in a child process with
 * its rebuild webhook pointing at the rebuild service started here; every build goes through
 * `astro build` exactly as in production. Screenshots go to test-results/.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRebuildService } from '../../server/rebuild-service.ts';
import { listen } from '../../server/net.ts';
import { SITE_DIR } from '../../server/builder.ts';
import { BUILD_INFO_FILE } from '../../src/lib/incremental.ts';
import { demoDipEntries } from '../../../src/seed/demo-data.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startCms, type Cms } from '../support/cms.ts';
import { publishNewEntry, siteStatusInPanel } from '../support/editor.ts';
import { startProxy } from '../support/proxy.ts';

const TOKEN = 'token-uji-situs-0123456789abcdef';
const SHOTS = path.join(SITE_DIR, 'test-results');
const year = new Date().getUTCFullYear();
const demo = demoDipEntries(year);
const publicDemo = demo.filter((e) => e.published && e.kategori !== 'dikecualikan');
const neverPublic = demo.filter((e) => !e.published || e.kategori === 'dikecualikan');

let tmp: string;
let cms: Cms;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let service: ReturnType<typeof createRebuildService>;
let siteServer: http.Server;
let site: string;
let browser: Browser;
let context: BrowserContext;
let xssId: string;
const serviceLog: string[] = [];
const pageErrors: string[] = [];

async function page(pathname: string, ctx: BrowserContext = context): Promise<Page> {
  const p = await ctx.newPage();
  p.on('pageerror', (e) => pageErrors.push(`${pathname}: ${e.message}`));
  p.on('console', (m) => {
    // A page asked for on purpose at a missing address reports its own 404 status.
    if (m.type() === 'error' && !(pathname.includes('tidak-ada') && /status of 404/.test(m.text()))) pageErrors.push(`${pathname}: ${m.text()}`);
  });
  const res = await p.goto(`${site}${pathname}`);
  assert.ok(res, pathname);
  return p;
}

async function htmlFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.html')).map((f) => path.join(dir, f));
}

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-test-'));
  await mkdir(SHOTS, { recursive: true });
  proxy = await startProxy(() => cms?.url);
  service = createRebuildService({
    apiUrl: () => proxy.url,
    token: TOKEN,
    buildsDir: path.join(tmp, 'builds'),
    liveLink: path.join(tmp, 'live'),
    debounceMs: 1000,
    maxWaitMs: 5000,
    log: (line) => serviceLog.push(`${new Date().toISOString()} ${line}`),
  });
  const hookUrl = await service.listen('127.0.0.1', 0);
  cms = await startCms({ PPID_SITE_REBUILD_URL: `${hookUrl}/hooks/strapi`, PPID_SITE_REBUILD_TOKEN: TOKEN });
  xssId = await publishNewEntry(cms, {
    nomor: 'DIP/UJI/XSS/001',
    judul: 'Uji keamanan <img src=x onerror="window.__xss=1">',
    ringkasan: 'Ringkasan berisi <script>window.__xss=2</script> yang harus tampil sebagai teks.',
  });
  await new Promise((r) => setTimeout(r, 500));
  service.requestBuild('uji: build awal');
  await service.idle();
  assert.equal(service.state.status, 'berhasil', serviceLog.join('\n'));
  siteServer = service.siteServer();
  site = await listen(siteServer, '127.0.0.1', 0);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await browser?.close();
  siteServer?.close();
  await service?.close();
  await cms?.stop();
  await proxy?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
  assert.deepEqual(pageErrors, [], 'no script errors or CSP violations in any page');
});

test('the DIP table: regulatory columns, 20 rows a page, every public entry and nothing else', async () => {
  const p = await page('/informasi/');
  const headers = await p.locator('table.dip-table thead th').allTextContents();
  assert.deepEqual(headers, [
    'Nomor',
    'Judul dan ringkasan isi informasi',
    'Pejabat/unit penguasa informasi',
    'Penanggung jawab pembuatan/penerbitan',
    'Waktu dan tempat pembuatan',
    'Bentuk informasi yang tersedia',
    'Jangka waktu penyimpanan',
    'Kategori',
  ]);
  assert.equal(await p.locator('table.dip-table tbody tr').count(), 20);
  const total = publicDemo.length + 1; // + the entry published by this test
  assert.match(await p.locator('.results__status').innerText(), new RegExp(`dari ${total} informasi`));
  await p.screenshot({ path: path.join(SHOTS, 'daftar-informasi.png'), fullPage: true });
  await p.screenshot({ path: path.join(SHOTS, 'daftar-informasi-layar.png') });
  await p.setViewportSize({ width: 320, height: 800 });
  await p.screenshot({ path: path.join(SHOTS, 'daftar-informasi-320.png'), fullPage: true });
  // Reflow: at 320 px only the table scrolls (inside its region), never the page.
  assert.equal(await p.evaluate(() => document.documentElement.scrollWidth), 320);

  // Every built page, both languages: no exempt entry and no draft, not even its number.
  const files = await htmlFiles(service.liveLink);
  const all = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n');
  for (const e of neverPublic) assert.equal(all.includes(e.nomor), false, `${e.nomor} (${e.kategori}, published ${e.published}) is in the site`);
  for (const e of publicDemo) assert.ok(all.includes(e.nomor), `${e.nomor} missing`);
  assert.equal(all.includes('dikecualikan:'), false);
});

test('paging: next page, previous page, page numbers', async () => {
  const p = await page('/informasi/');
  await p.getByRole('link', { name: 'Berikutnya' }).click();
  await p.waitForURL(/\/informasi\/halaman\/2\/$/);
  const rows = await p.locator('table.dip-table tbody tr').count();
  assert.equal(rows, publicDemo.length + 1 - 20);
  assert.equal(await p.locator('.pagination [aria-current="page"]').innerText(), '2');
  await p.getByRole('link', { name: 'Sebelumnya' }).click();
  await p.waitForURL(/\/informasi\/$/);
});

test('without JavaScript: category, unit and year pages list everything; search explains itself', async () => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  try {
    const p = await page('/informasi/kategori/serta_merta/', noJs);
    const expected = publicDemo.filter((e) => e.kategori === 'serta_merta').map((e) => e.nomor).sort();
    assert.deepEqual((await p.locator('.dip-table__nomor').allTextContents()).sort(), expected);
    assert.equal(await p.locator('h1').innerText(), 'Informasi Serta Merta');

    // The unit pages and the year pages each add up to every public entry.
    for (const [prefix, label] of [['/informasi/unit/', 'unit'], ['/informasi/tahun/', 'tahun']] as const) {
      const index = await page('/informasi/', noJs);
      const links = await index.locator(`.browse a[href^="${prefix}"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      let sum = 0;
      for (const href of links) {
        const q = await page(href, noJs);
        const text = await q.locator('.results__status').innerText();
        const m = /dari (\d+) informasi/.exec(text);
        sum += m ? Number(m[1]) : 0;
        await q.close();
      }
      assert.equal(sum, label === 'unit' ? publicDemo.length : publicDemo.length + 1, label); // the test's entry has no unit
      await index.close();
    }
    const search = await page('/cari/', noJs);
    assert.match(await search.locator('#search-noscript').innerText(), /memerlukan JavaScript/);
    assert.ok((await search.locator('.browse a').count()) > 5);
    await search.screenshot({ path: path.join(SHOTS, 'cari-tanpa-js.png'), fullPage: true });
  } finally {
    await noJs.close();
  }
});

test('search and filters: results in the URL, back button, filters narrow the results', async () => {
  const p = await page('/cari/');
  await p.getByLabel('Kata kunci').fill('laporan');
  await p.getByRole('button', { name: 'Cari' }).click();
  await p.waitForURL(/\?q=laporan$/);
  await p.locator('#search-status', { hasText: 'ditemukan' }).waitFor();
  const all = await p.locator('#search-list li').count();
  assert.ok(all >= 3, `found ${all}`);

  await p.locator('#search-kategori').selectOption('berkala');
  await p.locator('#search-tahun').selectOption(String(year - 1));
  await p.getByRole('button', { name: 'Cari' }).click();
  await p.waitForURL(new RegExp(`\\?q=laporan&kategori=berkala&tahun=${year - 1}$`));
  await p.locator('#search-status', { hasText: 'ditemukan' }).waitFor();
  const titles = await p.locator('#search-list h3').allTextContents();
  const expected = publicDemo.filter((e) => e.kategori === 'berkala' && e.tahun === year - 1 && /laporan/i.test(e.id.judul)).map((e) => e.id.judul);
  assert.deepEqual(titles.sort(), expected.sort());
  await p.screenshot({ path: path.join(SHOTS, 'cari.png'), fullPage: true });

  await p.goBack();
  await p.waitForURL(/\?q=laporan$/);
  await p.locator('#search-list li').nth(all - 1).waitFor();
  assert.equal(await p.locator('#search-kategori').inputValue(), '');

  // A link to a search opens with the form filled and the results shown; exempt entries never match.
  const linked = await page(`/cari/?kategori=setiap_saat&unit=bidang-statistik`);
  await linked.locator('#search-status', { hasText: /ditemukan|Tidak ada/ }).waitFor();
  assert.equal(await linked.locator('#search-unit').inputValue(), 'bidang-statistik');
  const exempt = await page(`/cari/?q=${encodeURIComponent('Data Pribadi Pemohon')}`);
  await exempt.locator('#search-status', { hasText: /ditemukan|Tidak ada/ }).waitFor();
  assert.equal((await exempt.locator('#search-list h3').allTextContents()).some((t) => /Data Pribadi/.test(t)), false);
});

test('detail page: every field, the file with its type and size, last update, download works', async () => {
  const p = await page('/informasi/');
  const first = publicDemo.find((e) => e.kategori === 'setiap_saat')!;
  await p.goto(`${site}/informasi/kategori/setiap_saat/`);
  await p.locator('table.dip-table').getByRole('link', { name: first.id.judul, exact: true }).click();
  await p.waitForURL(/\/dokumen\/[^/]+\/$/);
  assert.equal(await p.locator('h1').innerText(), first.id.judul);
  const text = await p.locator('.summary-list').innerText();
  for (const label of ['Nomor', 'Unit kerja penguasa informasi', 'Pejabat penguasa informasi', 'Penanggung jawab', 'Waktu pembuatan', 'Tempat pembuatan', 'Bentuk informasi', 'Jangka waktu penyimpanan', 'Terakhir diperbarui']) {
    assert.ok(text.includes(label), label);
  }
  assert.ok(text.includes(first.nomor));
  const link = p.locator('a.download__link');
  assert.match(await link.innerText(), /^Unduh .+\.pdf$/);
  assert.match(await p.locator('.download__meta').innerText(), /^PDF, \d+(,\d)? (B|KB)$/);
  const res = await fetch((await link.getAttribute('href'))!);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/pdf/);
  assert.ok(Buffer.from(await res.arrayBuffer()).toString('latin1').startsWith('%PDF-'));
  await p.screenshot({ path: path.join(SHOTS, 'detail.png'), fullPage: true });
});

test('language switch keeps the page, in both directions', async () => {
  const p = await page('/informasi/halaman/2/');
  await p.locator('[data-lang-switch]').click();
  await p.waitForURL(/\/en\/informasi\/halaman\/2\/$/);
  assert.equal(await p.getAttribute('html', 'lang'), 'en');
  assert.equal(await p.locator('h1').innerText(), 'Public Information List');
  await p.locator('table.dip-table tbody a').first().click();
  await p.waitForURL(/\/en\/dokumen\//);
  const detailPath = new URL(p.url()).pathname;
  await p.locator('[data-lang-switch]').click();
  await p.waitForURL((url) => url.pathname === detailPath.replace(/^\/en/, ''));
  assert.equal(await p.getAttribute('html', 'lang'), 'id');
  for (const path of ['/en/profil/', '/en/maklumat-pelayanan/', '/en/unit/', '/en/cari/']) {
    const q = await page(path);
    assert.equal(await q.getAttribute('html', 'lang'), 'en');
    await q.close();
  }
});

test('CMS text is text: a <script> in a summary never runs, and the CSP has no unsafe-inline', async () => {
  const p = await page(`/dokumen/${xssId}/`);
  let dialogs = 0;
  p.on('dialog', (d) => {
    dialogs += 1;
    void d.dismiss();
  });
  assert.equal(await p.locator('h1').innerText(), 'Uji keamanan <img src=x onerror="window.__xss=1">');
  assert.match(await p.locator('.lead').innerText(), /<script>window.__xss=2<\/script>/);
  assert.equal(await p.evaluate(() => (window as any).__xss), undefined);
  assert.equal(await p.locator('main img, main script').count(), 0);
  assert.equal(dialogs, 0);
  const csp = await p.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.ok(csp && !csp.includes('unsafe-inline'));
  const res = await fetch(`${site}/dokumen/${xssId}/`);
  assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /unsafe-inline/);
  // The list shows it escaped too; no page of the site has an inline script or style.
  const list = await fetch(`${site}/informasi/`).then((r) => r.text());
  assert.ok(list.includes('&lt;img src=x onerror='));
  for (const file of await htmlFiles(service.liveLink)) {
    const html = await readFile(file, 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, file);
    assert.doesNotMatch(html, /<style|\sstyle=/, file);
  }
});

test('axe-core: no WCAG 2.1 A/AA violation on any page type, in both languages', async () => {
  const detail = `/dokumen/${xssId}/`;
  const pages = [
    '/', '/informasi/', '/informasi/halaman/2/', '/informasi/kategori/berkala/', '/informasi/unit/sekretariat/', `/informasi/tahun/${year}/`,
    detail, '/unit/', '/cari/', '/cari/?q=laporan', '/profil/', '/maklumat-pelayanan/', '/tidak-ada/',
    '/en/', '/en/informasi/', `/en${detail}`, '/en/cari/?q=report', '/en/profil/', '/en/maklumat-pelayanan/', '/en/tidak-ada/',
  ];
  const found: string[] = [];
  for (const path of pages) {
    const p = await page(path);
    if (path.includes('?q=')) await p.locator('#search-status', { hasText: /found|ditemukan|Tidak ada|No information/ }).waitFor();
    for (const v of await axeViolations(p)) found.push(`${path}: ${v.id} (${v.help}) at ${v.targets.join(', ')}`);
    await p.close();
  }
  assert.deepEqual(found, []);
});

test('keyboard: the skip link comes first, and focus is always visible', async () => {
  const p = await page('/informasi/');
  await p.keyboard.press('Tab');
  assert.equal(await p.evaluate(() => document.activeElement?.textContent), 'Langsung ke konten utama');
  const skipBox = await p.locator('.skip-link').boundingBox();
  assert.ok(skipBox && skipBox.x >= 0 && skipBox.width > 0, 'the skip link is on screen when focused');
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'main');
  for (let i = 0; i < 12; i += 1) {
    await p.keyboard.press('Tab');
    const outline = await p.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
    });
    assert.ok((outline.outline !== 'none' && outline.width !== '0px') || outline.shadow !== 'none', `${outline.tag} has no visible focus`);
  }
});

test('publishing in the CMS puts the entry on the site within 60 s (webhook, debounce, rebuild)', async () => {
  const started = Date.now();
  const id = await publishNewEntry(cms, { nomor: 'DIP/UJI/TERBIT/001', judul: 'Pengumuman Uji Terbit', ringkasan: 'Entri yang diterbitkan saat pengujian.' });
  let status = 0;
  while (Date.now() - started < 60000) {
    status = (await fetch(`${site}/dokumen/${id}/`)).status;
    if (status === 200) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const seconds = (Date.now() - started) / 1000;
  assert.equal(status, 200, `not live after ${seconds} s:\n${serviceLog.join('\n')}`);
  console.log(`# publish → live: ${seconds.toFixed(1)} s`);
  // The rebuild took the unchanged detail pages from the previous build (hard links).
  await service.idle();
  const { nlink } = await stat(path.join(service.liveLink, 'dokumen', xssId, 'index.html'));
  assert.ok(nlink >= 2, `the unchanged detail page of ${xssId} was rendered again (nlink ${nlink})`);
  // Only the new entry was read in full from the real CMS (light list + documentId filter); the
  // rest came from the previous read.
  const info = JSON.parse(await readFile(path.join(service.liveLink, BUILD_INFO_FILE), 'utf8'));
  assert.ok(info.read.cachedRows >= publicDemo.length, JSON.stringify(info.read));
  assert.ok(info.read.fullRows >= 1 && info.read.fullRows <= 2, JSON.stringify(info.read));
  const p = await page('/informasi/');
  assert.ok((await p.locator('.results__status').innerText()).includes(`dari ${publicDemo.length + 2} informasi`));
  await service.idle();
  const panel = await siteStatusInPanel(cms);
  assert.equal(panel.hasil, 'berhasil');
  assert.ok(panel.jumlahHalaman > 50);
});

test('a failed build keeps the last good site live and is reported in the admin panel', async () => {
  const before = await fetch(`${site}/informasi/`).then((r) => r.text());
  const live = service.state.live;
  proxy.state.failing = true;
  try {
    service.requestBuild('uji: CMS menjawab 503');
    await service.idle();
  } finally {
    proxy.state.failing = false;
  }
  assert.equal(service.state.status, 'gagal');
  assert.equal(service.state.live, live);
  assert.equal(await fetch(`${site}/informasi/`).then((r) => r.text()), before);
  const panel = await siteStatusInPanel(cms);
  assert.equal(panel.hasil, 'gagal');
  assert.match(panel.pesan, /tetap tayang/);
  assert.match(panel.pesan, /503/);
  assert.ok(panel.terakhirBerhasil);
});
