/// <reference lib="dom" />
/**
 * The "Laporan & Ekspor" page (src/admin/reports/) in headless Chromium: a Kepala Dinas opens the
 * month's evaluation draft and sees its figures as a table and a bar chart with its text
 * alternative, the recompute button of a draft, and runs a DIP export in the background until its
 * download link appears. Needs the built admin panel (dist/build); (re)builds it when missing or
 * older than src/admin. Screenshot: .tmp/screens/laporan.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import type { Browser } from 'playwright-core';
import { ensureAdminBuild, launchChromium } from '../helpers/browser';
import { createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { ensureReportDrafts, REPORT_UID } from '../../src/reports/drafts';

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, '.tmp', 'screens');
const PASSWORD = 'Kx9#vT2m-Qw7z-Lp4s';
const JOBS = 'api::ekspor-laporan.ekspor-laporan';

let strapi: Core.Strapi;
let browser: Browser;
let base = '';
let email = '';


beforeAll(async () => {
  ensureAdminBuild();
  fs.mkdirSync(SCREENS, { recursive: true });
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA, { serveAdminPanel: true });
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  email = (await createAdmin(strapi, 'kepala-dinas', { firstname: 'Rahmat', lastname: 'Hidayat', email: 'kadis@laporan.ppid.test', password: PASSWORD })).email;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

test('figures as table and chart with a text alternative; an export runs in the background to its download link', async () => {
  const local = new Date(Date.now() + 7 * 3_600_000);
  await ensureReportDrafts(strapi, new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1, 0, 5) - 7 * 3_600_000));
  const report = await strapi.db.query(REPORT_UID).findOne({ where: { jenis: 'evaluasi_koordinator' } });
  // Figures of a scripted month (the view is under test here; their computation has its own tests).
  const angka = {
    ...report.angka,
    sla: [
      { alur: 'Dokumen DIP', keadaan: 'Menunggu persetujuan Koordinator', workflow: 'a', state: 'b', jumlah: 3, terpenuhi: 2, terlambat: 1, medianMenitKerja: 120, terlamaMenitKerja: 3600 },
    ],
  };
  await strapi.db.query(REPORT_UID).update({ where: { id: report.id }, data: { angka } });

  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/admin/auth/login`);
  const form = page.locator('#s-login');
  await form.waitFor({ state: 'visible', timeout: 60_000 });
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });

  await page.goto(`${base}/admin/laporan-ppid`);
  const alt = 'Langkah tepat waktu dan terlambat: Menunggu persetujuan Koord… — Tepat waktu 2, Terlambat 1.';
  await page.getByText(alt).first().waitFor({ timeout: 60_000 });
  expect(await page.getByRole('img', { name: alt }).count()).toBe(1);
  expect(await page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SCREENS, 'laporan-angka.png'), fullPage: true });
  // The table beside the chart: the worst stay, 3600 business minutes.
  await page.getByText('60 jam', { exact: true }).first().waitFor();
  expect(await page.getByRole('button', { name: 'Hitung ulang angka' }).count()).toBe(1);

  await page.getByRole('button', { name: 'Daftar Informasi Publik (PDF)' }).click();
  await page.getByRole('button', { name: /Unduh daftar-informasi-publik-\d{4}\.pdf/ }).waitFor({ timeout: 120_000 });
  const job = await strapi.db.query(JOBS).findOne({ where: { jenis: 'dip_pdf' } });
  expect(job).toMatchObject({ status: 'selesai', kemajuan: 100 });
  await page.screenshot({ path: path.join(SCREENS, 'laporan.png'), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});
