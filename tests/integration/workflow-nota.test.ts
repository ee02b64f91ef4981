import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { makePdf } from '../../src/seed/pdf';

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const NOTA = 'api::nota-permintaan.nota-permintaan';
const CM = `/content-manager/collection-types/${NOTA}`;
const tokens: Record<string, string> = {};
const users: Record<string, any> = {};
let unitDocumentId: string;

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  for (const role of ['sub-koordinator', 'koordinator', 'koordinator-2', 'kepala-dinas', 'operator', 'kepala-bidang', 'super-admin']) {
    const user = await createAdmin(strapi, role.replace(/-2$/, ''));
    users[role] = user;
    tokens[role] = await adminToken(strapi, user.id);
  }
  // Step 4 distributes to named units (SOP seed 000 table A).
  unitDocumentId = (await (strapi.documents('api::bidang.bidang' as any) as any).create({ data: { nama: 'Bidang Uji', kode: 'bidang-uji' } })).documentId;
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const audits = () => strapi.db.query('api::riwayat-alur.riwayat-alur').count();
const stateOf = async (documentId: string) => (await strapi.db.query(NOTA).findOne({ where: { documentId } })).statusAlur;

async function createMemo(nomor: string) {
  const res = await http()
    .post(CM)
    .set(as('sub-koordinator'))
    .send({ nomor, perihal: 'Permintaan DIP triwulan', tanggalNota: '2026-11-20', isi: 'Mohon kirim DIP.', tujuan: { connect: [{ documentId: unitDocumentId }] } });
  expect(res.status).toBe(201);
  return res.body.data.documentId as string;
}

function move(role: string, documentId: string, to: string, note?: string) {
  return http().post(`/ppid/workflow/nota-permintaan/${documentId}/transitions`).set(as(role)).send({ to, note });
}

test('a new memo starts waiting for its draft, with a 60-minute office-hours timer and a first audit event', async () => {
  const id = await createMemo('NOTA/UJI/1');
  const res = await http().get(`/ppid/workflow/nota-permintaan/${id}`).set(as('sub-koordinator'));
  expect(res.status).toBe(200);
  const { data } = res.body;
  expect(data.state).toBe('penyusunan_konsep');
  expect(data.transitions).toEqual([{ to: 'menunggu_paraf', label: 'Ajukan untuk paraf', noteRequired: false }]);
  expect(data.timer.state).toBe('penyusunan_konsep');
  expect(new Date(data.timer.dueAt).getTime()).toBeGreaterThan(new Date(data.timer.startedAt).getTime());
  expect(data.history).toHaveLength(1);
  expect(data.history[0]).toMatchObject({ event: 'dibuat', from: null, to: 'penyusunan_konsep', actor: users['sub-koordinator'].email });

  // The Koordinator sees no step he may take yet.
  const other = await http().get(`/ppid/workflow/nota-permintaan/${id}`).set(as('koordinator'));
  expect(other.body.data.transitions).toEqual([]);
});

test('the memo walks the six SOP steps, each by its own role, and every step lands in the audit trail', async () => {
  const id = await createMemo('NOTA/UJI/2');
  expect((await move('sub-koordinator', id, 'menunggu_paraf')).status).toBe(200);
  expect((await move('koordinator', id, 'menunggu_tanda_tangan')).status).toBe(200);
  expect((await move('kepala-dinas', id, 'menunggu_distribusi')).status).toBe(200);
  expect((await move('sub-koordinator', id, 'menunggu_dip')).status).toBe(200);

  // Step 5 needs the DIP received from the unit, linked to the memo.
  const noDip = await move('sub-koordinator', id, 'menunggu_unggah');
  expect(noDip.status).toBe(422);
  expect(noDip.body.error.message).toMatch(/Tautkan dulu dokumen DIP/);
  expect(await stateOf(id)).toBe('menunggu_dip');

  // Step 5's output is the PDF of the entry.
  const upload = await http().post('/upload').set(as('sub-koordinator')).attach('files', makePdf('DIP nota', ['isi']), { filename: 'dip-nota.pdf', contentType: 'application/pdf' });
  expect(upload.status).toBe(201);
  const dip = await (strapi.documents('api::dip-document.dip-document' as any) as any).create({
    locale: 'id',
    data: {
      berkas: upload.body[0].id,
      nomor: 'DIP/NOTA/1', judul: 'Data layanan', ringkasan: 'Ringkasan', kategori: 'setiap_saat', pejabatPenguasa: 'Kadis',
      penanggungJawab: 'Sub Koordinator', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun', notaPermintaan: id,
    },
  });
  expect((await move('sub-koordinator', id, 'menunggu_unggah')).status).toBe(200);

  // Step 6: done only once a linked entry is online.
  expect((await move('operator', id, 'selesai')).status).toBe(422);
  // The entry is approved the way the SOP says (a state written in the database is no approval).
  for (const [role, to] of [['operator', 'menunggu_persetujuan'], ['koordinator', 'disetujui']]) {
    const step = await http().post(`/ppid/workflow/dip-document/${dip.documentId}/transitions?locale=id`).set(as(role)).send({ to });
    expect(step.status).toBe(200);
  }
  await (strapi.documents('api::dip-document.dip-document' as any) as any).publish({ documentId: dip.documentId, locale: 'id' });
  const done = await move('operator', id, 'selesai');
  expect(done.status).toBe(200);
  expect(done.body.data.state).toBe('selesai');
  expect(done.body.data.timer).toBeNull();
  expect(done.body.data.transitions).toEqual([]);

  const transitions = done.body.data.history.filter((h: any) => h.event === 'transisi');
  expect(transitions.map((h: any) => h.to)).toEqual(['menunggu_paraf', 'menunggu_tanda_tangan', 'menunggu_distribusi', 'menunggu_dip', 'menunggu_unggah', 'selesai']);
  for (const h of transitions) {
    expect(typeof h.slaMet).toBe('boolean');
    expect(h.slaDueAt).toBeTruthy();
    expect(h.businessMinutes).toBeGreaterThanOrEqual(0);
  }
});

test('a wrong role is refused with 403, names who may act, and changes nothing', async () => {
  const id = await createMemo('NOTA/UJI/3');
  await move('sub-koordinator', id, 'menunggu_paraf');
  const before = await audits();
  const res = await move('operator', id, 'menunggu_tanda_tangan');
  expect(res.status).toBe(403);
  expect(res.body.error.message).toMatch(/Koordinator/);
  expect(await stateOf(id)).toBe('menunggu_paraf');
  expect(await audits()).toBe(before);
});

test('an illegal transition is refused with 422 naming the allowed steps; nothing changes', async () => {
  const id = await createMemo('NOTA/UJI/4');
  const before = await audits();
  const res = await move('sub-koordinator', id, 'selesai');
  expect(res.status).toBe(422);
  expect(res.body.error.message).toMatch(/Ajukan untuk paraf/);
  expect(res.body.error.details.allowed).toEqual([{ to: 'menunggu_paraf', label: 'Ajukan untuk paraf', roles: ['sub-koordinator'] }]);
  expect(await stateOf(id)).toBe('penyusunan_konsep');
  expect(await audits()).toBe(before);
});

test('sending back needs a note; with one, the memo returns to its drafter', async () => {
  const id = await createMemo('NOTA/UJI/5');
  await move('sub-koordinator', id, 'menunggu_paraf');
  const noNote = await move('koordinator', id, 'dikembalikan');
  expect(noNote.status).toBe(422);
  expect(await stateOf(id)).toBe('menunggu_paraf');
  const back = await move('koordinator', id, 'dikembalikan', 'Nomor surat salah');
  expect(back.status).toBe(200);
  expect(back.body.data.history.at(-1)).toMatchObject({ to: 'dikembalikan', note: 'Nomor surat salah' });
  expect((await move('sub-koordinator', id, 'menunggu_paraf')).status).toBe(200);
});

test('malformed requests get 400, unknown types and documents 404', async () => {
  const id = await createMemo('NOTA/UJI/6');
  expect((await http().post(`/ppid/workflow/nota-permintaan/${id}/transitions`).set(as('sub-koordinator')).send({})).status).toBe(400);
  expect((await http().post(`/ppid/workflow/nota-permintaan/${id}/transitions`).set(as('sub-koordinator')).send({ to: 'menunggu_paraf', force: 'yes' })).status).toBe(400);
  expect((await http().get(`/ppid/workflow/kopi/${id}`).set(as('sub-koordinator'))).status).toBe(404);
  expect((await http().get('/ppid/workflow/nota-permintaan/tidakada').set(as('sub-koordinator'))).status).toBe(404);
  expect((await http().get(`/ppid/workflow/nota-permintaan/${id}`)).status).toBe(401);
  expect(await stateOf(id)).toBe('penyusunan_konsep');
});

test('two Koordinators initialling at once: exactly one succeeds, the other gets 409', async () => {
  const id = await createMemo('NOTA/UJI/7');
  await move('sub-koordinator', id, 'menunggu_paraf');
  const before = await audits();
  const results = await Promise.all([move('koordinator', id, 'menunggu_tanda_tangan'), move('koordinator-2', id, 'menunggu_tanda_tangan')]);
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  const conflict = results.find((r) => r.status === 409)!;
  expect(conflict.body.error.message).toMatch(/sudah berubah/);
  expect(await audits()).toBe(before + 1);
  const timers = await strapi.db.query('api::timer-sla.timer-sla').findMany({ where: { dokumenId: id, ditutupPada: null } });
  expect(timers.map((t: any) => t.keadaan)).toEqual(['menunggu_tanda_tangan']);
});

test('a step taken on a stale view (the state the caller saw is gone) gets 409 and changes nothing', async () => {
  const id = await createMemo('NOTA/UJI/7b');
  await move('sub-koordinator', id, 'menunggu_paraf');
  await move('koordinator', id, 'dikembalikan', 'Perbaiki');
  const before = await audits();
  const stale = await http()
    .post(`/ppid/workflow/nota-permintaan/${id}/transitions`)
    .set(as('koordinator-2'))
    .send({ from: 'menunggu_paraf', to: 'menunggu_tanda_tangan' });
  expect(stale.status).toBe(409);
  expect(stale.body.error.details.state).toBe('dikembalikan');
  expect(await stateOf(id)).toBe('dikembalikan');
  expect(await audits()).toBe(before);
});

test('the state cannot be written through the Content Manager, on create or on update', async () => {
  // Roles have no write permission on the state field: the Content Manager drops it.
  const dropped = await http().post(CM).set(as('sub-koordinator')).send({ nomor: 'NOTA/UJI/8a', perihal: 'x', tanggalNota: '2026-11-20', statusAlur: 'selesai' });
  expect(dropped.status).toBe(201);
  expect(await stateOf(dropped.body.data.documentId)).toBe('penyusunan_konsep');
  // A super admin may send every field: the workflow refuses it and saves nothing.
  const created = await http().post(CM).set(as('super-admin')).send({ nomor: 'NOTA/UJI/8', perihal: 'x', tanggalNota: '2026-11-20', statusAlur: 'selesai' });
  expect(created.status).toBe(400);
  expect(created.body.error.message).toMatch(/Status alur tidak dapat diubah langsung/);
  expect(await strapi.db.query(NOTA).count({ where: { nomor: 'NOTA/UJI/8' } })).toBe(0);

  const id = await createMemo('NOTA/UJI/9');
  const res = await http().put(`${CM}/${id}`).set(as('super-admin')).send({ statusAlur: 'selesai', perihal: 'diubah' });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/Status alur tidak dapat diubah langsung.*Ajukan untuk paraf/);
  const row = await strapi.db.query(NOTA).findOne({ where: { documentId: id } });
  expect(row.statusAlur).toBe('penyusunan_konsep');
  expect(row.perihal).toBe('Permintaan DIP triwulan');
});

test('a super admin may force a transition only with a reason, and it is marked as forced', async () => {
  const id = await createMemo('NOTA/UJI/10');
  const noReason = await http().post(`/ppid/workflow/nota-permintaan/${id}/transitions`).set(as('super-admin')).send({ to: 'menunggu_dip', force: true });
  expect(noReason.status).toBe(422);
  const byOperator = await http().post(`/ppid/workflow/nota-permintaan/${id}/transitions`).set(as('operator')).send({ to: 'menunggu_dip', force: true, note: 'x' });
  expect(byOperator.status).toBe(403);
  expect(await stateOf(id)).toBe('penyusunan_konsep');
  const forced = await http()
    .post(`/ppid/workflow/nota-permintaan/${id}/transitions`)
    .set(as('super-admin'))
    .send({ to: 'menunggu_dip', force: true, note: 'Nota fisik sudah ditandatangani saat sistem gangguan' });
  expect(forced.status).toBe(200);
  expect(forced.body.data.history.at(-1)).toMatchObject({ event: 'transisi_paksa', forced: true, to: 'menunggu_dip' });
});

test('the audit trail cannot be edited or deleted through any API, even by a super admin', async () => {
  const AUDIT = 'api::riwayat-alur.riwayat-alur';
  const event = await strapi.db.query(AUDIT).findOne({ where: {} });
  const cm = `/content-manager/collection-types/${AUDIT}`;
  const put = await http().put(`${cm}/${event.documentId}`).set(as('super-admin')).send({ catatan: 'diubah' });
  expect(put.status).toBe(403);
  const del = await http().delete(`${cm}/${event.documentId}`).set(as('super-admin'));
  expect(del.status).toBe(403);
  const post = await http().post(cm).set(as('super-admin')).send({ seq: 9999, kategori: 'sistem', peristiwa: 'palsu', waktu: new Date().toISOString(), hashSebelumnya: 'x', hash: 'y' });
  expect(post.status).toBe(403);
  await expect(strapi.db.query(AUDIT).update({ where: { id: event.id }, data: { catatan: 'x' } })).rejects.toThrow(/tidak dapat diubah/);
  await expect(strapi.db.query(AUDIT).delete({ where: { id: event.id } })).rejects.toThrow(/tidak dapat diubah/);
  expect((await strapi.db.query(AUDIT).findOne({ where: { id: event.id } })).catatan).toBe(event.catatan);
  expect((await http().get('/api/riwayat-alurs')).status).toBe(404);
});
