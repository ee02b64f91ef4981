// The site in a real browser: Debian's Chromium driven by playwright-core, against the built
// site served by serve.js and a stub of the Strapi API, both on free loopback ports.
// Waits are on page state (data-state attributes, URLs), never on time.

import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from '../../build.js';
import { createSiteServer } from '../../serve.js';
import { auditPage } from '../support/a11y.js';
import { documentIdOf } from '../support/fixtures.js';
import { startStubApi } from '../support/stub-api.js';

const CHROMIUM = '/usr/bin/chromium';
const here = path.dirname(fileURLToPath(import.meta.url));
const SHOTS = path.resolve(here, '../../test-results');

let stub;
let outDir;
let server;
let site;
let browser;
/** @type {import('playwright-core').BrowserContext[]} */
let contexts = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install it with "apt-get update && apt-get install -y chromium"`);
  }
  await mkdir(SHOTS, { recursive: true });
  stub = await startStubApi();
  outDir = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-e2e-'));
  await build({ outDir, apiUrl: stub.url });
  server = await createSiteServer({ root: outDir, apiOrigin: stub.url });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await stub?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

afterEach(async () => {
  stub?.setDown(false);
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

/**
 * A fresh page (own storage) that records script errors and CSP violations.
 * @param {{ width?: number, height?: number }} [viewport]
 */
async function newPage(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return { page, errors };
}

const ready = (page, selector) => page.waitForSelector(`${selector}:not([data-state="loading"])`);
const stateOf = (page, selector) => page.getAttribute(selector, 'data-state');
const textOf = async (page, selector) => ((await page.textContent(selector)) ?? '').replace(/\s+/g, ' ').trim();
const shot = (page, name, fullPage = true) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
const search = (page) => new URL(page.url()).searchParams;

async function openList(page, query = '') {
  await page.goto(`${site}/informasi.html${query}`);
  await ready(page, '#results');
}

describe('Daftar Informasi Publik', () => {
  test('shows the first page of entries and the total', async () => {
    const { page, errors } = await newPage();
    await openList(page);
    expect(await stateOf(page, '#results')).toBe('ready');
    expect(await page.locator('.dip-item').count()).toBe(10);
    expect(await textOf(page, '#results-status')).toBe('Menampilkan 1–10 dari 23 informasi');
    const first = await textOf(page, '.dip-item:first-child');
    for (const part of ['Laporan Keuangan 2026', 'DIP/2026/001', 'Informasi Berkala', 'Sekretariat', '2026']) expect(first).toContain(part);
    expect(await page.getAttribute('.dip-item:first-child h3 a', 'href')).toBe(`dokumen.html?id=${documentIdOf(1)}`);
    const last = stub.requests.filter((u) => u.pathname === '/api/dip-documents').pop();
    expect(last.searchParams.get('pagination[pageSize]')).toBe('10');
    expect(last.searchParams.get('locale')).toBe('id');
    expect(await page.locator('#unit option').count()).toBe(4); // "all" + 3 units from /api/bidangs
    await shot(page, 'list');
    expect(errors).toEqual([]);
  });

  test('filtering by category changes the list and the URL', async () => {
    const { page, errors } = await newPage();
    await openList(page);
    await page.selectOption('#kategori', 'serta_merta');
    await Promise.all([page.waitForURL(/kategori=serta_merta/), page.click('#filters button[type=submit]')]);
    await ready(page, '#results');
    expect(search(page).toString()).toBe('kategori=serta_merta');
    expect(await page.locator('.dip-item').count()).toBe(3);
    expect(await page.locator('.dip-item .tag').allTextContents()).toEqual(Array(3).fill('Informasi Serta Merta'));
    expect(await textOf(page, '#results-status')).toBe('Menampilkan 1–3 dari 3 informasi');
    expect(await page.inputValue('#kategori')).toBe('serta_merta');
    expect(await page.isHidden('#pagination')).toBe(true);
    await shot(page, 'list-filtered');
    expect(errors).toEqual([]);
  });

  test('unit and year filters', async () => {
    const { page } = await newPage();
    await openList(page, '?unit=unitpelayanan00000000002&tahun=2025');
    expect(await page.inputValue('#unit')).toBe('unitpelayanan00000000002');
    expect(await page.inputValue('#tahun')).toBe('2025');
    const items = await page.locator('.dip-item').allTextContents();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toContain('Bidang Pelayanan Perizinan');
      expect(item).toContain('2025');
    }
  });

  test('pagination: next, previous, page numbers and the back button', async () => {
    const { page, errors } = await newPage();
    await openList(page);
    expect(await page.locator('#pagination a[rel=prev]').count()).toBe(0);
    const firstOnPage1 = await textOf(page, '.dip-item:first-child h3');

    await Promise.all([page.waitForURL(/page=2/), page.click('#pagination a[rel=next]')]);
    await ready(page, '#results');
    expect(await textOf(page, '#results-status')).toBe('Menampilkan 11–20 dari 23 informasi');
    expect(await textOf(page, '#pagination [aria-current=page]')).toBe('2');
    expect(await textOf(page, '.pagination__summary')).toBe('Halaman 2 dari 3');
    expect(await textOf(page, '.dip-item:first-child h3')).not.toBe(firstOnPage1);
    await shot(page, 'list-page2');

    await Promise.all([page.waitForURL((url) => !url.searchParams.has('page')), page.click('#pagination a[rel=prev]')]);
    await ready(page, '#results');
    expect(await textOf(page, '#results-status')).toBe('Menampilkan 1–10 dari 23 informasi');
    expect(await textOf(page, '.dip-item:first-child h3')).toBe(firstOnPage1);

    await page.goBack();
    await ready(page, '#results');
    expect(search(page).get('page')).toBe('2');
    expect(await textOf(page, '#results-status')).toBe('Menampilkan 11–20 dari 23 informasi');

    await Promise.all([page.waitForURL(/page=3/), page.click('#pagination a[aria-label="Halaman 3"]')]);
    await ready(page, '#results');
    expect(await page.locator('.dip-item').count()).toBe(3);
    expect(await page.locator('#pagination a[rel=next]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('search: matches in titles, and an empty result says so', async () => {
    const { page, errors } = await newPage();
    await openList(page);
    await page.fill('#q', 'keuangan');
    await Promise.all([page.waitForURL(/q=keuangan/), page.press('#q', 'Enter')]);
    await ready(page, '#results');
    const titles = await page.locator('.dip-item h3').allTextContents();
    expect(titles).toHaveLength(3);
    for (const title of titles) expect(title).toMatch(/Keuangan/);

    await page.fill('#q', 'zzz tidak ada');
    await Promise.all([page.waitForURL(/q=zzz/), page.click('#filters button[type=submit]')]);
    await ready(page, '#results');
    expect(await stateOf(page, '#results')).toBe('empty');
    expect(await textOf(page, '#results-status')).toContain('Tidak ada informasi yang sesuai dengan pencarian Anda.');
    expect(await page.locator('.dip-item').count()).toBe(0);
    expect(await page.inputValue('#q')).toBe('zzz tidak ada');
    await shot(page, 'list-empty');
    expect(errors).toEqual([]);
  });

  test('a page past the end offers the first page', async () => {
    const { page } = await newPage();
    await openList(page, '?page=9');
    expect(await stateOf(page, '#results')).toBe('empty');
    expect(await textOf(page, '#results-status')).toContain('Halaman 9 tidak tersedia');
  });
});

describe('detail page', () => {
  test('shows every public field and the PDF link with its size', async () => {
    const { page, errors } = await newPage();
    await openList(page);
    await Promise.all([page.waitForURL(/dokumen\.html\?id=/), page.click('.dip-item:first-child h3 a')]);
    await ready(page, '#detail');
    expect(await stateOf(page, '#detail')).toBe('ready');
    expect(await textOf(page, 'h1')).toBe('Laporan Keuangan 2026');
    expect(await page.title()).toBe('Laporan Keuangan 2026 — PPID');
    expect(await textOf(page, '#ringkasan')).toContain('Laporan realisasi anggaran');
    const expected = {
      nomor: 'DIP/2026/001',
      kategori: 'Informasi Berkala',
      unit: 'Sekretariat',
      pejabatPenguasa: 'Kepala Sekretariat',
      penanggungJawab: 'Sub Koordinator Pengelolaan Informasi',
      waktuPembuatan: '10 Januari 2026',
      tempatPembuatan: 'Wonosari',
      bentukInformasi: 'Softcopy (elektronik)',
      jangkaWaktuPenyimpanan: '5 tahun',
      tahun: '2026',
    };
    for (const [field, value] of Object.entries(expected)) {
      expect([field, await textOf(page, `[data-field="${field}"] dd`)]).toEqual([field, value]);
    }
    expect(await page.getAttribute('#download-link', 'href')).toBe(`${stub.url}/uploads/dip_001.pdf`);
    expect(await textOf(page, '.download')).toBe('Unduh laporan-keuangan-2026.pdf (PDF, 246 KB)');
    await shot(page, 'detail');
    expect(errors).toEqual([]);
  });

  test('an entry without a file says how to get it', async () => {
    const { page } = await newPage();
    await page.goto(`${site}/dokumen.html?id=${documentIdOf(7)}`);
    await ready(page, '#detail');
    expect(await page.locator('#download-link').count()).toBe(0);
    expect(await textOf(page, '#detail')).toContain('Berkas digital belum tersedia');
  });

  test('an unknown id shows the not-found state', async () => {
    const { page } = await newPage();
    await page.goto(`${site}/dokumen.html?id=tidakada0000000000000000`);
    await ready(page, '#detail');
    expect(await stateOf(page, '#detail')).toBe('notfound');
    expect(await textOf(page, 'h1')).toBe('Informasi tidak ditemukan');
    expect(await page.title()).toBe('Informasi tidak ditemukan — PPID');
    await shot(page, 'detail-notfound');

    await page.goto(`${site}/dokumen.html`);
    await ready(page, '#detail');
    expect(await stateOf(page, '#detail')).toBe('notfound');
  });
});

describe('language', () => {
  test('?lang=en switches labels and <html lang>, and the choice is remembered', async () => {
    const { page, errors } = await newPage();
    await openList(page, '?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page, 'h1')).toBe('Public Information List');
    expect(await textOf(page, 'label[for=kategori]')).toBe('Category');
    expect(await textOf(page, '#filters button[type=submit]')).toBe('Apply');
    expect(await textOf(page, '#results-status')).toBe('Showing 1–10 of 22 items');
    expect(await textOf(page, '.dip-item:first-child .tag')).toBe('Periodic information');
    expect(await textOf(page, '.dip-item:first-child h3')).toBe('Financial Report 2026');
    expect(await page.getAttribute('.dip-item:first-child h3 a', 'href')).toMatch(/&lang=en$/);
    expect(await page.title()).toBe('Public Information List — PPID');
    const last = stub.requests.filter((u) => u.pathname === '/api/dip-documents').pop();
    expect(last.searchParams.get('locale')).toBe('en');
    await shot(page, 'list-en');

    await page.goto(`${site}/index.html`); // no lang in the URL: remembered
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page, 'h1')).toBe('Public Information and Documentation Office');
    await shot(page, 'home-en');

    await Promise.all([page.waitForURL(/lang=id/), page.click('[data-lang-switch]')]);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await textOf(page, 'h1')).toBe('Pejabat Pengelola Informasi dan Dokumentasi');
    expect(await textOf(page, '[data-lang-switch]')).toBe('English');
    expect(await page.getAttribute('[data-lang-switch]', 'lang')).toBe('en');
    expect(errors).toEqual([]);
  });

  test('the language link keeps the filters', async () => {
    const { page } = await newPage();
    await openList(page, '?kategori=berkala&page=2');
    await Promise.all([page.waitForURL(/lang=en/), page.click('[data-lang-switch]')]);
    await ready(page, '#results');
    expect(search(page).get('kategori')).toBe('berkala');
    expect(search(page).get('page')).toBe('2');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page, '.pagination__summary')).toMatch(/^Page 2 of /);
  });

  test('an entry not yet translated is shown in Indonesian, marked as such', async () => {
    const { page } = await newPage();
    await page.goto(`${site}/dokumen.html?id=${documentIdOf(23)}&lang=en`);
    await ready(page, '#detail');
    expect(await stateOf(page, '#detail')).toBe('ready');
    expect(await textOf(page, '#detail')).toContain('not yet available in English');
    expect(await page.getAttribute('h1', 'lang')).toBe('id');
    expect(await textOf(page, '[data-field="kategori"] dt')).toBe('Category');
    await shot(page, 'detail-en-fallback');
  });
});

describe('units page', () => {
  test('lists the units, each linking to its entries', async () => {
    const { page, errors } = await newPage();
    await page.goto(`${site}/unit.html`);
    await ready(page, '#units');
    expect(await page.locator('.unit h2').allTextContents()).toEqual(['Bidang Pelayanan Perizinan', 'Bidang Penanaman Modal', 'Sekretariat']);
    expect(await page.getAttribute('a[href^="mailto:"] >> nth=0', 'href')).toBe('mailto:perizinan@ppid.example.go.id');
    await shot(page, 'units');
    await Promise.all([page.waitForURL(/unit=unitsekretariat/), page.click('text=Informasi publik dari Sekretariat')]);
    await ready(page, '#results');
    expect(await page.inputValue('#unit')).toBe('unitsekretariat0000000001');
    expect(await textOf(page, '#results-status')).toBe('Menampilkan 1–8 dari 8 informasi');
    expect(errors).toEqual([]);
  });
});

describe('when the API is down', () => {
  test('every page says the service is unavailable', async () => {
    const { page } = await newPage();
    stub.setDown(true);
    await openList(page);
    expect(await stateOf(page, '#results')).toBe('error');
    expect(await textOf(page, '[role=alert]')).toContain('Layanan sedang tidak tersedia, coba lagi nanti.');
    await shot(page, 'list-unavailable');

    await page.goto(`${site}/dokumen.html?id=${documentIdOf(1)}`);
    await ready(page, '#detail');
    expect(await stateOf(page, '#detail')).toBe('error');
    expect(await textOf(page, '[role=alert]')).toContain('Layanan sedang tidak tersedia, coba lagi nanti.');

    await page.goto(`${site}/unit.html?lang=en`);
    await ready(page, '#units');
    expect(await stateOf(page, '#units')).toBe('error');
    expect(await textOf(page, '[role=alert]')).toContain('The service is currently unavailable, please try again later.');
  });
});

describe('static server', () => {
  test('an unknown path is a styled 404 page with status 404', async () => {
    const { page } = await newPage();
    const response = await page.goto(`${site}/tidak/ada/halaman`);
    expect(response.status()).toBe(404);
    expect(response.headers()['content-security-policy']).toContain(`connect-src 'self' ${stub.url}`);
    expect(await textOf(page, 'h1')).toBe('Halaman tidak ditemukan');
    const headerBg = await page.$eval('.site-header', (el) => getComputedStyle(el).backgroundColor);
    expect(headerBg).toBe('rgb(18, 53, 91)'); // the stylesheet loaded from a nested path
    await shot(page, 'page-404');
  });
});

describe('accessibility', () => {
  const pages = [
    ['home', '/index.html', null],
    ['list', '/informasi.html', '#results'],
    ['list, empty', '/informasi.html?q=zzzz', '#results'],
    ['list, English', '/informasi.html?lang=en&kategori=berkala', '#results'],
    ['detail', `/dokumen.html?id=${documentIdOf(1)}`, '#detail'],
    ['detail, not found', '/dokumen.html?id=nope', '#detail'],
    ['units', '/unit.html', '#units'],
    ['404', '/nope', null],
  ];

  test.each(pages)('%s passes the basic audit', async (name, url, container) => {
    const { page } = await newPage();
    await page.goto(`${site}${url}`);
    if (container) await ready(page, container);
    expect(await page.evaluate(auditPage)).toEqual([]);
  });

  test('the audit itself finds the problems it looks for', async () => {
    const { page } = await newPage();
    await page.setContent(`<!doctype html><html><head><title>x</title></head><body>
      <h1>a</h1><h1>b</h1><h3>skipped</h3><div id="d"></div><div id="d"></div>
      <input id="nolabel"><img src="data:,"><a href="/x"></a><button></button>
      <p style="color:#999;background:#fff">pale text</p></body></html>`);
    const problems = (await page.evaluate(auditPage)).join('\n');
    for (const expected of ['html lang', '2 h1', 'heading level skipped', 'banner', 'main', 'navigation', 'contentinfo',
      'skip link', 'duplicate id "d"', 'without a label', 'image without alt', 'link without a name', 'button without a name', 'contrast']) {
      expect(problems).toContain(expected);
    }
  });

  test('the unavailable state passes the basic audit', async () => {
    const { page } = await newPage();
    stub.setDown(true);
    await openList(page);
    expect(await page.evaluate(auditPage)).toEqual([]);
  });

  test.each(pages.filter(([name]) => ['home', 'list', 'detail', 'units'].includes(name)))(
    '%s fits a 320px wide screen',
    async (name, url, container) => {
      const { page } = await newPage({ width: 320, height: 640 });
      await page.goto(`${site}${url}`);
      if (container) await ready(page, container);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await shot(page, `mobile-${name}`, false); // what a phone shows first
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await shot(page, `mobile-${name}-end`, false);
    },
  );

  test('keyboard: the skip link comes first, is visible when focused, and moves focus to main', async () => {
    const { page } = await newPage();
    await openList(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(await page.$eval('.skip-link', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 221, 0)');
    await shot(page, 'focus-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Tab on to the first link inside main: the focus style is visible (yellow, not just an outline).
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, bg: style.backgroundColor, outline: style.outlineStyle, shadow: style.boxShadow };
    });
    expect(focused.tag).toBe('INPUT');
    expect(focused.outline).toBe('solid');
    await page.focus('.dip-item:first-child h3 a');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => getComputedStyle(document.activeElement).backgroundColor)).toBe('rgb(255, 221, 0)');
  });
});
