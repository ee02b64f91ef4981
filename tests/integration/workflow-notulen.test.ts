import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { sweepTimers } from '../../src/workflow/sweeper';
import { deliverNotices } from '../../src/outbox/sender';

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const CM = '/content-manager/collection-types/api::notulen.notulen';
const tokens: Record<string, string> = {};
const users: Record<string, any> = {};
const outbox = (): any[] => ((globalThis as any).__ppidOutbox ??= []);

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  for (const role of ['sub-koordinator', 'koordinator', 'kepala-dinas', 'web-developer', 'operator']) {
    users[role] = await createAdmin(strapi, role);
    tokens[role] = await adminToken(strapi, users[role].id);
  }
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const move = (role: string, id: string, to: string, note?: string) =>
  http().post(`/ppid/workflow/notulen/${id}/transitions`).set(as(role)).send({ to, note });
const load = async (id: string) => (await http().get(`${CM}/${id}`).set(as('sub-koordinator'))).body.data;
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

let id: string;
const minutes = () => ({
  judul: 'Rapat pengembangan website',
  tanggalRapat: new Date().toISOString(),
  peserta: 'Koordinator, Sub Koordinator, Web Developer',
  pembahasan: 'Formulir permohonan bermasalah di ponsel.',
});

function withStatus(items: any[], index: number, status: string) {
  return items.map((item, i) => ({ ...item, status: i === index ? status : item.status }));
}

test('new follow-up items must start as "baru"', async () => {
  const res = await http()
    .post(CM)
    .set(as('sub-koordinator'))
    .send({ ...minutes(), tindakLanjut: [{ deskripsi: 'Perbaiki formulir', penanggungJawab: users['web-developer'].email, tenggat: tomorrow, status: 'selesai' }] });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/harus dimulai dengan status "Baru/);
  expect(await strapi.db.query('api::notulen.notulen').count()).toBe(0);
});

test('minutes with two follow-up items: each item gets its own timer, addressed to its assignee', async () => {
  const res = await http()
    .post(CM)
    .set(as('sub-koordinator'))
    .send({
      ...minutes(),
      tindakLanjut: [
        { deskripsi: 'Perbaiki formulir di ponsel', penanggungJawab: users['web-developer'].email, tenggat: tomorrow },
        { deskripsi: 'Tampilkan nomor registrasi', penanggungJawab: users['web-developer'].email, tenggat: tomorrow },
      ],
    });
  expect(res.status).toBe(201);
  id = res.body.data.documentId;
  const timers = await strapi.db.query('api::timer-sla.timer-sla').findMany({ where: { jenisKonten: 'api::notulen.notulen#tindakLanjut', ditutupPada: null } });
  expect(timers).toHaveLength(2);
  expect(timers[0].penanggungJawab).toEqual([`email:${users['web-developer'].email}`]);
});

test('the minutes go to the Koordinator and are reported to the Kepala Dinas', async () => {
  expect((await move('sub-koordinator', id, 'menunggu_tinjauan')).status).toBe(200);
  expect((await move('koordinator', id, 'menunggu_penerimaan')).status).toBe(200);
  expect((await move('koordinator', id, 'tindak_lanjut')).status).toBe(403);
  expect((await move('kepala-dinas', id, 'tindak_lanjut')).status).toBe(200);
});

test('the Web Developer acknowledges an item (tanda terima): the receipt date is stamped and audited', async () => {
  const doc = await load(id);
  const res = await http().put(`${CM}/${id}`).set(as('web-developer')).send({ ...doc, tindakLanjut: withStatus(doc.tindakLanjut, 0, 'diterima') });
  expect(res.status).toBe(200);
  const after = await load(id);
  expect(after.tindakLanjut[0].status).toBe('diterima');
  expect(after.tindakLanjut[0].tanggalDiterima).toBeTruthy();
  expect(after.tindakLanjut[1].status).toBe('baru');
  const event = await strapi.db.query('api::riwayat-alur.riwayat-alur').findOne({ where: { peristiwa: 'transisi_butir' } });
  expect(event).toMatchObject({ dari: 'baru', ke: 'diterima', aktorEmail: users['web-developer'].email });
});

test('skipping steps or taking the Sub Koordinator\'s step is refused and nothing changes', async () => {
  const doc = await load(id);
  const skip = await http().put(`${CM}/${id}`).set(as('web-developer')).send({ ...doc, tindakLanjut: withStatus(doc.tindakLanjut, 0, 'selesai') });
  expect(skip.status).toBe(400);
  expect(skip.body.error.message).toMatch(/Mulai kerjakan/);
  expect((await load(id)).tindakLanjut[0].status).toBe('diterima');
});

test('the Web Developer cannot rewrite what to do or by when, only progress', async () => {
  const doc = await load(id);
  const items = doc.tindakLanjut.map((item: any, i: number) => (i === 0 ? { ...item, deskripsi: 'Tidak perlu', status: 'dikerjakan' } : item));
  const res = await http().put(`${CM}/${id}`).set(as('web-developer')).send({ ...doc, tindakLanjut: items });
  expect(res.status).toBe(200);
  const after = await load(id);
  expect(after.tindakLanjut[0].status).toBe('dikerjakan');
  expect(after.tindakLanjut[0].deskripsi).toBe('Perbaiki formulir di ponsel');
});

test('the minutes cannot close while an item is open; an operator cannot touch them', async () => {
  const closing = await move('sub-koordinator', id, 'selesai');
  expect(closing.status).toBe(422);
  expect(closing.body.error.message).toMatch(/belum selesai/);
  const doc = await load(id);
  expect((await http().put(`${CM}/${id}`).set(as('operator')).send(doc)).status).toBe(403);
});

test('each overdue item notifies its assignee once', async () => {
  const timer = await strapi.db.query('api::timer-sla.timer-sla').findOne({ where: { jenisKonten: 'api::notulen.notulen#tindakLanjut', ditutupPada: null } });
  const late = new Date(new Date(timer.jatuhTempo).getTime() + 60_000);
  await sweepTimers(strapi, late);
  await sweepTimers(strapi, late);
  await deliverNotices(strapi, { now: late });
  const mails = outbox().filter((m) => m.to === users['web-developer'].email && /Melewati batas waktu: Tindak lanjut/.test(m.subject));
  expect(mails.map((m) => m.subject).sort()).toEqual([
    '[PPID] Melewati batas waktu: Tindak lanjut: Perbaiki formulir di ponsel',
    '[PPID] Melewati batas waktu: Tindak lanjut: Tampilkan nomor registrasi',
  ]);
  expect(outbox().some((m) => m.to === users.operator.email && /Tindak lanjut/.test(m.subject))).toBe(false);
});

test('when every item is presented and accepted, the minutes close and the item timers stop', async () => {
  for (const index of [0, 1]) {
    const steps = index === 0 ? ['dipresentasikan'] : ['diterima', 'dikerjakan', 'dipresentasikan'];
    for (const status of steps) {
      const doc = await load(id);
      expect((await http().put(`${CM}/${id}`).set(as('web-developer')).send({ ...doc, tindakLanjut: withStatus(doc.tindakLanjut, index, status) })).status).toBe(200);
    }
    const doc = await load(id);
    const accept = await http().put(`${CM}/${id}`).set(as('sub-koordinator')).send({ ...doc, tindakLanjut: withStatus(doc.tindakLanjut, index, 'selesai') });
    expect(accept.status).toBe(200);
  }
  const doc = await load(id);
  expect(doc.tindakLanjut.every((i: any) => i.status === 'selesai' && i.tanggalSelesai)).toBe(true);
  expect((await move('sub-koordinator', id, 'selesai')).status).toBe(200);
  const open = await strapi.db.query('api::timer-sla.timer-sla').count({ where: { jenisKonten: 'api::notulen.notulen#tindakLanjut', ditutupPada: null } });
  expect(open).toBe(0);
});
