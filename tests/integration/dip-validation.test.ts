import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { makePdf } from '../../src/seed/pdf';
import { image } from '../helpers/files';

let strapi: Core.Strapi;
let token: string;
const CM = '/content-manager/collection-types/api::dip-document.dip-document';
const http = () => request(strapi.server.httpServer);

async function uploadFile(name: string, mime: string, body: Buffer) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-')), name);
  fs.writeFileSync(file, body);
  const [row] = await strapi.plugin('upload').service('upload').upload({
    data: { fileInfo: { name } },
    files: { filepath: file, originalFilename: name, mimetype: mime, size: body.length },
  });
  return row;
}

const valid = {
  nomor: 'DIP/UJI/001',
  judul: 'Laporan Uji',
  ringkasan: 'Ringkasan isi informasi untuk pengujian.',
  kategori: 'berkala',
  pejabatPenguasa: 'Kepala Dinas',
  penanggungJawab: 'Sub Koordinator',
  bentukInformasi: 'softcopy',
  jangkaWaktuPenyimpanan: '5 tahun',
};

const count = () => strapi.db.query('api::dip-document.dip-document').count();

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  const operator = await createAdmin(strapi, 'operator');
  token = await adminToken(strapi, operator.id);
});
afterAll(teardownStrapi);

test('an operator saves a valid entry with a PDF through the Content Manager', async () => {
  const pdf = await uploadFile('laporan.pdf', 'application/pdf', makePdf('Laporan', ['isi']));
  const res = await http().post(`${CM}?locale=id`).set('Authorization', `Bearer ${token}`).send({ ...valid, berkas: pdf.id });
  expect(res.status).toBe(201);
  expect(res.body.data.nomor).toBe('DIP/UJI/001');
});

test('an exempt entry with a public file is refused with a clear message and nothing is saved', async () => {
  const before = await count();
  const pdf = await uploadFile('rahasia.pdf', 'application/pdf', makePdf('Rahasia', ['isi']));
  const res = await http()
    .post(`${CM}?locale=id`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      ...valid,
      nomor: 'DIP/UJI/002',
      kategori: 'dikecualikan',
      berkas: pdf.id,
      dasarHukumPengecualian: 'Pasal 17 huruf h UU 14/2008',
      ringkasanUjiKonsekuensi: 'Membuka informasi ini merugikan pemohon.',
      jangkaWaktuPengecualian: '5 tahun',
    });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/dikecualikan tidak boleh memiliki berkas publik/);
  expect(res.body.error.details.errors[0].path).toEqual(['berkas']);
  expect(await count()).toBe(before);
});

test('an exempt entry must carry its legal basis, consequence test and period', async () => {
  const before = await count();
  const res = await http()
    .post(`${CM}?locale=id`)
    .set('Authorization', `Bearer ${token}`)
    .send({ ...valid, nomor: 'DIP/UJI/003', kategori: 'dikecualikan' });
  expect(res.status).toBe(400);
  const paths = res.body.error.details.errors.map((e: any) => e.path[0]).sort();
  expect(paths).toEqual(['dasarHukumPengecualian', 'jangkaWaktuPengecualian', 'ringkasanUjiKonsekuensi']);
  expect(res.body.error.message).toMatch(/dasar hukum pengecualian/);
  expect(await count()).toBe(before);
});

test('turning an entry with a file into an exempt one is refused and the entry keeps its values', async () => {
  const dip = strapi.documents('api::dip-document.dip-document' as any) as any;
  const existing = await dip.findFirst({ filters: { nomor: 'DIP/UJI/001' }, locale: 'id', populate: ['berkas'] });
  const res = await http()
    .put(`${CM}/${existing.documentId}?locale=id`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      kategori: 'dikecualikan',
      dasarHukumPengecualian: 'Pasal 17',
      ringkasanUjiKonsekuensi: 'Uji',
      jangkaWaktuPengecualian: '1 tahun',
    });
  expect(res.status).toBe(400);
  const after = await dip.findFirst({ filters: { nomor: 'DIP/UJI/001' }, locale: 'id', populate: ['berkas'] });
  expect(after.kategori).toBe('berkala');
  expect(after.berkas.id).toBe(existing.berkas.id);
});

test('a public file must be a PDF', async () => {
  const before = await count();
  // An image is allowed in the Media Library (a text file is not even accepted there), but it is not a PDF.
  const png = await uploadFile('bagan.png', 'image/png', await image('png'));
  const res = await http().post(`${CM}?locale=id`).set('Authorization', `Bearer ${token}`).send({ ...valid, nomor: 'DIP/UJI/004', berkas: png.id });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/harus berformat PDF; "bagan.png" bukan PDF/);
  expect(await count()).toBe(before);
});

test('a PDF over the configured size limit is refused', async () => {
  const before = await count();
  const pdf = await uploadFile('besar.pdf', 'application/pdf', makePdf('Besar', ['isi']));
  // Pretend the stored file is larger than the limit rather than writing 20 MB in a test.
  await strapi.db.query('plugin::upload.file').update({ where: { id: pdf.id }, data: { size: 25 * 1024 } });
  const res = await http().post(`${CM}?locale=id`).set('Authorization', `Bearer ${token}`).send({ ...valid, nomor: 'DIP/UJI/005', berkas: pdf.id });
  expect(res.status).toBe(400);
  expect(res.body.error.message).toMatch(/berukuran 25\.0 MB; batasnya 20 MB/);
  expect(await count()).toBe(before);
});

test('a year that is not four digits is refused and nothing is saved', async () => {
  const before = await count();
  const res = await http().post(`${CM}?locale=id`).set('Authorization', `Bearer ${token}`).send({ ...valid, nomor: 'DIP/UJI/007', tahun: '26' });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors[0].path).toEqual(['tahun']);
  expect(await count()).toBe(before);
  const ok = await http().post(`${CM}?locale=id`).set('Authorization', `Bearer ${token}`).send({ ...valid, nomor: 'DIP/UJI/008', tahun: '2026' });
  expect(ok.status).toBe(201);
});

test('an unknown category is refused by the schema', async () => {
  const dip = strapi.documents('api::dip-document.dip-document' as any) as any;
  const before = await count();
  await expect(dip.create({ locale: 'id', data: { ...valid, nomor: 'DIP/UJI/006', kategori: 'rahasia' } })).rejects.toThrow();
  expect(await count()).toBe(before);
});
