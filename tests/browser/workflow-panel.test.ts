/// <reference lib="dom" />
/**
 * The "Alur kerja" side panel of the Content Manager edit view (src/admin/workflow/), end to end
 * in headless Chromium: a Sub Koordinator submits a memo for initials, the Koordinator sends it
 * back with a required note, and a step made stale behind the page's back is refused with the
 * server's message while the typed note stays. Every step is checked in the database too.
 * Needs the built admin panel (dist/build); (re)builds it when missing or older than src/admin.
 * Screenshots go to .tmp/screens/panel-*.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import type { Browser, Locator, Page } from 'playwright-core';
import { ensureAdminBuild, launchChromium } from '../helpers/browser';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { formatWib } from '../../src/admin/workflow/format';

jest.setTimeout(900_000);

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, '.tmp', 'screens');
const NOTA = 'api::nota-permintaan.nota-permintaan';
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const PASSWORD = 'Kx9#vT2m-Qw7z-Lp4s';

let strapi: Core.Strapi;
let browser: Browser;
let base = '';
const users: Record<string, { id: number; email: string }> = {};
const pageErrors: string[] = [];



beforeAll(async () => {
  ensureAdminBuild();
  fs.mkdirSync(SCREENS, { recursive: true });
  // A fresh database of the suite's engine; no 2FA, so signing in needs only e-mail and password.
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA, { serveAdminPanel: true });
  await new Promise<void>((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(strapi.server.httpServer.address() as AddressInfo).port}`;

  const people: [string, string, string, string][] = [
    ['sub-koordinator', 'sub-koordinator', 'Sari', 'Wulandari'],
    ['koordinator', 'koordinator', 'Budi', 'Santoso'],
    ['koordinator-2', 'koordinator', 'Dewi', 'Lestari'],
    ['operator', 'operator', 'Rudi', 'Hartono'],
    ['super', 'super-admin', 'Admin', 'Utama'],
    ['kabid', 'kepala-bidang', 'Hana', 'Pratiwi'],
    ['kabid-lain', 'kepala-bidang', 'Yusuf', 'Ramadhan'],
  ];
  for (const [key, role, firstname, lastname] of people) {
    const user = await createAdmin(strapi, role, { firstname, lastname, email: `${key}@panel.ppid.test`, password: PASSWORD });
    users[key] = { id: Number(user.id), email: user.email };
  }

  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

/* ---------------------------------------------------------------------------------------------- */

async function api(user: string, method: string, url: string, body?: unknown) {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { Authorization: `Bearer ${await adminToken(strapi, users[user].id)}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** A memo drafted by the Sub Koordinator through the Content Manager API. */
async function createMemo(nomor: string): Promise<string> {
  const res = await api('sub-koordinator', 'POST', `/content-manager/collection-types/${NOTA}`, {
    nomor,
    perihal: 'Permintaan DIP triwulan IV',
    tanggalNota: '2026-11-20',
    isi: 'Mohon kirimkan daftar informasi publik unit kerja Anda.',
  });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

const stateOf = async (documentId: string) => (await strapi.db.query(NOTA).findOne({ where: { documentId } })).statusAlur as string;
const eventsOf = (documentId: string) => strapi.db.query(AUDIT).findMany({ where: { dokumenId: documentId }, orderBy: { seq: 'asc' } });

async function shot(page: Page, name: string, panel?: Locator) {
  await page.screenshot({ path: path.join(SCREENS, `panel-${name}.png`), fullPage: true });
  if (panel) await panel.screenshot({ path: path.join(SCREENS, `panel-${name}-detail.png`) });
}

async function login(page: Page, user: string) {
  await page.goto(`${base}/admin/auth/login`);
  const form = page.locator('#s-login');
  await form.waitFor({ state: 'visible', timeout: 60_000 });
  await form.locator('input[name=email]').fill(users[user].email);
  await form.locator('input[name=password]').fill(PASSWORD);
  await form.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname.startsWith('/admin') && !url.pathname.startsWith('/admin/auth'), { timeout: 60_000 });
  await page.locator('nav').first().waitFor({ timeout: 60_000 });
}

async function logout(page: Page, initials: string) {
  await page.locator('button[aria-haspopup="menu"]').filter({ hasText: initials }).first().click();
  await page.getByRole('menuitem', { name: /Keluar|Log ?out/i }).click();
  await page.locator('#s-login').waitFor({ state: 'visible', timeout: 30_000 });
}

/** Opens the memo's edit view; returns the panel (content) and its aside (for screenshots). */
async function openMemo(page: Page, documentId: string) {
  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/${documentId}`);
  const panel = page.getByTestId('workflow-panel');
  await panel.getByTestId('workflow-state').waitFor({ timeout: 60_000 });
  return { panel, aside: page.locator('aside').filter({ has: panel }) };
}

/** Waits until the locator's text is `expected` (exactly, or matching a RegExp). */
async function waitForText(locator: Locator, expected: string | RegExp, timeout = 20_000): Promise<string> {
  const until = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = ((await locator.first().textContent({ timeout }).catch(() => null)) ?? '').trim();
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return last;
    if (Date.now() > until) throw new Error(`expected text ${String(expected)}, last saw "${last}"`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The workflow state the edit form shows (the read-only statusAlur select, by its label). */
async function formState(page: Page) {
  return ((await page.getByRole('combobox', { name: /Status alur/ }).first().textContent()) ?? '').trim();
}

function newPage(context: Awaited<ReturnType<Browser['newContext']>>) {
  return context.newPage().then((page) => {
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    return page;
  });
}

/* ---------------------------------------------------------------------------------------------- */

test('Sub Koordinator submits, Koordinator sends back with a required note, a stale step is refused without losing the note', async () => {
  const id = await createMemo('NOTA/PANEL/1');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID', timezoneId: 'UTC' });
  const page = await newPage(context);

  // 1. The Sub Koordinator sees the draft state, its SLA timer and the one step she may take.
  await login(page, 'sub-koordinator');
  const { panel, aside } = await openMemo(page, id);
  expect(await aside.locator('h2').first().textContent()).toMatch(/Alur kerja/i);
  expect(await panel.getByTestId('workflow-state').textContent()).toBe('Penyusunan konsep nota');
  expect(await formState(page)).toBe('Penyusunan konsep nota');
  const status = (await api('sub-koordinator', 'GET', `/ppid/workflow/nota-permintaan/${id}`)).body.data;
  const timer = panel.getByTestId('workflow-timer');
  expect(await timer.getAttribute('data-status')).toBe('on_track');
  expect(await timer.textContent()).toContain(`Batas waktu: ${formatWib(status.timer.dueAt)}`);
  expect(await timer.textContent()).toMatch(/^Batas waktu: (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB/);
  expect(await timer.textContent()).toContain('Sesuai jadwal');
  const steps = panel.getByTestId('workflow-steps').getByRole('button');
  expect(await steps.allTextContents()).toEqual(['Ajukan untuk paraf']);
  expect(await panel.getByTestId('workflow-history-item').count()).toBe(1);
  await shot(page, '01-sub-koordinator-konsep', aside);

  // 2. Submitting: the confirm dialog (note optional), then the new state, a toast, and the form follows.
  await steps.filter({ hasText: 'Ajukan untuk paraf' }).click();
  const dialog = page.getByTestId('workflow-dialog');
  await dialog.waitFor();
  expect(await dialog.getByRole('button', { name: 'Konfirmasi' }).isEnabled()).toBe(true);
  await dialog.locator('textarea[name=note]').fill('Konsep siap diparaf.');
  await shot(page, '02-dialog-ajukan');
  await dialog.getByRole('button', { name: 'Konfirmasi' }).click();
  await page.getByText('Status diperbarui: Menunggu paraf Koordinator').first().waitFor();
  await dialog.waitFor({ state: 'detached' });
  await waitForText(panel.getByTestId('workflow-state'), 'Menunggu paraf Koordinator');
  await panel.getByTestId('workflow-no-steps').waitFor();
  expect(await panel.getByTestId('workflow-no-steps').textContent()).toBe('Tidak ada langkah yang dapat Anda ambil saat ini.');
  // The document was refetched: the form's statusAlur field follows.
  for (let i = 0; i < 50 && (await formState(page)) !== 'Menunggu paraf Koordinator'; i++) await page.waitForTimeout(200);
  expect(await formState(page)).toBe('Menunggu paraf Koordinator');
  expect(await stateOf(id)).toBe('menunggu_paraf');
  const afterSubmit = await eventsOf(id);
  expect(afterSubmit.map((e: any) => e.ke)).toEqual(['penyusunan_konsep', 'menunggu_paraf']);
  expect(afterSubmit[1]).toMatchObject({ aktorEmail: users['sub-koordinator'].email, catatan: 'Konsep siap diparaf.', dari: 'penyusunan_konsep' });
  await shot(page, '03-menunggu-paraf', aside);

  // 3. The Koordinator: sending back needs a note (the confirm button waits for it).
  await logout(page, 'SW');
  await login(page, 'koordinator');
  await openMemo(page, id);
  expect(await panel.getByTestId('workflow-state').textContent()).toBe('Menunggu paraf Koordinator');
  expect(await steps.allTextContents()).toEqual(['Paraf konsep', 'Kembalikan ke penyusun']);
  await steps.filter({ hasText: 'Kembalikan ke penyusun' }).click();
  await dialog.waitFor();
  const confirm = dialog.getByRole('button', { name: 'Konfirmasi' });
  const note = dialog.locator('textarea[name=note]');
  expect(await confirm.isDisabled()).toBe(true);
  expect(await dialog.textContent()).toContain('Catatan wajib diisi untuk langkah ini');
  await note.fill('   ');
  expect(await confirm.isDisabled()).toBe(true);
  await shot(page, '04-dialog-catatan-wajib');
  const reason = 'Perihal belum menyebut periode triwulan; mohon dilengkapi.';
  await note.fill(reason);
  expect(await confirm.isEnabled()).toBe(true);
  await confirm.click();
  await page.getByText('Status diperbarui: Dikembalikan untuk perbaikan').first().waitFor();
  await waitForText(panel.getByTestId('workflow-state'), 'Dikembalikan untuk perbaikan');
  const newest = panel.getByTestId('workflow-history-item').first();
  expect(await newest.textContent()).toContain('Dikembalikan untuk perbaikan');
  expect(await newest.textContent()).toContain(reason);
  expect(await newest.textContent()).toContain(users.koordinator.email);
  expect(await newest.textContent()).toMatch(/SLA (terpenuhi|terlewat)/);
  expect(await stateOf(id)).toBe('dikembalikan');
  for (let i = 0; i < 50 && (await formState(page)) !== 'Dikembalikan untuk perbaikan'; i++) await page.waitForTimeout(200);
  expect(await formState(page)).toBe('Dikembalikan untuk perbaikan');
  const afterReturn = await eventsOf(id);
  expect(afterReturn).toHaveLength(3);
  expect(afterReturn[2]).toMatchObject({ dari: 'menunggu_paraf', ke: 'dikembalikan', aktorEmail: users.koordinator.email, catatan: reason });
  await shot(page, '05-dikembalikan', aside);

  // 4. The memo is resubmitted; the Koordinator's page offers its steps…
  expect((await api('sub-koordinator', 'POST', `/ppid/workflow/nota-permintaan/${id}/transitions`, { to: 'menunggu_paraf' })).status).toBe(200);
  await openMemo(page, id);
  await waitForText(panel.getByTestId('workflow-state'), 'Menunggu paraf Koordinator');
  // …but another Koordinator initials it behind the page's back.
  const other = await api('koordinator-2', 'POST', `/ppid/workflow/nota-permintaan/${id}/transitions`, { to: 'menunggu_tanda_tangan', from: 'menunggu_paraf' });
  expect(other.status).toBe(200);
  const eventsBefore = (await eventsOf(id)).length;
  await steps.filter({ hasText: 'Kembalikan ke penyusun' }).click();
  await dialog.waitFor();
  const staleNote = 'Lampiran belum lengkap.';
  await note.fill(staleNote);
  await confirm.click();
  const refusal = dialog.getByTestId('workflow-refusal');
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain('Status dokumen sudah berubah menjadi "Menunggu tanda tangan Kepala Dinas" oleh pengguna lain');
  expect(await note.inputValue()).toBe(staleNote);
  // Retrying the stale step is pointless: confirm waits until the dialog is closed.
  await page.waitForFunction(() => {
    const button = Array.from(document.querySelectorAll('[data-testid="workflow-dialog"] button')).find((b) => b.textContent === 'Konfirmasi');
    return button instanceof HTMLButtonElement && button.disabled;
  });
  // The panel behind the dialog was refreshed (409): the new state, no step for a Koordinator.
  await waitForText(panel.getByTestId('workflow-state'), 'Menunggu tanda tangan Kepala Dinas');
  await shot(page, '06-ditolak-basi');
  expect(await stateOf(id)).toBe('menunggu_tanda_tangan');
  expect(await eventsOf(id)).toHaveLength(eventsBefore);
  await dialog.getByRole('button', { name: 'Batal' }).click();
  await dialog.waitFor({ state: 'detached' });
  await panel.getByTestId('workflow-no-steps').waitFor();
  await shot(page, '07-setelah-ditolak', aside);

  expect(pageErrors).toEqual([]);
  await context.close();
});

test('the create page shows a hint, an API refusal shows the access message, and other types get no panel', async () => {
  const id = await createMemo('NOTA/PANEL/2');
  // Tall enough for ten history entries: the admin layout scrolls inside, not the page.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1700 }, locale: 'id-ID' });
  const page = await newPage(context);
  await login(page, 'sub-koordinator');

  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/create`);
  const hint = page.getByTestId('workflow-create-hint');
  await hint.waitFor({ timeout: 60_000 });
  expect(await hint.textContent()).toMatch(/^Simpan dokumen ini terlebih dahulu/);
  await shot(page, '08-buat-baru', page.locator('aside').filter({ has: hint }));

  // Colours and the long history, from a status shaped like the API's: a breached timer, forced
  // and late steps, more than 10 events (only 10 shown until "Tampilkan semua").
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 2, 0) + minutes * 60_000).toISOString();
  const history = Array.from({ length: 12 }, (_, i) => ({
    seq: i + 1,
    event: i === 0 ? 'dibuat' : i === 11 ? 'transisi_paksa' : 'transisi',
    from: i === 0 ? null : 'menunggu_paraf',
    to: i % 2 ? 'menunggu_paraf' : 'dikembalikan',
    fromLabel: null,
    toLabel: `Langkah ${i + 1}`,
    actor: i === 11 ? 'admin@ppid.test' : 'sub-koordinator@panel.ppid.test',
    at: at(i * 7),
    note: i === 11 ? 'Dipaksa karena Koordinator cuti.' : null,
    forced: i === 11,
    slaDueAt: i === 0 ? null : at(i * 7 - 1),
    slaMet: i === 0 ? null : i % 3 !== 0,
    businessMinutes: i === 0 ? null : 7,
  }));
  const fake = (data: object) =>
    page.route('**/ppid/workflow/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data }) }));
  await fake({
    state: 'menunggu_paraf', stateLabel: 'Menunggu paraf Koordinator', final: false, transitions: [],
    timer: { state: 'menunggu_paraf', startedAt: at(0), atRiskAt: at(8), dueAt: at(10), status: 'breached' }, history,
  });
  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/${id}`);
  const panel = page.getByTestId('workflow-panel');
  await panel.getByTestId('workflow-state').waitFor({ timeout: 60_000 });
  expect(await panel.getByTestId('workflow-timer').textContent()).toBe('Batas waktu: Senin, 23 November 2026 09.10 WIBTerlambat');
  const items = panel.getByTestId('workflow-history-item');
  expect(await items.count()).toBe(10);
  expect(await items.first().textContent()).toContain('Langkah 12');
  expect(await items.first().textContent()).toContain('dipaksa');
  expect(await items.first().textContent()).toContain('Dipaksa karena Koordinator cuti.');
  expect(await panel.textContent()).toContain('SLA terlewat');
  await shot(page, '10-terlambat-riwayat', page.locator('aside').filter({ has: panel }));
  await panel.getByRole('button', { name: 'Tampilkan semua (12)' }).click();
  expect(await items.count()).toBe(12);
  await panel.getByRole('button', { name: /^Riwayat/ }).click();
  expect(await items.count()).toBe(0);
  await page.unroute('**/ppid/workflow/**');
  await fake({ state: 'selesai', stateLabel: 'Selesai (PDF online)', final: true, transitions: [], timer: null, history: history.slice(0, 2) });
  await page.reload();
  await panel.getByTestId('workflow-state').waitFor({ timeout: 60_000 });
  expect(await panel.getByTestId('workflow-state').getAttribute('data-final')).toBe('true');
  expect(await panel.getByTestId('workflow-timer').count()).toBe(0);
  await shot(page, '11-selesai', page.locator('aside').filter({ has: panel }));
  await page.unroute('**/ppid/workflow/**');

  // The workflow API refuses (403): the panel says so instead of showing steps.
  await page.route('**/ppid/workflow/**', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ data: null, error: { status: 403, name: 'ForbiddenError', message: 'Anda tidak memiliki akses baca ke jenis konten ini.' } }),
    }),
  );
  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/${id}`);
  const failure = page.getByTestId('workflow-error');
  await failure.waitFor({ timeout: 60_000 });
  expect(await failure.textContent()).toContain('Anda tidak memiliki akses ke alur kerja dokumen ini.');
  expect(await page.getByTestId('workflow-steps').count()).toBe(0);
  await shot(page, '09-tanpa-akses', page.locator('aside').filter({ has: failure }));
  await page.unroute('**/ppid/workflow/**');

  // A content type without a workflow (Bidang) has no "Alur kerja" panel.
  const bidang = await (strapi.documents('api::bidang.bidang' as any) as any).create({ data: { nama: 'Bidang Uji Panel', kode: 'bidang-uji-panel' } });
  await page.goto(`${base}/admin/content-manager/collection-types/api::bidang.bidang/${bidang.documentId}`);
  await page.getByRole('heading', { name: 'Bidang Uji Panel' }).first().waitFor({ timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  expect(await page.getByTestId('workflow-panel').count()).toBe(0);
  expect(await page.getByTestId('workflow-create-hint').count()).toBe(0);

  // An admin who switched the panel to English gets the English strings (dates too).
  await page.evaluate(() => localStorage.setItem('strapi-admin-language', 'en'));
  await page.goto(`${base}/admin/content-manager/collection-types/${NOTA}/${id}`);
  await panel.getByTestId('workflow-state').waitFor({ timeout: 60_000 });
  const englishAside = page.locator('aside').filter({ has: panel });
  expect(await englishAside.locator('h2').first().textContent()).toMatch(/^Workflow$/i);
  expect(await panel.getByTestId('workflow-timer').textContent()).toMatch(/^Due: (Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} \w+ \d{4} \d{2}:\d{2} WIBOn track$/);
  expect(await panel.getByRole('button', { name: 'Ajukan untuk paraf' }).count()).toBe(1);
  await shot(page, '12-english', englishAside);

  expect(pageErrors).toEqual([]);
  await context.close();
});

test("the Operator's step-6 clock is shown paused while an entry waits for the Koordinator, the entry listed apart", async () => {
  const id = await createMemo('NOTA/PANEL/JEDA');
  const forced = await api('super', 'POST', `/ppid/workflow/nota-permintaan/${id}/transitions`, { to: 'menunggu_unggah', force: true, note: 'Uji panel: langkah 1–5 di atas kertas' });
  expect(forced.status).toBe(200);
  const dip = await (strapi.documents('api::dip-document.dip-document' as any) as any).create({
    locale: 'id',
    data: {
      nomor: 'DIP/PANEL/1', judul: 'Laporan kinerja', ringkasan: 'Ringkasan', kategori: 'berkala', pejabatPenguasa: 'Kadis',
      penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun', notaPermintaan: id,
    },
  });
  expect((await api('operator', 'POST', `/ppid/workflow/dip-document/${dip.documentId}/transitions?locale=id`, { to: 'menunggu_persetujuan' })).status).toBe(200);

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID', timezoneId: 'UTC' });
  const page = await newPage(context);
  await login(page, 'operator');
  const { panel, aside } = await openMemo(page, id);
  const timer = panel.getByTestId('workflow-timer');
  expect(await timer.getAttribute('data-status')).toBe('paused');
  expect(await timer.textContent()).toContain('Dijeda: menunggu pihak lain');
  const waits = panel.getByTestId('workflow-approval-waits');
  expect(await waits.textContent()).toContain('Menunggu persetujuan Koordinator (waktu Koordinator, bukan Operator)');
  expect(await waits.textContent()).toContain('"Laporan kinerja" (DIP/PANEL/1): batas');
  await shot(page, '05-operator-jeda', aside);
  await context.close();
  expect(pageErrors).toEqual([]);
});

test("a target unit's Kabid confirms the memo's receipt from the panel; the receipt is recorded and the button goes", async () => {
  const unit = async (nama: string, kabid: string) => {
    const doc = await (strapi.documents('api::bidang.bidang' as any) as any).create({ data: { nama, kode: nama.toLowerCase().replace(/\W+/g, '-') } });
    await strapi.db.query('api::bidang.bidang').update({ where: { id: doc.id }, data: { kepalaBidang: [users[kabid].id] } });
    return doc.documentId as string;
  };
  const humas = await unit('Bidang Humas Panel', 'kabid');
  const tik = await unit('Bidang TIK Panel', 'kabid-lain');
  const id = await createMemo('NOTA/PANEL/TERIMA');
  expect((await api('sub-koordinator', 'PUT', `/content-manager/collection-types/${NOTA}/${id}`, { tujuan: { connect: [{ documentId: humas }, { documentId: tik }] } })).status).toBe(200);
  const forced = await api('super', 'POST', `/ppid/workflow/nota-permintaan/${id}/transitions`, { to: 'menunggu_dip', force: true, note: 'Uji panel: langkah 1-4 di atas kertas' });
  expect(forced.status).toBe(200);

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID', timezoneId: 'UTC' });
  const page = await newPage(context);
  await login(page, 'kabid');
  const { panel, aside } = await openMemo(page, id);
  const receipts = panel.getByTestId('workflow-receipts');
  expect(await receipts.textContent()).toContain('Bidang Humas Panel: belum dikonfirmasi');
  const button = panel.getByTestId('workflow-confirm-receipt');
  // Only the Kabid's own unit is offered.
  expect(await button.textContent()).toBe('Konfirmasi penerimaan oleh Bidang Humas Panel');
  await shot(page, '10-kabid-penerimaan', aside);
  await button.click();
  await page.getByText('Penerimaan nota oleh unit Anda tercatat.').waitFor({ timeout: 30_000 });
  await waitForText(receipts, /Bidang Humas Panel: diterima/);
  expect(await receipts.textContent()).toContain('Bidang TIK Panel: belum dikonfirmasi');
  await panel.getByTestId('workflow-confirm-receipt').waitFor({ state: 'detached', timeout: 20_000 });
  const recorded = (await eventsOf(id)).filter((e: any) => e.peristiwa === 'diterima_unit');
  expect(recorded.map((e: any) => e.aktorEmail)).toEqual([users.kabid.email]);
  expect(await panel.getByTestId('workflow-history').textContent()).toContain('Penerimaan dikonfirmasi unit');
  await shot(page, '11-kabid-diterima', aside);
  await context.close();

  // The Koordinator sees the receipts but no button.
  const other = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID', timezoneId: 'UTC' });
  const koordinatorPage = await newPage(other);
  await login(koordinatorPage, 'koordinator');
  const seen = await openMemo(koordinatorPage, id);
  await seen.panel.getByTestId('workflow-receipts').waitFor({ timeout: 30_000 });
  expect(await seen.panel.getByTestId('workflow-confirm-receipt').count()).toBe(0);
  await other.close();
  expect(pageErrors).toEqual([]);
});
