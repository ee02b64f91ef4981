/**
 * Issue #13: uploads on S3-compatible storage (PPID_UPLOAD_STORAGE=s3), against a local s3rver on
 * loopback. The project's upload guards and serving rules hold exactly as on local disk:
 * - files land in the bucket (not in public/uploads), written with the `private` ACL, and their
 *   URL is the CMS's /uploads path;
 * - a refused file (type check, PDF scan) leaves nothing in the bucket;
 * - a draft's PDF is not readable anonymously; an editor reads it through a signed URL, which
 *   expires; published it is public; unpublished or exempt it is private again;
 * - deleting a file removes its object.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { DeleteObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { mzExecutable, pdfWithOpenActionJs, validPdf } from '../helpers/files';
import { startS3rver, type LocalS3 } from '../helpers/s3';
import { runAsSystem } from '../../src/workflow/system-context';

const DIP = 'api::dip-document.dip-document';
const FILE_UID = 'plugin::upload.file';
const UPLOADS = path.resolve(__dirname, '../../public/uploads');

let strapi: Core.Strapi;
let server: any;
let s3: LocalS3;
let client: S3Client;
let editorToken = '';
const tag = () => crypto.randomBytes(4).toString('hex');

beforeAll(async () => {
  s3 = await startS3rver();
  client = s3.client();
  strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, ...s3.env });
  server = strapi.server.httpServer;
  editorToken = await adminToken(strapi, (await createAdmin(strapi, 'operator')).id);
});
afterAll(async () => {
  await teardownStrapi();
  client?.destroy();
  await s3?.stop();
});

const keys = async () => ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key ?? '');
const binary = (req: request.Test) =>
  req.buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });

async function upload(bytes: Buffer, name: string, type: string) {
  return request(server).post('/upload').set('Authorization', `Bearer ${editorToken}`).attach('files', bytes, { filename: name, contentType: type });
}

const docs = () => strapi.documents(DIP as any) as any;
const draftWith = (fileId: number) =>
  runAsSystem<any>('test', () =>
    docs().create({
      locale: 'id',
      data: {
        nomor: `DIP/S3/${tag()}`,
        judul: 'Laporan keuangan',
        ringkasan: 'Ringkasan',
        kategori: 'berkala',
        pejabatPenguasa: 'Kepala Dinas',
        penanggungJawab: 'Sub Koordinator',
        jangkaWaktuPenyimpanan: '5 tahun',
        berkas: fileId,
        statusAlur: 'disetujui',
      },
    }),
  );

test('an uploaded PDF is stored in the bucket with a private ACL, under the CMS URL, not on local disk', async () => {
  const before = await keys();
  const res = await upload(validPdf(), `s3-${tag()}.pdf`, 'application/pdf');
  expect(res.status).toBe(201);
  const row = await strapi.db.query(FILE_UID).findOne({ where: { id: res.body[0].id } });
  expect(row.provider).toBe('aws-s3');
  expect(row.url).toBe(`/uploads/${row.hash}.pdf`);
  const key = `${row.hash}.pdf`;
  expect(await keys()).toEqual(expect.arrayContaining([...before, key]));
  expect(fs.existsSync(path.join(UPLOADS, key))).toBe(false);
  // What the CMS asked the bucket for: s3rver records the canned ACL of each PUT.
  expect(s3.aclOf(key)).toBe('private');
});

test('the type check and the PDF scan refuse before anything reaches the bucket', async () => {
  const before = (await keys()).sort();
  const exe = await upload(mzExecutable(), `setup-${tag()}.pdf`, 'application/pdf');
  expect(exe.status).toBe(400);
  expect(exe.body.error.details.code).toBe('FILE_TYPE_NOT_ALLOWED');
  const js = await upload(pdfWithOpenActionJs(), `skrip-${tag()}.pdf`, 'application/pdf');
  expect(js.status).toBe(400);
  expect(js.body.error.details.code).toBe('PDF_ACTIVE_CONTENT');
  expect((await keys()).sort()).toEqual(before);
});

test('a draft PDF is private; an editor reads it by a signed URL that expires; published it is public; unpublished or exempt private again', async () => {
  const res = await upload(validPdf('Rahasia S3'), `draf-${tag()}.pdf`, 'application/pdf');
  expect(res.status).toBe(201);
  const id = res.body[0].id;
  const row = await strapi.db.query(FILE_UID).findOne({ where: { id } });
  const entry = await draftWith(id);

  const anonymous = await binary(request(server).get(row.url));
  expect(anonymous.status).toBe(404);
  expect((anonymous.body as Buffer).toString('latin1')).not.toContain('%PDF');

  // The editor's Media Library answer carries a signed URL; it serves the bytes from the bucket.
  const listed = await request(server).get(`/upload/files/${id}`).set('Authorization', `Bearer ${editorToken}`);
  expect(listed.status).toBe(200);
  expect(listed.body.url).toMatch(/^\/uploads\/[^?]+\.pdf\?ppid_exp=\d+&ppid_sig=[\w-]+$/);
  const signed = await binary(request(server).get(listed.body.url));
  expect(signed.status).toBe(200);
  expect((signed.body as Buffer).equals(validPdf('Rahasia S3'))).toBe(true);
  expect(signed.headers['content-type']).toBe('application/pdf');
  expect(signed.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  expect(signed.headers['x-content-type-options']).toBe('nosniff');
  expect(signed.headers['cache-control']).toBe('private, max-age=300');
  const head = await request(server).head(listed.body.url);
  expect(head.status).toBe(200);
  expect(Number(head.headers['content-length'])).toBe(validPdf('Rahasia S3').length);
  const realNow = Date.now;
  try {
    Date.now = () => realNow() + 2 * 24 * 3600 * 1000;
    const expired = await request(server).get(listed.body.url);
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toMatch(/sudah kedaluwarsa/);
  } finally {
    Date.now = realNow;
  }

  await runAsSystem('test', () => docs().publish({ documentId: entry.documentId, locale: 'id' }));
  const published = await binary(request(server).get(row.url));
  expect(published.status).toBe(200);
  expect((published.body as Buffer).equals(validPdf('Rahasia S3'))).toBe(true);
  expect(published.headers['content-disposition']).toBe('inline');
  expect(published.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  // A conditional request is answered from the bucket's ETag.
  const again = await request(server).get(row.url).set('If-None-Match', published.headers.etag);
  expect(again.status).toBe(304);
  const since = await request(server).get(row.url).set('If-Modified-Since', published.headers['last-modified']);
  expect(since.status).toBe(304);
  expect((await request(server).get(row.url).set('If-Modified-Since', 'bukan tanggal')).status).toBe(200);

  await runAsSystem('test', () => docs().unpublish({ documentId: entry.documentId, locale: 'id' }));
  expect((await request(server).get(row.url)).status).toBe(404);

  await runAsSystem('test', () => docs().publish({ documentId: entry.documentId, locale: 'id' }));
  expect((await request(server).get(row.url)).status).toBe(200);
  await strapi.db.query(DIP).updateMany({ where: { documentId: entry.documentId }, data: { kategori: 'dikecualikan' } });
  await strapi.db.query(FILE_UID).update({ where: { id }, data: { caption: 'ubah' } }); // clears the per-instance memory
  expect((await request(server).get(row.url)).status).toBe(404);
});

test('an object missing from the bucket is 404 even for an editor; deleting a file removes its object', async () => {
  const res = await upload(validPdf(), `hapus-${tag()}.pdf`, 'application/pdf');
  const row = await strapi.db.query(FILE_UID).findOne({ where: { id: res.body[0].id } });
  const key = `${row.hash}.pdf`;
  expect(await keys()).toContain(key);
  const del = await request(server).delete(`/upload/files/${row.id}`).set('Authorization', `Bearer ${editorToken}`);
  expect(del.status).toBe(200);
  expect(await keys()).not.toContain(key);

  const other = await upload(validPdf(), `hilang-${tag()}.pdf`, 'application/pdf');
  const otherRow = await strapi.db.query(FILE_UID).findOne({ where: { id: other.body[0].id } });
  await client.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: `${otherRow.hash}.pdf` }));
  const gone = await request(server).get(otherRow.url).set('Authorization', `Bearer ${editorToken}`);
  expect(gone.status).toBe(404);
  expect(gone.body.error.message).toBe('Berkas tidak ditemukan.');
});
