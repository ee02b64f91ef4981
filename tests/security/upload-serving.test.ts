/**
 * Issue #8, holes 1 and 5 (ASVS 5.0 V5 file handling, V3 web frontend security): files under
 * /uploads cannot act, and files of unpublished or exempt material are private.
 *
 * - a draft DIP entry's PDF is 404 for anonymous requests; it becomes public when the entry is
 *   published and private again when it is unpublished or made exempt;
 * - a file attached to nothing is private; admins fetch it with their Bearer token or with the
 *   signed URL every admin answer carries; the public API hands out plain URLs;
 * - other spellings of the path reach the same decision;
 * - every answer under /uploads has nosniff and `CSP: sandbox; default-src 'none'`, and a file
 *   that is not PDF/JPEG/PNG/WebP (stored before the allow-list) is served as an opaque download.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { image, validPdf } from '../helpers/files';
import { runAsSystem } from '../../src/workflow/system-context';

const DIP = 'api::dip-document.dip-document';
const FILE_UID = 'plugin::upload.file';
const UPLOADS = path.resolve(__dirname, '../../public/uploads');

let strapi: Core.Strapi;
let server: any;
let operatorToken = '';
let superToken = '';

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  server = strapi.server.httpServer;
  operatorToken = await adminToken(strapi, (await createAdmin(strapi, 'operator')).id);
  superToken = await adminToken(strapi, (await createAdmin(strapi, 'super-admin')).id);
});
afterAll(async () => {
  for (const f of created) fs.rmSync(f, { force: true });
  await teardownStrapi();
});
const created: string[] = [];

const tag = () => crypto.randomBytes(4).toString('hex');

async function upload(bytes: Buffer, name: string, type: string) {
  const res = await request(server).post('/upload').set('Authorization', `Bearer ${operatorToken}`).attach('files', bytes, { filename: name, contentType: type });
  expect(res.status).toBe(201);
  const row = await strapi.db.query(FILE_UID).findOne({ where: { id: res.body[0].id } });
  return { answer: res.body[0], row };
}

const docs = () => strapi.documents(DIP as any) as any;
const dipData = (fileId: number | null, kategori = 'berkala') => ({
  nomor: `DIP/${tag()}`,
  judul: 'Laporan keuangan',
  ringkasan: 'Ringkasan',
  kategori,
  pejabatPenguasa: 'Kepala Dinas',
  penanggungJawab: 'Sub Koordinator',
  jangkaWaktuPenyimpanan: '5 tahun',
  berkas: fileId,
});

async function draftEntryWith(fileId: number) {
  return runAsSystem<any>('test', () => docs().create({ locale: 'id', data: { ...dipData(fileId), statusAlur: 'disetujui' } }));
}
const publish = (documentId: string) => runAsSystem('test', () => docs().publish({ documentId, locale: 'id' }));
const unpublish = (documentId: string) => runAsSystem('test', () => docs().unpublish({ documentId, locale: 'id' }));

/** A raw GET, so the path reaches the server exactly as written (no URL normalisation). */
function rawGet(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const listening = server.listening ? Promise.resolve() : new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    listening.then(() => {
      const { port } = server.address() as AddressInfo;
      const req = http.request({ host: '127.0.0.1', port, path: pathname, method: 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    }, reject);
  });
}

function expectHardened(headers: Record<string, any>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  // helmet's frame guard still applies: no page may frame a stored file.
  expect(headers['x-frame-options']).toBe('DENY');
}

test('hole 5: the PDF of a draft DIP entry is not served without signing in; published it is; unpublished it is private again', async () => {
  const { row } = await upload(validPdf(), `rahasia-${tag()}.pdf`, 'application/pdf');
  const entry = await draftEntryWith(row.id);

  const draft = await request(server).get(row.url);
  expect(draft.status).toBe(404);
  expect(draft.body.error.message).toBe('Berkas tidak ditemukan.');
  expectHardened(draft.headers);
  expect(draft.text).not.toContain('%PDF');

  await publish(entry.documentId);
  const published = await request(server).get(row.url).buffer(true).parse((res, cb) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  expect(published.status).toBe(200);
  expect((published.body as Buffer).equals(validPdf())).toBe(true);
  expect(published.headers['content-type']).toBe('application/pdf');
  expect(published.headers['content-disposition']).toBe('inline');
  expectHardened(published.headers);

  // The public API answers with the plain URL (the static public site keeps working).
  const api = await request(server).get(`/api/dip-documents/${entry.documentId}?locale=id&populate=berkas`);
  expect(api.status).toBe(200);
  expect(api.body.data.berkas.url).toBe(row.url);

  await unpublish(entry.documentId);
  expect((await request(server).get(row.url)).status).toBe(404);
});

test('hole 5: the PDF of an exempt entry is private even when the entry is published', async () => {
  const { row } = await upload(validPdf(), `kecuali-${tag()}.pdf`, 'application/pdf');
  const entry = await draftEntryWith(row.id);
  await publish(entry.documentId);
  expect((await request(server).get(row.url)).status).toBe(200);
  // Made exempt behind the Document Service's back (its rules refuse a file on an exempt entry).
  await strapi.db.query(DIP).updateMany({ where: { documentId: entry.documentId }, data: { kategori: 'dikecualikan' } });
  await strapi.db.query(FILE_UID).update({ where: { id: row.id }, data: { caption: 'ubah' } }); // a file change clears the cache too
  expect((await request(server).get(row.url)).status).toBe(404);
});

test('a file attached to nothing is private; admins fetch it with a Bearer token or a signed URL', async () => {
  const { row } = await upload(await image('png', 400), `pribadi-${tag()}.png`, 'image/png');
  expect((await request(server).get(row.url)).status).toBe(404);
  expect((await request(server).get(row.formats.thumbnail.url)).status).toBe(404);

  const bearer = await request(server).get(row.url).set('Authorization', `Bearer ${operatorToken}`);
  expect(bearer.status).toBe(200);
  expect(bearer.headers['content-type']).toBe('image/png');
  expect(bearer.headers['cache-control']).toBe('private, no-store');
  expectHardened(bearer.headers);
  expect((await request(server).get(row.url).set('Authorization', 'Bearer bukan-token')).status).toBe(404);

  // The Media Library lists files with signed URLs (for <img src>), thumbnails included.
  const list = await request(server).get('/upload/files?pageSize=100').set('Authorization', `Bearer ${operatorToken}`);
  expect(list.status).toBe(200);
  const listed = list.body.results.find((f: any) => f.id === row.id);
  expect(listed.isUrlSigned).toBe(true);
  expect(listed.url).toMatch(new RegExp(`^${row.url.replace(/\./g, '\\.')}\\?ppid_exp=\\d+&ppid_sig=[\\w-]+$`));
  expect(listed.formats.thumbnail.url).toMatch(/^\/uploads\/thumbnail_.*\?ppid_exp=/);
  const signed = await request(server).get(listed.url);
  expect(signed.status).toBe(200);
  expect(signed.headers['cache-control']).toBe('private, max-age=300');
  expect((await request(server).get(`${listed.url}&updatedAt=123`)).status).toBe(200);
  expect((await request(server).get(listed.formats.thumbnail.url)).status).toBe(200);

  // A signature is bound to its file and its expiry.
  const other = await upload(await image('png'), `lain-${tag()}.png`, 'image/png');
  const query = listed.url.slice(listed.url.indexOf('?'));
  expect((await request(server).get(`${other.row.url}${query}`)).status).toBe(404);
  const forged = listed.url.replace(/ppid_exp=(\d+)/, (_m: string, e: string) => `ppid_exp=${Number(e) + 86400}`);
  expect((await request(server).get(forged)).status).toBe(404);
  const realNow = Date.now;
  try {
    Date.now = () => realNow() + 2 * 24 * 3600 * 1000;
    const expired = await request(server).get(listed.url);
    expect(expired.status).toBe(403);
    expect(expired.body.error.message).toMatch(/sudah kedaluwarsa/);
  } finally {
    Date.now = realNow;
  }
});

test('the Content Manager and the upload answer carry signed URLs; the public answer never does', async () => {
  const { answer } = await upload(validPdf(), `cm-${tag()}.pdf`, 'application/pdf');
  expect(answer.url).toMatch(/\?ppid_exp=/);
  const entry = await draftEntryWith(answer.id);
  const cm = await request(server).get(`/content-manager/collection-types/${DIP}/${entry.documentId}?locale=id`).set('Authorization', `Bearer ${superToken}`);
  expect(cm.status).toBe(200);
  expect(cm.body.data.berkas.url).toMatch(/\?ppid_exp=\d+&ppid_sig=/);
  expect((await request(server).get(cm.body.data.berkas.url)).status).toBe(200);

  // Published: the public API hands out the plain URL (no signature, nothing marked signed),
  // and that URL now serves the file to anyone.
  await publish(entry.documentId);
  const plainUrl = answer.url.split('?')[0];
  const one = await request(server).get(`/api/dip-documents/${entry.documentId}?locale=id&populate=berkas`);
  expect(one.status).toBe(200);
  expect(one.body.data.berkas.url).toBe(plainUrl);
  expect(one.body.data.berkas.isUrlSigned).not.toBe(true);
  const list = await request(server).get(`/api/dip-documents?locale=id&populate=berkas&filters[documentId][$eq]=${entry.documentId}`);
  expect(list.body.data.map((d: any) => d.berkas.url)).toEqual([plainUrl]);
  expect((await request(server).get(plainUrl)).status).toBe(200);

  // A content-API token is a privileged caller: its answers carry signed URLs, lists included.
  const token = await strapi.service('admin::api-token').create({ name: `sign-${tag()}`, description: '', type: 'read-only', kind: 'content-api', lifespan: null });
  const viaToken = await request(server).get(`/api/dip-documents?locale=id&populate=berkas&filters[documentId][$eq]=${entry.documentId}`).set('Authorization', `Bearer ${token.accessKey}`);
  expect(viaToken.status).toBe(200);
  expect(viaToken.body.data[0].berkas.url).toMatch(/^\/uploads\/[^?]+\?ppid_exp=\d+&ppid_sig=/);

  // The Content Manager's list (findMany) signs too.
  const cmList = await request(server)
    .get(`/content-manager/collection-types/${DIP}?locale=id&filters[$and][0][documentId][$eq]=${entry.documentId}`)
    .set('Authorization', `Bearer ${superToken}`);
  expect(cmList.status).toBe(200);
  const listed = cmList.body.results.find((r: any) => r.documentId === entry.documentId);
  expect(listed.berkas.url).toMatch(/\?ppid_exp=\d+&ppid_sig=/);
});

test('other spellings of an /uploads path reach the same decision', async () => {
  const { row } = await upload(validPdf(), `ejaan-${tag()}.pdf`, 'application/pdf');
  const name = path.basename(row.url);
  for (const spelled of [`/%75ploads/${name}`, `//uploads/${name}`, `/x/../uploads/${name}`, `/./uploads/${name}`, `/uploads/./${name}`, `/UPLOADS/${name}`, `/uploads%2f${name}`]) {
    const res = await rawGet(spelled);
    expect({ spelled, status: res.status }).toEqual({ spelled, status: 404 });
    expect(res.body.toString('latin1')).not.toContain('%PDF');
  }
  expect((await rawGet('/uploads/%E0%A4%A.pdf')).status).toBe(400);
  // The same spellings serve a public file (the decision, not the spelling, matters).
  const entry = await draftEntryWith(row.id);
  await publish(entry.documentId);
  const viaEncoded = await rawGet(`/%75ploads/${name}`);
  expect(viaEncoded.status).toBe(200);
  expectHardened(viaEncoded.headers);
});

test('hole 1: a script or HTML page stored before the allow-list is served as an inert download', async () => {
  // Files as the probe left them: on disk with a row, and (to be reachable at all) public.
  for (const [ext, content] of [
    ['.html', '<html><body><script>document.title="pwned"</script></body></html>'],
    ['.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['.js', 'alert(document.cookie)'],
  ] as const) {
    const hash = `lama_${tag()}`;
    const file = path.join(UPLOADS, `${hash}${ext}`);
    fs.writeFileSync(file, content);
    created.push(file);
    await strapi.db.query(FILE_UID).create({
      data: { name: `lama${ext}`, hash, ext, mime: 'text/html', size: 1, url: `/uploads/${hash}${ext}`, provider: 'local' },
    });
    const anonymous = await request(server).get(`/uploads/${hash}${ext}`);
    expect(anonymous.status).toBe(404);
    const res = await request(server).get(`/uploads/${hash}${ext}`).set('Authorization', `Bearer ${superToken}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(res.headers['content-disposition']).toBe('attachment');
    expectHardened(res.headers);
  }
});

test('no file is written or removed under /uploads by GET requests with other methods', async () => {
  const { row } = await upload(validPdf(), `metode-${tag()}.pdf`, 'application/pdf');
  for (const method of ['post', 'put', 'delete', 'patch'] as const) {
    const res = await (request(server) as any)[method](row.url).set('Authorization', `Bearer ${superToken}`);
    expect(res.status).toBe(405);
  }
  expect(fs.existsSync(path.join(UPLOADS, path.basename(row.url)))).toBe(true);
});
