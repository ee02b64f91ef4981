/// <reference lib="dom" />
/**
 * Issue #10 "Done when", end to end in headless Chromium against a seeded instance, every person
 * signing in through the real 2FA flow (enrollment at first sign-in, a TOTP code afterwards):
 * one memo walks all six steps, done in the side panel by the Sub Koordinator, the Koordinator,
 * the Kepala Dinas, the Sub Koordinator again and the Operator. After each step the memo leaves
 * the previous person's "Pekerjaan saya" and appears in the next one's; the memo list shows the
 * state and SLA columns changing; an overdue memo (its timer's due time moved into the past) is
 * *Terlambat* in the widget, under the list's SLA filter and in the notification centre; an
 * illegal step shows the server's message. The test data already satisfies the stricter memo
 * chain of issue #9 (a target unit in `tujuan`, a linked DIP entry with its PDF, published in `id`
 * before the last step). Screenshots: .tmp/screens/workspace-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensureAdminBuild, launchChromium } from '../helpers/browser';
import { referenceTotp } from '../helpers/reference-totp';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { runSeed } from '../../src/seed';
import { demoEmail } from '../../src/seed/demo-admins';
import { sweepTimers } from '../../src/workflow/sweeper';

jest.setTimeout(1_500_000);

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, '.tmp', 'screens');
const NOTA = 'api::nota-permintaan.nota-permintaan';
const DIP = 'api::dip-document.dip-document';
const TIMER = 'api::timer-sla.timer-sla';
const PASSWORD = 'Demo-Ppid-Sumbar-2026';

let strapi: Core.Strapi;
let browser: Browser;
let base = '';
const pageErrors: string[] = [];



beforeAll(async () => {
  ensureAdminBuild();
  fs.mkdirSync(SCREENS, { recursive: true });
  process.env.PPID_DEMO_PASSWORD = PASSWORD;
  // 2FA is required for every SOP role (the default): each person enrolls at first sign-in.
  strapi = await setupStrapi({}, { serveAdminPanel: true });
  await runSeed(strapi, { withDemoAdmins: true, log: () => {} });
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

/* ---------------------------------------------------------------------------------------------- */

const secrets: Record<string, string> = {};
const lastStep: Record<string, number> = {};

/** A fresh TOTP code for this person: never the time step used before (codes are single-use). */
async function nextCode(email: string): Promise<string> {
  const now = () => Math.floor(Date.now() / 30_000);
  while ((lastStep[email] ?? 0) >= now() + 1) await new Promise((r) => setTimeout(r, 1000));
  lastStep[email] = Math.max(now(), (lastStep[email] ?? 0) + 1);
  return referenceTotp(secrets[email], lastStep[email]);
}

interface Session {
  context: BrowserContext;
  page: Page;
  email: string;
}

/** Signs in through the PPID sign-in page: enrollment (QR + manual key, recovery codes) the first time, a code afterwards. */
async function signIn(role: string): Promise<Session> {
  const email = demoEmail(role);
  const context = await browser.newContext({ viewport: { width: 1680, height: 1000 }, locale: 'id-ID', timezoneId: 'UTC' });
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${role}: ${String(err)}`));
  await page.goto(`${base}/admin/auth/login`);
  const form = page.locator('#s-login');
  await form.waitFor({ state: 'visible', timeout: 60_000 });
  await form.locator('input[name=email]').fill(email);
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.locator('button[type=submit]').click();
  const enroll = page.locator('#s-enroll');
  const codePage = page.locator('#s-code');
  await Promise.race([enroll.waitFor({ state: 'visible' }), codePage.waitFor({ state: 'visible' })]);
  if (await enroll.isVisible()) {
    secrets[email] = ((await page.locator('#manual-key').textContent()) ?? '').replace(/\s+/g, '');
    await enroll.locator('input[name=code]').fill(await nextCode(email));
    await enroll.locator('button[type=submit]').click();
    const codes = page.locator('#s-codes');
    await codes.waitFor({ state: 'visible' });
    await codes.locator('input[name=saved]').check();
    await page.locator('#codes-continue').click();
  } else {
    await codePage.locator('input[name=code]').fill(await nextCode(email));
    await codePage.locator('button[type=submit]').click();
  }
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  await page.locator('nav').first().waitFor({ timeout: 60_000 });
  return { context, page, email };
}

/** The admin API with the signed-in person's own token (the session the 2FA sign-in opened). */
async function api(session: Session, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
  return session.page.evaluate(
    async ({ method, url, body }) => {
      const raw = localStorage.getItem('jwtToken');
      const token = raw ? JSON.parse(raw) : decodeURIComponent((document.cookie.match(/(?:^|; )jwtToken=([^;]*)/) ?? [])[1] ?? '');
      const res = await fetch(url, {
        method,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, url, body },
  );
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SCREENS, `workspace-${name}.png`), fullPage: true });
}

/** Opens the homepage and waits for "Pekerjaan saya" to finish loading; the memo's entry or null. */
async function myWorkEntry(page: Page, documentId: string) {
  await page.goto(`${base}/admin`);
  await page.getByText('Pekerjaan saya', { exact: true }).first().waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="my-work"], [data-testid="my-work-empty"]').first().waitFor({ timeout: 60_000 });
  const entry = page.locator(`[data-testid="my-work-item"][data-document-id="${documentId}"]`);
  return (await entry.count()) > 0 ? entry.first() : null;
}

/** Takes a step in the memo's side panel; returns the dialog's refusal text, or null when it went through. */
async function takeStep(page: Page, documentId: string, label: string, expectedState: string | null): Promise<string | null> {
  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/${documentId}`);
  const panel = page.getByTestId('workflow-panel');
  await panel.getByTestId('workflow-state').waitFor({ timeout: 60_000 });
  await panel.getByTestId('workflow-steps').getByRole('button', { name: label }).click();
  const dialog = page.getByTestId('workflow-dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
  if (expectedState === null) {
    const refusal = dialog.getByTestId('workflow-refusal');
    await refusal.waitFor();
    return ((await refusal.textContent()) ?? '').trim();
  }
  await page.getByText(`Status diperbarui: ${expectedState}`).first().waitFor({ timeout: 30_000 });
  return null;
}

/** The memo's row in the Content Manager list: its state and SLA cells. */
async function listRow(page: Page, perihal: string, search = '') {
  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}${search}`);
  const row = page.locator('tbody tr').filter({ hasText: perihal });
  await row.first().waitFor({ timeout: 60_000 });
  const sla = row.first().getByTestId('sla-cell');
  await sla.waitFor({ timeout: 30_000 });
  return {
    state: ((await row.first().getByTestId('state-cell').textContent()) ?? '').trim(),
    sla: await sla.getAttribute('data-status'),
    slaText: ((await sla.textContent()) ?? '').trim(),
  };
}

const stateOf = async (documentId: string) => (await strapi.db.query(NOTA).findOne({ where: { documentId } })).statusAlur as string;

/* ---------------------------------------------------------------------------------------------- */

test('one memo through all six steps: each person\'s "Pekerjaan saya", the list columns, overdue in widget, filter and notifications, an illegal step refused', async () => {
  const perihal = `Permintaan DIP ruang kerja ${Date.now()}`;
  const dipDocs = strapi.documents(DIP as any) as any;
  // A seeded DIP entry with its PDF, not exempt, taken offline so that the last step first fails.
  const entry = (await dipDocs.findMany({ locale: 'id', status: 'published', filters: { kategori: { $ne: 'dikecualikan' } }, populate: ['berkas'], limit: 50 })).find((d: any) => d.berkas);
  expect(entry).toBeTruthy();
  await dipDocs.unpublish({ documentId: entry.documentId, locale: 'id' });
  const unit = await (strapi.documents('api::bidang.bidang' as any) as any).findFirst({});

  // 1. Sub Koordinator: drafts the memo (one target unit) and submits it for initials.
  let who = await signIn('sub-koordinator');
  const created = await api(who, 'POST', `/content-manager/collection-types/${NOTA}`, {
    nomor: `NOTA/RK/${Date.now()}`,
    perihal,
    tanggalNota: '2026-11-20',
    isi: 'Mohon kirimkan daftar informasi publik unit kerja Anda.',
    tujuan: { connect: [{ documentId: unit.documentId }] },
  });
  expect(created.status).toBe(201);
  const id: string = created.body.data.documentId;
  const memoRow = await strapi.db.query(NOTA).findOne({ where: { documentId: id }, populate: ['tujuan'] });
  expect(memoRow.tujuan).toHaveLength(1);
  // The DIP entry the unit sent is linked to the memo (a link, not approved content).
  await dipDocs.update({ documentId: entry.documentId, locale: 'id', data: { notaPermintaan: id } });

  const own = await myWorkEntry(who.page, id);
  expect(own).not.toBeNull();
  expect(await own!.getByTestId('my-work-state').textContent()).toBe('Penyusunan konsep nota');
  expect(await own!.getAttribute('data-status')).toBe('on_track');
  // A clean, Indonesian homepage: no generic last-edited widget, no banner; no compliance widget for this role.
  const home = (await who.page.locator('body').textContent()) ?? '';
  expect(home).not.toMatch(/Memperkenalkan Pustaka Media|Introducing the new Media Library|Entri terakhir diedit|Last edited entries|masuk_berhasil/);
  expect(home).toContain('Notifikasi');
  expect(await who.page.getByText('Kepatuhan SOP', { exact: true }).count()).toBe(0);
  await shot(who.page, '01-beranda-sub-koordinator');
  expect(await listRow(who.page, perihal)).toMatchObject({ state: 'Penyusunan konsep nota', sla: 'on_track' });

  expect(await takeStep(who.page, id, 'Ajukan untuk paraf', 'Menunggu paraf Koordinator')).toBeNull();
  expect(await myWorkEntry(who.page, id)).toBeNull();
  const afterSubmit = await listRow(who.page, perihal);
  expect(afterSubmit).toMatchObject({ state: 'Menunggu paraf Koordinator', sla: 'on_track' });
  expect(afterSubmit.slaText).toMatch(/^Sesuai jadwal.*WIB$/);
  await shot(who.page, '02-daftar-nota');
  await who.context.close();

  // 2. Koordinator: initials.
  who = await signIn('koordinator');
  const atKoordinator = await myWorkEntry(who.page, id);
  expect(await atKoordinator!.getByTestId('my-work-state').textContent()).toBe('Menunggu paraf Koordinator');
  await who.page.getByTestId('compliance').waitFor({ timeout: 30_000 });
  expect(await who.page.getByTestId('obligation').count()).toBe(5);
  await shot(who.page, '03-beranda-koordinator');
  expect(await takeStep(who.page, id, 'Paraf konsep', 'Menunggu tanda tangan Kepala Dinas')).toBeNull();
  expect(await myWorkEntry(who.page, id)).toBeNull();
  await who.context.close();

  // 3. Kepala Dinas: signs.
  who = await signIn('kepala-dinas');
  expect(await myWorkEntry(who.page, id)).not.toBeNull();
  expect(await takeStep(who.page, id, 'Tandatangani nota', 'Menunggu distribusi ke Sekretariat/Bidang')).toBeNull();
  expect(await myWorkEntry(who.page, id)).toBeNull();
  await who.context.close();

  // 4 and 5. Sub Koordinator: distributes, then receives the DIP entry from the unit.
  who = await signIn('sub-koordinator');
  expect(await myWorkEntry(who.page, id)).not.toBeNull();
  expect(await takeStep(who.page, id, 'Distribusikan ke Sekretariat/Bidang', 'Menunggu DIP dari Sekretariat/Bidang')).toBeNull();
  expect(await listRow(who.page, perihal)).toMatchObject({ state: 'Menunggu DIP dari Sekretariat/Bidang', sla: 'on_track' });
  // Sorted by due time with Strapi's own column sort (the engine-kept slaJatuhTempo field); an
  // explicit query, so the list does not come back with the filter it remembers.
  await who.page.goto(`${base}/admin/content-manager/collection-types/${NOTA}?page=1&pageSize=10`);
  await who.page.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  await who.page.locator('thead th').filter({ hasText: 'Batas waktu / SLA' }).first().click();
  await who.page.waitForURL((url) => decodeURIComponent(url.search).includes('sort=slaJatuhTempo:ASC'), { timeout: 30_000 });
  // Every row's SLA cell has loaded (the field is private: the cells read it through /ppid/sla).
  // Rows and cells are counted together: the table re-renders after the sort, so a row count taken
  // before can belong to the previous rendering.
  await who.page.waitForFunction(
    () => {
      const rows = document.querySelectorAll('tbody tr').length;
      return rows > 1 && document.querySelectorAll('tbody tr [data-testid="sla-cell"]').length === rows;
    },
    undefined,
    { timeout: 30_000 },
  );
  const dues = (await who.page.locator('tbody tr [data-testid="sla-cell"][data-due]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-due') ?? '')))
    .map((d) => Date.parse(d));
  await shot(who.page, '05b-daftar-urut-batas-waktu');
  expect(dues.length).toBeGreaterThan(1);
  expect(dues).toEqual([...dues].sort((x, y) => x - y));

  expect(await takeStep(who.page, id, 'Terima DIP dari unit', 'Menunggu unggah ke website')).toBeNull();
  expect(await myWorkEntry(who.page, id)).toBeNull();
  await who.context.close();

  // The upload step runs late: its timer's due time is moved into the past; the sweep notifies.
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: id, ditutupPada: null } });
  expect(timer.keadaan).toBe('menunggu_unggah');
  const past = Date.now() - 5 * 60_000;
  await strapi.db.query(TIMER).update({ where: { id: timer.id }, data: { berisikoPada: new Date(past - 60_000), jatuhTempo: new Date(past), cekBerikutnya: new Date(past - 60_000) } });
  await sweepTimers(strapi, new Date());

  // 6. Operator: the overdue memo is Terlambat in the widget, under the list filter and in the notifications.
  who = await signIn('operator');
  const late = await myWorkEntry(who.page, id);
  expect(late).not.toBeNull();
  expect(await late!.getAttribute('data-status')).toBe('breached');
  expect(await late!.getByTestId('sla-badge').textContent()).toBe('Terlambat');
  expect(await who.page.getByTestId('my-work-counts').textContent()).toMatch(/Nota Permintaan.*: 1 terlambat/);
  await who.page.getByTestId('notices').waitFor({ timeout: 30_000 });
  await shot(who.page, '04-beranda-operator-terlambat');

  await who.page.goto(`${base}/admin/content-manager/collection-types/${NOTA}`);
  await who.page.locator('tbody tr').first().waitFor({ timeout: 60_000 });
  await who.page.getByTestId('sla-filter').getByRole('combobox').click();
  await who.page.getByRole('option', { name: 'Terlambat' }).click();
  await who.page.waitForURL((url) => url.search.includes('ppidSla=breached'), { timeout: 30_000 });
  const filtered = await listRow(who.page, perihal, new URL(who.page.url()).search);
  expect(filtered).toMatchObject({ state: 'Menunggu unggah ke website', sla: 'breached' });
  expect(filtered.slaText).toMatch(/^Terlambat/);
  const statuses = await who.page.locator('tbody tr [data-testid="sla-cell"]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(['breached']));
  await shot(who.page, '05-daftar-terlambat');

  await who.page.goto(`${base}/admin/notifikasi`);
  const notice = who.page.locator('[data-testid="notice"][data-kind="sla_terlambat"]').first();
  await notice.waitFor({ timeout: 60_000 });
  expect(await notice.textContent()).toContain('Terlambat');
  expect(await notice.getAttribute('data-read')).toBe('false');
  await shot(who.page, '06-notifikasi');
  await notice.getByRole('button').click();
  await who.page.waitForURL((url) => url.pathname.includes(id), { timeout: 30_000 });
  const mine = await api(who, 'GET', '/ppid/my-notices');
  expect(mine.body.data.find((n: any) => n.kind === 'sla_terlambat' && n.link?.includes(id)).readAt).toEqual(expect.any(String));

  // The illegal step: the DIP entry is not online yet; the dialog shows the server's own message.
  const refusal = await takeStep(who.page, id, 'Tandai sudah online', null);
  const direct = await api(who, 'POST', `/ppid/workflow/nota-permintaan/${id}/transitions`, { to: 'selesai' });
  expect(direct.status).toBe(422);
  expect(refusal).toContain(direct.body.error.message);
  expect(await stateOf(id)).toBe('menunggu_unggah');
  await shot(who.page, '07-langkah-ditolak');
  // The form's state field shows the label, read-only.
  await who.page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/${id}`);
  await who.page.getByTestId('workflow-panel').getByTestId('workflow-state').waitFor({ timeout: 60_000 });
  const stateField = who.page.getByRole('combobox', { name: /Status alur/ }).first();
  expect(((await stateField.textContent()) ?? '').trim()).toBe('Menunggu unggah ke website');
  expect(await stateField.isDisabled()).toBe(true);

  // Published in Indonesian (the Koordinator's approval stands), the last step goes through.
  await dipDocs.publish({ documentId: entry.documentId, locale: 'id' });
  expect(await takeStep(who.page, id, 'Tandai sudah online', 'Selesai (PDF online)')).toBeNull();
  expect(await stateOf(id)).toBe('selesai');
  expect(await myWorkEntry(who.page, id)).toBeNull();
  const done = await listRow(who.page, perihal, `?page=1&pageSize=10&filters[$and][0][documentId][$eq]=${id}`);
  expect(done).toMatchObject({ state: 'Selesai (PDF online)', sla: 'none' });
  await who.context.close();

  expect(pageErrors).toEqual([]);
});
