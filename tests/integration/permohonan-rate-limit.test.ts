import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);
const REQ = 'api::permohonan-informasi.permohonan-informasi';

beforeAll(async () => {
  strapi = await setupStrapi({ PPID_REQUEST_RATE_PER_HOUR: '2', PPID_REQUEST_LOOKUPS_PER_HOUR: '3' });
});
afterAll(teardownStrapi);

const form = {
  jenisPemohon: 'perorangan', nama: 'Budi Santoso', nomorIdentitas: '3175012345678901', alamat: 'Jl. Sudirman No. 1, Padang',
  telepon: '081234567890', email: 'budi@contoh.id', pekerjaan: 'Guru', rincianInformasi: 'Anggaran dinas tahun 2025',
  tujuanPenggunaan: 'Pengawasan masyarakat', caraMemperoleh: 'melihat_membaca', caraMenerima: 'langsung',
};

test('submissions per IP are limited: the next one gets 429 with Retry-After, and nothing is stored', async () => {
  expect((await http().post('/api/permohonan-informasi').send({ data: form })).status).toBe(201);
  // A refused (invalid) submission counts too: a bot cannot probe for free.
  expect((await http().post('/api/permohonan-informasi').send({ data: { ...form, nama: '' } })).status).toBe(400);
  const before = await strapi.db.query(REQ as any).count();
  const limited = await http().post('/api/permohonan-informasi').send({ data: form });
  expect(limited.status).toBe(429);
  expect(limited.headers['retry-after']).toMatch(/^\d+$/);
  expect(limited.body.error.message).toMatch(/Terlalu banyak permintaan/);
  expect(await strapi.db.query(REQ as any).count()).toBe(before);
});

test('tracking look-ups per IP are limited separately', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) statuses.push((await http().get('/api/permohonan-informasi/status').query({ nomor: '001/PPID/2026', kode: 'AAAA-BBBB-CCCC' })).status);
  expect(statuses).toEqual([404, 404, 404, 429]);
});
