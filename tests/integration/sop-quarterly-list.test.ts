import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';

/**
 * SOP seed 001 A1: the quarter's content is ONE document, set by the Sub Koordinator, signed by
 * the Koordinator, handed to and received by the Kepala Dinas; its receipt meets the quarterly
 * obligation, and scheduled items belong to it.
 */
jest.setTimeout(240_000);

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const DAFTAR = 'api::daftar-konten.daftar-konten';
const KONTEN = 'api::konten-terjadwal.konten-terjadwal';
const TIMER = 'api::timer-sla.timer-sla';
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const tokens: Record<string, string> = {};

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  for (const role of ['sub-koordinator', 'koordinator', 'kepala-dinas', 'operator']) {
    tokens[role] = await adminToken(strapi, (await createAdmin(strapi, role)).id);
  }
});
afterAll(teardownStrapi);

const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });
const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
const move = (role: string, type: string, id: string, to: string, note?: string) =>
  http().post(`/ppid/workflow/${type}/${id}/transitions`).set(as(role)).send({ to, note });
const planPeriodsClosed = () => strapi.db.query(TIMER).count({ where: { jenisKonten: 'kewajiban', dokumenId: 'rencana_konten', ditutupPada: { $notNull: true } } });
const item = (judul: string, periode: string, daftarKonten?: string) =>
  http()
    .post(cm(KONTEN))
    .set(as('sub-koordinator'))
    // News carries its content (isi): an item is approved only with what it puts online (issue #11).
    .send({ judul, jenis: 'berita', isi: `Isi ${judul}.`, periode, jadwalTayang: new Date(Date.now() + 86_400_000).toISOString(), ...(daftarKonten ? { daftarKonten } : {}) });

test('the quarterly list walk: set, signed, received; the obligation is met by the receipt, and items follow their list', async () => {
  const created = await http().post(cm(DAFTAR)).set(as('sub-koordinator')).send({ periode: '2027-Q1', catatan: 'Rencana triwulan I' });
  expect(created.status).toBe(201);
  const list = created.body.data.documentId as string;

  const empty = await move('sub-koordinator', 'daftar-konten', list, 'menunggu_tanda_tangan');
  expect(empty.status).toBe(422);
  expect(empty.body.error.message).toMatch(/belum berisi konten/);

  // An item of another quarter cannot join; nothing is created.
  const items = await strapi.db.query(KONTEN).count({});
  const wrong = await item('Berita Q2', '2027-Q2', list);
  expect(wrong.status).toBe(400);
  expect(wrong.body.error.message).toMatch(/Periode konten \(2027-Q2\) berbeda/);
  expect(await strapi.db.query(KONTEN).count({})).toBe(items);

  const inList = (await item('Berita Q1', '2027-Q1', list)).body.data.documentId as string;
  const outside = (await item('Berita lepas', '2027-Q1')).body.data.documentId as string;
  const notInList = await move('operator', 'konten-terjadwal', outside, 'menunggu_persetujuan');
  expect(notInList.status).toBe(422);
  expect(notInList.body.error.message).toMatch(/Daftar Konten Triwulan/);

  expect((await move('operator', 'konten-terjadwal', inList, 'menunggu_persetujuan')).status).toBe(200);
  const unsigned = await move('koordinator', 'konten-terjadwal', inList, 'disetujui');
  expect(unsigned.status).toBe(422);
  expect(unsigned.body.error.message).toMatch(/belum ditandatangani Koordinator/);

  expect((await move('sub-koordinator', 'daftar-konten', list, 'menunggu_tanda_tangan')).status).toBe(200);
  expect((await move('kepala-dinas', 'daftar-konten', list, 'menunggu_penerimaan')).status).toBe(403);
  expect((await move('koordinator', 'daftar-konten', list, 'menunggu_penerimaan')).status).toBe(200);

  // A signed list is closed: an item joins only after it is returned or reopened.
  const late = await item('Berita terlambat', '2027-Q1', list);
  expect(late.status).toBe(400);
  expect(late.body.error.message).toMatch(/sudah diajukan atau ditandatangani/);
  const leave = await http().put(`${cm(KONTEN)}/${inList}`).set(as('sub-koordinator')).send({ daftarKonten: null });
  expect(leave.status).toBe(400);
  expect((await strapi.db.query(KONTEN).findOne({ where: { documentId: inList }, populate: { daftarKonten: true } })).daftarKonten.documentId).toBe(list);
  // Nor from the list's side.
  const other = (await item('Berita lain', '2027-Q1')).body.data.documentId as string;
  const fromList = await http().put(`${cm(DAFTAR)}/${list}`).set(as('sub-koordinator')).send({ konten: { connect: [{ documentId: other }] } });
  expect(fromList.status).toBe(400);
  expect((await strapi.db.query(DAFTAR).findOne({ where: { documentId: list }, populate: { konten: true } })).konten.map((k: any) => k.documentId)).toEqual([inList]);

  const before = await planPeriodsClosed();
  expect((await move('koordinator', 'konten-terjadwal', inList, 'disetujui')).status).toBe(200);
  expect(await planPeriodsClosed()).toBe(before); // one approved item is not the quarterly list
  expect((await move('kepala-dinas', 'daftar-konten', list, 'diterima')).status).toBe(200);
  expect(await planPeriodsClosed()).toBe(before + 1);

  const status = (await http().get(`/ppid/workflow/daftar-konten/${list}`).set(as('sub-koordinator'))).body.data;
  expect(status.history.filter((h: any) => h.event === 'transisi').map((h: any) => h.to)).toEqual(['menunggu_tanda_tangan', 'menunggu_penerimaan', 'diterima']);
});

test('one list per quarter: a second list of the same period is refused and nothing is saved', async () => {
  expect((await http().post(cm(DAFTAR)).set(as('sub-koordinator')).send({ periode: '2027-Q3' })).status).toBe(201);
  const other = await http().post(cm(DAFTAR)).set(as('sub-koordinator')).send({ periode: '2027-Q4' });
  const before = { lists: await strapi.db.query(DAFTAR).count({}), audit: await strapi.db.query(AUDIT).count() };
  const twice = await http().post(cm(DAFTAR)).set(as('sub-koordinator')).send({ periode: '2027-Q3' });
  expect(twice.status).toBe(400);
  expect(twice.body.error.message).toMatch(/periode 2027-Q3 sudah ada/);
  const renamed = await http().put(`${cm(DAFTAR)}/${other.body.data.documentId}`).set(as('sub-koordinator')).send({ periode: '2027-Q3' });
  expect(renamed.status).toBe(400);
  expect(await strapi.db.query(DAFTAR).count({})).toBe(before.lists);
  expect(await strapi.db.query(AUDIT).count()).toBe(before.audit);
  expect((await strapi.db.query(DAFTAR).findOne({ where: { documentId: other.body.data.documentId } })).periode).toBe('2027-Q4');
  expect((await http().post(cm(DAFTAR)).set(as('sub-koordinator')).send({ periode: '2027-Q5' })).status).toBe(400);
});
