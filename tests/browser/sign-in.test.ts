/// <reference lib="dom" />
/**
 * Issue #4 end to end in headless Chromium (Debian `chromium` driven by playwright-core):
 * the admin SPA hands its sign-in over to the Indonesian page; first admin → enrollment (QR and
 * manual key) → recovery codes → lands in the admin panel; logout → sign-in → code page → panel.
 * Needs the built admin panel (dist/build); builds it once if missing (~60 s).
 * Screenshots go to .tmp/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { referenceTotp } from '../helpers/reference-totp';
import { ensureAdminBuild, launchChromium } from '../helpers/browser';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import type { Browser, Page } from 'playwright-core';

jest.setTimeout(600_000);

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, '.tmp', 'screens');

/* RFC 6238 codes from an implementation independent of speakeasy (tests/helpers/reference-totp.ts). */
const totp = referenceTotp;
let lastStep = 0;
async function nextCode(secret: string): Promise<string> {
  const now = () => Math.floor(Date.now() / 30_000);
  while (lastStep + 1 > now() + 1) await new Promise((r) => setTimeout(r, 1000));
  lastStep = Math.max(now(), lastStep + 1);
  return totp(secret, lastStep);
}

let strapi: Core.Strapi;
let browser: Browser;
let base = '';
const consoleProblems: string[] = [];

beforeAll(async () => {
  ensureAdminBuild();
  fs.mkdirSync(SCREENS, { recursive: true });
  // A fresh database of the suite's engine (SQLite file or throwaway PostgreSQL database).
  strapi = await setupStrapi({}, { serveAdminPanel: true });
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

/** The admin panel is up: the SPA shell rendered its navigation for a logged-in user. */
async function expectInAdminPanel(page: Page) {
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  await page.locator('nav').first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const me = await page.evaluate(async () => {
    const raw = localStorage.getItem('jwtToken');
    const token = raw ? JSON.parse(raw) : decodeURIComponent((document.cookie.match(/(?:^|; )jwtToken=([^;]*)/) ?? [])[1] ?? '');
    const res = await fetch('/admin/users/me', { headers: { Authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as { data: { id: number; email: string } } };
  });
  expect(me.status).toBe(200);
  return me.body.data;
}

test('first admin: enrollment with QR code and manual key, recovery codes once, then the admin panel; logout and sign in with a code', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) consoleProblems.push(msg.text());
  });

  // The SPA finds no admin and routes to its register-admin form; the guard reloads into our page.
  await page.goto(`${base}/admin`);
  const form = page.locator('#s-register-admin');
  await form.waitFor({ state: 'visible', timeout: 60_000 });
  expect(page.url()).toContain('/admin/auth/register-admin');
  await form.locator('input[name=firstname]').fill('Rahmat');
  await form.locator('input[name=lastname]').fill('Hidayat');
  await form.locator('input[name=email]').fill('kadis@ppid.test');
  // A weak password is refused with the Indonesian reason.
  await form.locator('input[name=password]').fill('rahmat12345');
  await form.locator('input[name=confirm]').fill('rahmat12345');
  await form.locator('button[type=submit]').click();
  await page.locator('#alert').waitFor({ state: 'visible' });
  expect(await page.locator('#alert').textContent()).toMatch(/minimal 12 karakter|tidak boleh memuat nama/);
  await shot(page, '01-daftar-admin-ditolak');

  const password = 'pantai padang sore yang cerah';
  await form.locator('input[name=password]').fill(password);
  await form.locator('input[name=confirm]').fill(password);
  await form.locator('button[type=submit]').click();

  // Enrollment: QR code and manual key.
  const enroll = page.locator('#s-enroll');
  await enroll.waitFor({ state: 'visible' });
  await page.waitForFunction(() => (document.getElementById('qr') as HTMLImageElement).complete && (document.getElementById('qr') as HTMLImageElement).naturalWidth > 0);
  expect(await page.locator('#qr').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  const secret = ((await page.locator('#manual-key').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await shot(page, '02-pendaftaran-2fa');
  await enroll.locator('input[name=code]').fill(await nextCode(secret));
  await enroll.locator('button[type=submit]').click();

  // Recovery codes, once; continuing needs the confirmation tick.
  const codesForm = page.locator('#s-codes');
  await codesForm.waitFor({ state: 'visible' });
  const codes = await page.locator('#codes-list li').allTextContents();
  expect(codes).toHaveLength(10);
  expect(await page.locator('#codes-continue').isDisabled()).toBe(true);
  await shot(page, '03-kode-pemulihan');
  await codesForm.locator('input[name=saved]').check();
  await page.locator('#codes-continue').click();

  const me = await expectInAdminPanel(page);
  expect(me.email).toBe('kadis@ppid.test');
  await shot(page, '04-panel-admin');

  // The SPA's own session renewal works with the refresh cookie set by the gate.
  const renewed = await page.evaluate(async () => (await fetch('/admin/access-token', { method: 'POST', credentials: 'include' })).status);
  expect(renewed).toBe(200);

  // Log out through the SPA's own menu: it routes to /auth/login, the guard hands over to our page.
  await page.locator('button[aria-haspopup="menu"]').filter({ hasText: 'RH' }).first().click();
  await page.getByRole('menuitem', { name: /Keluar|Log ?out/i }).click();
  const login = page.locator('#s-login');
  await login.waitFor({ state: 'visible', timeout: 30_000 });
  await shot(page, '05-masuk');

  await login.locator('input[name=email]').fill('kadis@ppid.test');
  await login.locator('input[name=password]').fill(password);
  await login.locator('button[type=submit]').click();
  const codePage = page.locator('#s-code');
  await codePage.waitFor({ state: 'visible' });
  // No session yet: no token stored, the refresh endpoint refuses.
  expect(await page.evaluate(() => localStorage.getItem('isLoggedIn'))).toBeNull();
  expect(await page.evaluate(async () => (await fetch('/admin/access-token', { method: 'POST', credentials: 'include' })).status)).toBe(401);

  await codePage.locator('input[name=code]').fill('000000');
  await codePage.locator('button[type=submit]').click();
  await page.locator('#alert').waitFor({ state: 'visible' });
  expect(await page.locator('#alert').textContent()).toMatch(/Kode verifikasi salah/);
  await shot(page, '06-kode-salah');

  await codePage.locator('input[name=code]').fill(await nextCode(secret));
  await codePage.locator('button[type=submit]').click();
  const again = await expectInAdminPanel(page);
  expect(again.email).toBe('kadis@ppid.test');
  await shot(page, '07-panel-admin-setelah-kode');

  // 91 days later the password has expired: after the code, the change page, then the panel.
  await strapi.db
    .query('api::akun-keamanan.akun-keamanan')
    .update({ where: { userId: again.id }, data: { passwordChangedAt: new Date(Date.now() - 91 * 24 * 3600_000) } });
  await page.locator('button[aria-haspopup="menu"]').filter({ hasText: 'RH' }).first().click();
  await page.getByRole('menuitem', { name: /Keluar|Log ?out/i }).click();
  await login.waitFor({ state: 'visible', timeout: 30_000 });
  await login.locator('input[name=email]').fill('kadis@ppid.test');
  await login.locator('input[name=password]').fill(password);
  await login.locator('button[type=submit]').click();
  await codePage.waitFor({ state: 'visible' });
  await codePage.locator('input[name=code]').fill(await nextCode(secret));
  await codePage.locator('button[type=submit]').click();
  const change = page.locator('#s-change');
  await change.waitFor({ state: 'visible' });
  await change.locator('input[name=password]').fill(password);
  await change.locator('input[name=confirm]').fill(password);
  await change.locator('button[type=submit]').click();
  await page.locator('#alert').waitFor({ state: 'visible' });
  expect(await page.locator('#alert').textContent()).toMatch(/5 kata sandi terakhir/);
  await shot(page, '08-ganti-kata-sandi-kedaluwarsa');
  await change.locator('input[name=password]').fill('ngarai sianok di pagi hari');
  await change.locator('input[name=confirm]').fill('ngarai sianok di pagi hari');
  await change.locator('button[type=submit]').click();
  await expectInAdminPanel(page);

  expect(consoleProblems).toEqual([]);
  await context.close();
});

test("the SPA shell is Strapi's own (the hand-over lives in the SPA's register hook) and carries the strict headers", async () => {
  const res = await fetch(`${base}/admin/content-manager`);
  const html = await res.text();
  expect(html).toContain('id="strapi"');
  expect(html).not.toContain('ppid-auth');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
});
