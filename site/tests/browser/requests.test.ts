/**
 * The request form, tracking and statistics pages (issue #12) in Chromium, against a real seeded
 * Strapi: the form posts across origins to the CMS (CORS), messages come from the CMS, the
 * statistics are the CMS's figures at build time. Ports: PPID_SITE_TEST_PORT_BASE (default
 * 41310) for the site, +1 for the proxy, +2 for the CMS.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createRebuildService } from '../../server/rebuild-service.ts';
import { listen } from '../../server/net.ts';
import { SITE_DIR } from '../../server/builder.ts';
import { axeViolations, launchChromium } from '../support/browser.ts';
import { startCms, type Cms } from '../support/cms.ts';
import { startProxy } from '../support/proxy.ts';

const BASE = Number(process.env.PPID_SITE_TEST_PORT_BASE || 41310);
const SHOTS = path.join(SITE_DIR, 'test-results');
const REQ = 'api::permohonan-informasi.permohonan-informasi';

let tmp: string;
let cms: Cms;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let service: ReturnType<typeof createRebuildService>;
let siteServer: http.Server;
let site: string;
let browser: Browser;
let context: BrowserContext;
let builtStats: any;
const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
const pageErrors: string[] = [];
const serviceLog: string[] = [];

async function page(pathname: string, ctx: BrowserContext = context): Promise<Page> {
  const p = await ctx.newPage();
  p.on('pageerror', (e) => pageErrors.push(`${pathname}: ${e.message}`));
  p.on('console', (m) => {
    // A refused submission or look-up is an HTTP error the browser reports; the page handles it.
    if (m.type() === 'error' && !/status of (400|404)/.test(m.text())) pageErrors.push(`${pathname}: ${m.text()}`);
  });
  const res = await p.goto(`${site}${pathname}`);
  assert.ok(res && res.status() === 200, pathname);
  return p;
}

async function cmsCall(role: 'operator' | 'koordinator' | null, method: string, pathname: string, body?: unknown) {
  const res = await fetch(`${cms.url}${pathname}`, {
    method,
    headers: { ...(role ? { Authorization: `Bearer ${cms.tokens[role]}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathname} → ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

const goodRequest = (nama: string) => ({
  jenisPemohon: 'perorangan', nama, nomorIdentitas: '3175012345678901', alamat: 'Jl. Merdeka No. 10, Padang', telepon: '081234567890',
  email: 'uji.situs@contoh.id', pekerjaan: 'Mahasiswa', rincianInformasi: 'Daftar penerima beasiswa daerah 2025', tujuanPenggunaan: 'Bahan penelitian skripsi',
  caraMemperoleh: 'salinan_softcopy', caraMenerima: 'email', situsWeb: '',
});

async function requestCount(): Promise<number> {
  return (await cmsCall(null, 'GET', `/api/statistik-permohonan?tahun=${year}`)).data.jumlahPermohonan;
}

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-requests-'));
  await mkdir(SHOTS, { recursive: true });
  proxy = await startProxy(() => cms?.url, BASE + 1);
  cms = await startCms({
    SITE_ORIGINS: `http://127.0.0.1:${BASE}`,
    PPID_SITE_TEST_CMS_PORT: String(BASE + 2),
    PPID_REQUEST_RATE_PER_HOUR: '100',
    PPID_REQUEST_LOOKUPS_PER_HOUR: '100',
  });
  // A small history for the statistics: three requests, one answered (granted).
  const numbers: string[] = [];
  for (const nama of ['Pemohon Satu', 'Pemohon Dua', 'Pemohon Tiga']) {
    numbers.push((await cmsCall(null, 'POST', '/api/permohonan-informasi', { data: goodRequest(nama) })).data.nomorRegistrasi);
  }
  const list = await cmsCall('operator', 'GET', `/content-manager/collection-types/${REQ}?filters[$and][0][nomorRegistrasi][$eq]=${encodeURIComponent(numbers[0])}`);
  const documentId = list.results[0].documentId;
  await cmsCall('operator', 'POST', `/ppid/workflow/permohonan-informasi/${documentId}/transitions`, { to: 'diproses' });
  await cmsCall('koordinator', 'POST', `/ppid/workflow/permohonan-informasi/${documentId}/transitions`, { to: 'dikabulkan' });
  builtStats = (await cmsCall(null, 'GET', `/api/statistik-permohonan?tahun=${year}`)).data;

  service = createRebuildService({
    apiUrl: () => proxy.url,
    token: 'token-uji-permohonan-0123456789',
    buildsDir: path.join(tmp, 'builds'),
    liveLink: path.join(tmp, 'live'),
    debounceMs: 200,
    maxWaitMs: 2000,
    log: (line) => serviceLog.push(line),
  });
  service.requestBuild('uji: halaman permohonan');
  await service.idle();
  assert.equal(service.state.status, 'berhasil', serviceLog.join('\n'));
  siteServer = service.siteServer();
  site = await listen(siteServer, '127.0.0.1', String(BASE));
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

async function fill(p: Page, data: Record<string, string>) {
  for (const [name, value] of Object.entries(data)) {
    if (['jenisPemohon', 'caraMemperoleh', 'caraMenerima'].includes(name)) await p.check(`#f-${name}-${value}`);
    else if (name !== 'situsWeb') await p.fill(`#f-${name}`, value);
  }
}

test('bad input: each field shows its Indonesian message, the summary links to it, nothing is stored', async () => {
  const p = await page('/permohonan/');
  assert.equal(await p.locator('#request-noscript').isVisible(), false);
  assert.equal(await p.locator('#request-form').isVisible(), true);
  assert.deepEqual(await axeViolations(p), []);
  const before = await requestCount();
  await fill(p, { ...goodRequest('Pemohon Salah'), nomorIdentitas: '123', email: 'bukan-email', telepon: 'abc' });
  await p.click('#request-submit');
  await p.locator('#request-errors').waitFor({ state: 'visible' });
  assert.match(await p.locator('#f-nomorIdentitas-error').innerText(), /NIK harus terdiri atas 16 angka/);
  assert.match(await p.locator('#f-email-error').innerText(), /Alamat e-mail tidak valid/);
  assert.match(await p.locator('#f-telepon-error').innerText(), /Nomor telepon tidak valid/);
  assert.equal(await p.locator('#f-nama-error').isVisible(), false);
  assert.equal(await p.locator('#f-email').getAttribute('aria-invalid'), 'true');
  assert.equal(await p.locator('#request-errors-list li').count(), 3);
  assert.equal(await p.locator('#request-errors-list a').first().getAttribute('href'), '#f-nomorIdentitas');
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'request-errors');
  assert.deepEqual(await axeViolations(p), []);
  await p.screenshot({ path: path.join(SHOTS, 'permohonan-salah.png'), fullPage: true });
  // A missing choice is named too.
  const q = await page('/permohonan/');
  await fill(q, { nama: 'Pemohon Tanpa Pilihan' });
  await q.click('#request-submit');
  await q.locator('#request-errors').waitFor({ state: 'visible' });
  assert.match(await q.locator('#f-caraMemperoleh-error').innerText(), /Cara memperoleh/);
  assert.match(await q.locator('#f-rincianInformasi-error').innerText(), /wajib diisi/);
  assert.equal(await requestCount(), before);
});

test('good input shows the registration number and the tracking code; tracking with the right and a wrong code', async () => {
  const p = await page('/permohonan/');
  const before = await requestCount();
  await fill(p, goodRequest('Pemohon Situs'));
  await p.click('#request-submit');
  await p.locator('#request-done').waitFor({ state: 'visible' });
  const nomor = await p.locator('#done-nomor').innerText();
  const kode = await p.locator('#done-kode').innerText();
  assert.match(nomor, new RegExp(`^\\d{3}/PPID/${year}$`));
  assert.match(kode, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  assert.match(await p.locator('#done-batas').innerText(), new RegExp(String(year)));
  assert.equal(await p.locator('#request-form').isVisible(), false);
  assert.equal(await requestCount(), before + 1);
  assert.deepEqual(await axeViolations(p), []);
  await p.screenshot({ path: path.join(SHOTS, 'permohonan-terkirim.png'), fullPage: true });

  // The confirmation links the tracking page with the number only.
  const href = await p.locator('#done-track').getAttribute('href');
  assert.equal(href, `/permohonan/lacak/?nomor=${encodeURIComponent(nomor)}`);
  assert.ok(!href!.includes(kode));
  const t = await page(href!);
  assert.equal(await t.locator('#t-nomor').inputValue(), nomor);
  assert.deepEqual(await axeViolations(t), []);
  await t.fill('#t-kode', 'AAAA-BBBB-CCCC');
  await t.click('#track-form button[type=submit]');
  await t.locator('#track-error').waitFor({ state: 'visible' });
  assert.match(await t.locator('#track-error-text').innerText(), /Nomor registrasi atau kode lacak tidak cocok/);
  assert.equal(await t.locator('#track-result').isVisible(), false);
  assert.deepEqual(await axeViolations(t), []);
  // The wrong code reads exactly like an unknown number.
  await t.fill('#t-nomor', `999/PPID/${year}`);
  await t.fill('#t-kode', kode);
  await t.click('#track-form button[type=submit]');
  await t.locator('#track-error').waitFor({ state: 'visible' });
  assert.match(await t.locator('#track-error-text').innerText(), /Nomor registrasi atau kode lacak tidak cocok/);

  await t.fill('#t-nomor', nomor);
  await t.fill('#t-kode', kode.toLowerCase());
  await t.click('#track-form button[type=submit]');
  await t.locator('#track-result').waitFor({ state: 'visible' });
  assert.equal(await t.locator('#track-error').isVisible(), false);
  assert.equal(await t.locator('#track-result-title').innerText(), `Status permohonan ${nomor}`);
  const text = await t.locator('#track-list').innerText();
  assert.match(text, /Diterima, menunggu diproses/);
  assert.match(text, /Batas waktu jawaban/);
  for (const personal of ['Pemohon Situs', '3175012345678901', 'uji.situs@contoh.id', '081234567890']) assert.ok(!text.includes(personal));
  // The code went in a POST body, never in the page's address.
  assert.ok(!t.url().includes(kode) && !t.url().toLowerCase().includes(kode.toLowerCase()));
  assert.deepEqual(await axeViolations(t), []);
  await t.screenshot({ path: path.join(SHOTS, 'lacak-permohonan.png'), fullPage: true });
});

test('English pages: English labels, the CMS messages in Indonesian marked as such, no axe violation', async () => {
  const p = await page('/en/permohonan/');
  assert.equal(await p.locator('html').getAttribute('lang'), 'en');
  assert.equal(await p.locator('label[for="f-email"]').innerText(), 'E-mail address');
  assert.deepEqual(await axeViolations(p), []);
  await fill(p, { ...goodRequest('Requester English'), email: 'bukan-email' });
  await p.click('#request-submit');
  await p.locator('#f-email-error').waitFor({ state: 'visible' });
  assert.equal(await p.locator('#f-email-error').getAttribute('lang'), 'id');
  assert.deepEqual(await axeViolations(p), []);
  // Tracking in English: the state in English.
  const made = (await cmsCall(null, 'POST', '/api/permohonan-informasi', { data: goodRequest('Requester English') })).data;
  const t = await page(`/en/permohonan/lacak/?nomor=${encodeURIComponent(made.nomorRegistrasi)}`);
  await t.fill('#t-kode', made.kodeLacak);
  await t.click('#track-form button[type=submit]');
  await t.locator('#track-result').waitFor({ state: 'visible' });
  assert.equal(await t.locator('#track-result-title').innerText(), `Status of request ${made.nomorRegistrasi}`);
  assert.match(await t.locator('#track-list').innerText(), /Received, waiting to be processed/);
  assert.deepEqual(await axeViolations(t), []);
  for (const pathname of ['/en/permohonan/lacak/', '/en/statistik/']) {
    const q = await page(pathname);
    assert.equal(await q.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(await axeViolations(q), [], pathname);
  }
});

test('without JavaScript: no form, but how to request at the office, with its address', async () => {
  // The page as it is when its script does not run: script files are refused (axe still runs,
  // through the DevTools protocol; a context with JavaScript switched off could not run it).
  const p = await context.newPage();
  await p.route('**/_astro/*.js', (route) => route.abort());
  for (const pathname of ['/permohonan/', '/permohonan/lacak/']) {
    await p.goto(`${site}${pathname}`);
    const form = pathname === '/permohonan/' ? '#request-form' : '#track-form';
    const notice = pathname === '/permohonan/' ? '#request-noscript' : '#track-noscript';
    assert.equal(await p.locator(form).isVisible(), false);
    assert.equal(await p.locator(notice).isVisible(), true);
    assert.deepEqual(await axeViolations(p), [], pathname);
  }
  await p.goto(`${site}/permohonan/`);
  assert.match(await p.locator('#request-noscript').innerText(), /secara langsung di meja layanan PPID, melalui surat, atau e-mail/);
  assert.match(await p.locator('#office').innerText(), /Jl\. Jenderal Sudirman No\. 51/);
  await p.screenshot({ path: path.join(SHOTS, 'permohonan-tanpa-js.png'), fullPage: true });
  await p.close();
});

test('statistics: the CMS figures at build time, in both languages, as accessible tables', async () => {
  const p = await page('/statistik/');
  assert.deepEqual(await axeViolations(p), []);
  const section = p.locator(`section[data-tahun="${year}"]`);
  assert.equal(await section.locator('[data-stat="jumlahPermohonan"]').innerText(), String(builtStats.jumlahPermohonan));
  assert.equal(await section.locator('[data-stat="selesai"]').innerText(), String(builtStats.selesai));
  assert.equal(await section.locator('[data-outcome="dikabulkan"]').innerText(), String(builtStats.keputusan.dikabulkan));
  const month = new Date(Date.now() + 7 * 3_600_000).getUTCMonth() + 1;
  assert.equal(await section.locator(`[data-month="${month}"]`).innerText(), String(builtStats.perBulan[month - 1]));
  assert.equal(builtStats.jumlahPermohonan, 3);
  assert.equal(builtStats.keputusan.dikabulkan, 1);
  // The last full year is there too (the annual report's figures).
  assert.equal(await p.locator(`section[data-tahun="${year - 1}"] [data-stat="jumlahPermohonan"]`).innerText(), '0');
  await p.screenshot({ path: path.join(SHOTS, 'statistik.png'), fullPage: true });
  const en = await page('/en/statistik/');
  const enSection = en.locator(`section[data-tahun="${year}"]`);
  assert.equal(await enSection.locator('[data-stat="jumlahPermohonan"]').innerText(), String(builtStats.jumlahPermohonan));
  assert.match(await enSection.locator('h2').innerText(), new RegExp(`^Year ${year} \\(up to `));
  assert.equal(await en.locator(`section[data-tahun="${year}"] caption`).first().innerText(), `Requests per month, ${year}`);
});

test('the three pages have no inline script or style, and their CSP lets them call the CMS only', async () => {
  for (const rel of ['permohonan/index.html', 'permohonan/lacak/index.html', 'statistik/index.html', 'en/permohonan/index.html']) {
    const html = await readFile(path.join(tmp, 'live', rel), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, rel);
    assert.doesNotMatch(html, /\sstyle=/, rel);
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, new RegExp(`connect-src 'self' ${proxy.url.replace(/[.]/g, '\\.')}(;|$)`), rel);
    assert.doesNotMatch(csp, /unsafe-inline/);
  }
  const res = await fetch(`${site}/permohonan/`);
  assert.match(res.headers.get('content-security-policy') ?? '', new RegExp(`connect-src 'self' ${proxy.url.replace(/[.]/g, '\\.')};`));
});

test('reflow: at 320 px wide the three pages never scroll sideways (WCAG 1.4.10)', async () => {
  const narrow = await browser.newContext({ viewport: { width: 320, height: 800 } });
  try {
    for (const pathname of ['/permohonan/', '/permohonan/lacak/', '/statistik/', '/en/permohonan/']) {
      const p = await page(pathname, narrow);
      const wide = await p.evaluate(() =>
        Array.from(document.querySelectorAll('body *'))
          .filter((el) => el.getBoundingClientRect().right > 321 && getComputedStyle(el).position !== 'absolute')
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}#${el.id}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`),
      );
      assert.equal(await p.evaluate(() => document.documentElement.scrollWidth), 320, `${pathname}: ${wide.join(' | ')}`);
      await p.close();
    }
  } finally {
    await narrow.close();
  }
});
