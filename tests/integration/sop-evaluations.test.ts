import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';

/**
 * SOP seed 001 C: each evaluation is written by the person the SOP names, received by the right
 * person, and only then meets its obligation; nobody accepts their own report. Separation of duties
 * is switched OFF in this file: the rule for reports holds regardless.
 */
jest.setTimeout(240_000);

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const LAPORAN = 'api::laporan-evaluasi.laporan-evaluasi';
const CM = `/content-manager/collection-types/${LAPORAN}`;
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const TIMER = 'api::timer-sla.timer-sla';
const tokens: Record<string, string> = {};
const users: Record<string, any> = {};

beforeAll(async () => {
  strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, PPID_SEPARATION_OF_DUTIES: 'false' });
  for (const role of ['koordinator', 'kepala-dinas', 'sub-koordinator', 'web-developer', 'super-admin']) {
    users[role] = await createAdmin(strapi, role);
    tokens[role] = await adminToken(strapi, users[role].id);
  }
  // One person holding both roles (an acting Kepala Dinas who is also the Koordinator).
  const both = await createAdmin(strapi, 'koordinator');
  const kadisRole = await strapi.db.query('admin::role').findOne({ where: { code: 'kepala-dinas' } });
  await strapi.service('admin::user').updateById(both.id, { roles: [...both.roles.map((r: any) => r.id), kadisRole.id] });
  users.both = both;
  tokens.both = await adminToken(strapi, both.id);
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const audits = () => strapi.db.query(AUDIT).count();
const stateOf = async (documentId: string) => (await strapi.db.query(LAPORAN).findOne({ where: { documentId } })).statusAlur;
const move = (role: string, documentId: string, to: string, extra: Record<string, unknown> = {}) =>
  http().post(`/ppid/workflow/laporan-evaluasi/${documentId}/transitions`).set(as(role)).send({ to, ...extra });
/** Periods of an obligation that were closed (met) so far. */
const periodsClosed = (name: string) => strapi.db.query(TIMER).count({ where: { jenisKonten: 'kewajiban', dokumenId: name, ditutupPada: { $notNull: true } } });

async function report(role: string, jenis: string, extra: Record<string, unknown> = {}) {
  const res = await http()
    .post(CM)
    .set(as(role))
    .send({ judul: `Laporan ${jenis} ${Math.random()}`, jenis, periodeMulai: '2026-10-01', periodeSelesai: '2026-10-31', temuan: 'Temuan.', ...extra });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

test('C1: the Koordinator writes the 6-monthly evaluation, the Kepala Dinas accepts it, and only then is the obligation met', async () => {
  const id = await report('koordinator', 'evaluasi_pengelolaan');
  const before = await periodsClosed('evaluasi_pengelolaan');
  const wrongWay = await move('kepala-dinas', id, 'menunggu_tanggapan_koordinator');
  expect(wrongWay.status).toBe(422);
  expect(wrongWay.body.error.message).toMatch(/Hanya evaluasi kinerja Koordinator/);
  expect(await stateOf(id)).toBe('draf');
  expect((await move('koordinator', id, 'menunggu_penerimaan')).status).toBe(200);
  expect(await periodsClosed('evaluasi_pengelolaan')).toBe(before); // handed over is not accepted
  expect((await move('koordinator', id, 'diterima')).status).toBe(403);
  const accepted = await move('kepala-dinas', id, 'diterima');
  expect(accepted.status).toBe(200);
  expect(await periodsClosed('evaluasi_pengelolaan')).toBe(before + 1);
});

test("C2: a Koordinator-written evaluation of the Koordinator does not meet the Kepala Dinas's monthly obligation", async () => {
  const id = await report('koordinator', 'evaluasi_koordinator', { tanggalRapat: '2026-10-30', pesertaRapat: 'Kepala Dinas, Koordinator' });
  const before = { audit: await audits(), closed: await periodsClosed('evaluasi_koordinator') };
  const toKadis = await move('koordinator', id, 'menunggu_penerimaan');
  expect(toKadis.status).toBe(422);
  expect(toKadis.body.error.message).toMatch(/ditulis Kepala Dinas/);
  const byKadis = await move('kepala-dinas', id, 'menunggu_tanggapan_koordinator');
  expect(byKadis.status).toBe(422);
  expect(byKadis.body.error.message).toMatch(/harus ditulis oleh Kepala Dinas/);
  expect(await stateOf(id)).toBe('draf');
  expect(await audits()).toBe(before.audit);

  // Even pushed through by the super admin, it is not the Kepala Dinas's evaluation.
  expect((await move('super-admin', id, 'menunggu_tanggapan_koordinator', { force: true, note: 'uji' })).status).toBe(200);
  expect((await move('super-admin', id, 'diterima', { force: true, note: 'uji' })).status).toBe(200);
  expect(await periodsClosed('evaluasi_koordinator')).toBe(before.closed);
});

test('C2: the Kepala Dinas records the evaluation meeting, hands it to the Koordinator, who acknowledges it; the obligation is met', async () => {
  const id = await report('kepala-dinas', 'evaluasi_koordinator');
  const before = { audit: await audits(), closed: await periodsClosed('evaluasi_koordinator') };
  const noMeeting = await move('kepala-dinas', id, 'menunggu_tanggapan_koordinator');
  expect(noMeeting.status).toBe(422);
  expect(noMeeting.body.error.message).toMatch(/Tanggal rapat dan Peserta rapat/);
  expect(await stateOf(id)).toBe('draf');
  expect(await audits()).toBe(before.audit);

  expect((await http().put(`${CM}/${id}`).set(as('kepala-dinas')).send({ tanggalRapat: '2026-10-30', pesertaRapat: 'Kepala Dinas; Koordinator; Sub Koordinator' })).status).toBe(200);
  expect((await move('kepala-dinas', id, 'menunggu_tanggapan_koordinator')).status).toBe(200);
  expect((await move('kepala-dinas', id, 'diterima')).status).toBe(403);
  expect(await periodsClosed('evaluasi_koordinator')).toBe(before.closed);
  expect((await move('koordinator', id, 'diterima')).status).toBe(200);
  expect(await periodsClosed('evaluasi_koordinator')).toBe(before.closed + 1);
});

test('nobody accepts their own report: not with both roles, not by forcing it as super admin', async () => {
  const own = await report('both', 'evaluasi_pengelolaan');
  expect((await move('both', own, 'menunggu_penerimaan')).status).toBe(200);
  const before = { audit: await audits(), closed: await periodsClosed('evaluasi_pengelolaan') };
  const self = await move('both', own, 'diterima');
  expect(self.status).toBe(403);
  expect(self.body.error.details.code).toBe('SEPARATION_OF_DUTIES');
  const status = (await http().get(`/ppid/workflow/laporan-evaluasi/${own}`).set(as('both'))).body.data;
  expect(status.transitions.map((t: any) => t.to)).not.toContain('diterima');

  const bySuper = await report('super-admin', 'evaluasi_pengelolaan');
  expect((await move('super-admin', bySuper, 'menunggu_penerimaan', { force: true, note: 'diserahkan manual' })).status).toBe(200);
  const forced = await move('super-admin', bySuper, 'diterima', { force: true, note: 'terima sendiri' });
  expect(forced.status).toBe(403);
  expect(forced.body.error.details.code).toBe('SEPARATION_OF_DUTIES');
  expect(await stateOf(own)).toBe('menunggu_penerimaan');
  expect(await stateOf(bySuper)).toBe('menunggu_penerimaan');
  expect(await audits()).toBe(before.audit + 2); // the forced hand-over and nothing else
  expect(await periodsClosed('evaluasi_pengelolaan')).toBe(before.closed);
});

test("C3: the meeting's follow-ups are items with owner, due date and status, worked by the Sub Koordinator", async () => {
  const id = await report('kepala-dinas', 'evaluasi_koordinator', {
    tanggalRapat: '2026-11-02',
    pesertaRapat: 'Kepala Dinas; Koordinator; Sub Koordinator',
    tindakLanjutRapat: [{ deskripsi: 'Perbarui daftar informasi berkala', penanggungJawab: users['sub-koordinator'].email, tenggat: '2026-12-15' }],
  });
  const items = async () => (await strapi.db.query(LAPORAN).findOne({ where: { documentId: id }, populate: ['tindakLanjutRapat'] })).tindakLanjutRapat;
  const [item] = await items();
  expect(item).toMatchObject({ status: 'baru', tanggalSelesai: null });
  const timer = await strapi.db.query(TIMER).findOne({ where: { dokumenId: `${id}:${item.id}`, ditutupPada: null } });
  expect(timer.penanggungJawab).toEqual([`email:${users['sub-koordinator'].email}`]);

  const step = (role: string, status: string) =>
    http().put(`${CM}/${id}`).set(as(role)).send({ tindakLanjutRapat: [{ id: item.id, deskripsi: item.deskripsi, penanggungJawab: item.penanggungJawab, tenggat: item.tenggat, status }] });
  // Straight to done skips a step; the Kepala Dinas does not work the items.
  expect((await step('sub-koordinator', 'selesai')).status).toBe(400);
  expect((await step('kepala-dinas', 'dikerjakan')).status).toBe(400);
  expect((await items())[0].status).toBe('baru');
  expect((await step('sub-koordinator', 'dikerjakan')).status).toBe(200);
  expect((await step('sub-koordinator', 'selesai')).status).toBe(200);
  const [done] = await items();
  expect(done.status).toBe('selesai');
  expect(done.tanggalSelesai).toBeTruthy();
  expect(await strapi.db.query(TIMER).count({ where: { dokumenId: `${id}:${item.id}`, ditutupPada: null } })).toBe(0);
});
