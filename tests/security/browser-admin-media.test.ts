/// <reference lib="dom" />
/**
 * Private files still work for editors in the real admin panel (ASVS 5.0 V5): an Operator signs in
 * through the PPID page, opens the Media Library, and sees the preview of a private image (one
 * attached to nothing, so 404 for anonymous requests) through the signed URL the panel received.
 * The panel also loads while GET /admin/information answers 403 to this non-super-admin.
 * Needs the built admin panel (dist/build); (re)builds it when missing or older than src/admin.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import type { Browser } from 'playwright-core';
import { ensureAdminBuild, launchChromium } from '../helpers/browser';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { image } from '../helpers/files';

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, '.tmp', 'screens');
const PASSWORD = 'rumah-makan-padang-sejati';

let strapi: Core.Strapi;
let browser: Browser;
let base = '';


beforeAll(async () => {
  ensureAdminBuild();
  fs.mkdirSync(SCREENS, { recursive: true });
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA, { serveAdminPanel: true });
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

test('an Operator sees the preview of a private image in the Media Library', async () => {
  const operator = await createAdmin(strapi, 'operator', { password: PASSWORD, firstname: 'Rina', lastname: 'Operator' });
  const token = await adminToken(strapi, operator.id);
  const form = new FormData();
  form.append('files', new Blob([new Uint8Array(await image('png', 300))], { type: 'image/png' }), 'pratinjau-pribadi.png');
  const uploaded = await fetch(`${base}/upload`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form });
  expect(uploaded.status).toBe(201);
  const [file] = (await uploaded.json()) as Array<{ hash: string; url: string }>;
  const plainUrl = file.url.split('?')[0];
  expect((await fetch(`${base}${plainUrl}`)).status).toBe(404);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  const information: number[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('/admin/information')) information.push(r.status());
  });
  await page.goto(`${base}/admin/auth/login`);
  const formEl = page.locator('#s-login');
  await formEl.waitFor({ state: 'visible', timeout: 60_000 });
  await formEl.locator('input[name=email]').fill(operator.email);
  await formEl.locator('input[name=password]').fill(PASSWORD);
  await formEl.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  await page.locator('nav').first().waitFor({ timeout: 60_000 });

  await page.goto(`${base}/admin/plugins/upload`);
  const preview = page.locator(`img[src*="${file.hash}"]`).first();
  await preview.waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForFunction((hash) => {
    const img = document.querySelector(`img[src*="${hash}"]`) as HTMLImageElement | null;
    return Boolean(img && img.complete && img.naturalWidth > 0);
  }, file.hash, { timeout: 30_000 });
  const src = await preview.getAttribute('src');
  expect(src).toMatch(/\/uploads\/.*\?ppid_exp=\d+&ppid_sig=/);
  await page.screenshot({ path: path.join(SCREENS, 'media-library-private-preview.png') });

  // The panel asked for /admin/information, got 403 (not a super admin) and still works.
  expect(information).toContain(403);
  await context.close();
});
