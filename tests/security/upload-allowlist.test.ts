/**
 * Issue #8, holes 1 and 2 (ASVS 5.0 V5 file handling): an upload allow-list by content.
 *
 * Every attack of the probe is replayed with real bytes on every route that stores a file (admin
 * upload, single-file upload, both replace routes, the content API with an API token, a content-API
 * create carrying files, server code), by each role that may upload and by the super admin. Each
 * refusal asserts the Indonesian message AND that nothing changed: the rows of plugin::upload.file
 * and the files in public/uploads (the stored name derives from the uploaded name, which carries a
 * unique token, so a file stored by this test would be seen even while other test files upload).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import {
  htmlPage,
  image,
  jsFile,
  mzExecutable,
  pdfHtmlPolyglot,
  pdfWithAdditionalActions,
  pdfWithEmbeddedFile,
  pdfWithJsInObjectStream,
  pdfWithOpenActionJs,
  svgWithScript,
  validPdf,
} from '../helpers/files';

const FILE_UID = 'plugin::upload.file';
const UPLOADS = path.resolve(__dirname, '../../public/uploads');

let strapi: Core.Strapi;
let http: any;
const tokens: Record<string, string> = {};
let apiToken = '';

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  http = strapi.server.httpServer;
  for (const role of ['operator', 'kepala-bidang', 'sub-koordinator', 'super-admin']) {
    const user = await createAdmin(strapi, role);
    tokens[role] = await adminToken(strapi, user.id);
  }
  const created = await strapi.service('admin::api-token').create({ name: `uji-${crypto.randomUUID()}`, description: '', type: 'full-access', kind: 'content-api', lifespan: null });
  apiToken = created.accessKey;
});
afterAll(teardownStrapi);

const token = () => crypto.randomBytes(5).toString('hex');
const rowCount = () => strapi.db.query(FILE_UID).count();
const diskFiles = () => new Set(fs.readdirSync(UPLOADS));

/** Runs an attempt; asserts it was refused with a message, and that no row and no file appeared. */
async function expectRefusedAndNothingStored(tag: string, attempt: () => Promise<request.Response>, message: RegExp) {
  const rowsBefore = await rowCount();
  const before = diskFiles();
  const res = await attempt();
  expect({ status: res.status, message: res.body?.error?.message }).toEqual({ status: 400, message: expect.stringMatching(message) });
  expect(res.body.error.name).toBe('ValidationError');
  expect(await rowCount()).toBe(rowsBefore);
  const appeared = [...diskFiles()].filter((f) => !before.has(f));
  expect(appeared.filter((f) => f.toLowerCase().includes(tag))).toEqual([]);
  expect(await strapi.db.query(FILE_UID).count({ where: { name: { $contains: tag } } })).toBe(0);
  return res;
}

const adminUpload = (role: string, files: Array<[Buffer, string, string]>, query = '') => {
  let req = request(http).post(`/upload${query}`).set('Authorization', `Bearer ${tokens[role]}`);
  for (const [bytes, filename, contentType] of files) req = req.attach('files', bytes, { filename, contentType });
  return req;
};

const ATTACKS = (tag: string): Array<[string, Buffer, string, string, RegExp]> => [
  ['an HTML page', htmlPage(), `laporan-${tag}.html`, 'text/html', /isinya halaman HTML\. Yang boleh diunggah hanya PDF/],
  ['an SVG with script', svgWithScript(), `logo-${tag}.svg`, 'image/svg+xml', /isinya gambar SVG/],
  ['a JavaScript file', jsFile(), `x-${tag}.js`, 'application/javascript', /isinya teks atau skrip/],
  ['an MZ executable named .pdf (declared application/pdf)', mzExecutable(), `setup-${tag}.pdf`, 'application/pdf', /isinya program Windows \(EXE\/DLL\)/],
  ['an HTML page named .pdf (declared application/pdf)', htmlPage(), `dip-${tag}.pdf`, 'application/pdf', /isinya halaman HTML/],
  ['a PDF with an /OpenAction JavaScript', pdfWithOpenActionJs(), `aksi-${tag}.pdf`, 'application/pdf', /memuat skrip \(JavaScript\/aksi otomatis\)/],
  ['a PDF with JavaScript hidden in an object stream', pdfWithJsInObjectStream(), `objstm-${tag}.pdf`, 'application/pdf', /memuat skrip/],
  ['a PDF with additional actions (/AA)', pdfWithAdditionalActions(), `aa-${tag}.pdf`, 'application/pdf', /\/AA/],
  ['a PDF with an embedded file', pdfWithEmbeddedFile(), `lampiran-${tag}.pdf`, 'application/pdf', /berkas tersemat/],
  ['a PDF/HTML polyglot', pdfHtmlPolyglot(), `poli-${tag}.pdf`, 'application/pdf', /juga memuat kode HTML\/skrip/],
  ['a real PDF with a double extension .pdf.html', validPdf(), `ganda-${tag}.pdf.html`, 'application/pdf', /akhiran namanya "\.html"/],
  ['a real PDF declared as text/html', validPdf(), `jenis-${tag}.pdf`, 'text/html', /jenis yang dikirim \(text\/html\) tidak sesuai/],
  ['an upper-case .HTML', htmlPage(), `BESAR-${tag}.HTML`, 'text/html', /halaman HTML/],
];

describe('the Media Library (admin POST /upload) refuses the probe\'s files for every role that uploads', () => {
  for (const role of ['operator', 'kepala-bidang', 'sub-koordinator', 'super-admin']) {
    test(`${role}`, async () => {
      const tag = token();
      for (const [, bytes, name, type, message] of ATTACKS(tag)) {
        await expectRefusedAndNothingStored(tag, () => adminUpload(role, [[bytes, name, type]]), message);
      }
    });
  }
});

test('a valid PDF passes (also with an upper-case extension or a generic declared type) and is stored as application/pdf', async () => {
  for (const [name, type] of [
    [`laporan-${token()}.pdf`, 'application/pdf'],
    [`LAPORAN-${token()}.PDF`, 'application/pdf'],
    [`unduhan-${token()}.pdf`, 'application/octet-stream'],
  ]) {
    const res = await adminUpload('operator', [[validPdf(), name, type]]);
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ name, mime: 'application/pdf', ext: path.extname(name) });
    const stored = path.join(UPLOADS, path.basename(res.body[0].url.split('?')[0]));
    expect(fs.readFileSync(stored).equals(validPdf())).toBe(true);
  }
});

test('JPEG, PNG and WebP images pass (a declared image/jpg alias is stored as image/jpeg)', async () => {
  for (const [format, ext, type, stored] of [
    ['jpeg', 'jpg', 'image/jpg', 'image/jpeg'],
    ['png', 'png', 'image/png', 'image/png'],
    ['webp', 'webp', 'image/webp', 'image/webp'],
  ] as const) {
    const res = await adminUpload('operator', [[await image(format), `foto-${token()}.${ext}`, type]]);
    expect(res.status).toBe(201);
    expect(res.body[0].mime).toBe(stored);
  }
});

test('one bad file refuses the whole request: the good file in the same upload is not stored either', async () => {
  const tag = token();
  await expectRefusedAndNothingStored(
    tag,
    () => adminUpload('operator', [[validPdf(), `baik-${tag}.pdf`, 'application/pdf'], [htmlPage(), `buruk-${tag}.html`, 'text/html']]),
    /halaman HTML/,
  );
});

test('the single-file route POST /upload/files refuses the same way', async () => {
  const tag = token();
  await expectRefusedAndNothingStored(
    tag,
    () => request(http).post('/upload/files').set('Authorization', `Bearer ${tokens.operator}`).attach('files', svgWithScript(), { filename: `ikon-${tag}.svg`, contentType: 'image/svg+xml' }),
    /gambar SVG/,
  );
});

describe('replacing a file (POST /upload?id=, POST /upload/files/:id/replace, POST /api/upload?id=)', () => {
  let file: any;
  let storedPath = '';
  beforeAll(async () => {
    const res = await adminUpload('operator', [[validPdf('Asli'), `asli-${token()}.pdf`, 'application/pdf']]);
    file = res.body[0];
    storedPath = path.join(UPLOADS, path.basename(file.url.split('?')[0]));
  });

  const unchanged = async () => {
    expect(fs.readFileSync(storedPath).equals(validPdf('Asli'))).toBe(true);
    const row = await strapi.db.query(FILE_UID).findOne({ where: { id: file.id } });
    expect(row).toMatchObject({ mime: 'application/pdf', ext: '.pdf', size: file.size, name: file.name, hash: file.hash });
  };

  test('with an HTML page, a script, an executable or a PDF with JavaScript: refused, the stored bytes and row unchanged', async () => {
    for (const [bytes, name, type, message] of [
      [htmlPage(), `ganti-${token()}.html`, 'text/html', /halaman HTML/],
      [htmlPage(), `ganti-${token()}.pdf`, 'application/pdf', /halaman HTML/],
      [jsFile(), `ganti-${token()}.js`, 'application/javascript', /teks atau skrip/],
      [mzExecutable(), `ganti-${token()}.pdf`, 'application/pdf', /program Windows/],
      [pdfWithOpenActionJs(), `ganti-${token()}.pdf`, 'application/pdf', /memuat skrip/],
    ] as Array<[Buffer, string, string, RegExp]>) {
      const tag = name.split('-')[1].split('.')[0];
      await expectRefusedAndNothingStored(tag, () => adminUpload('operator', [[bytes, name, type]], `?id=${file.id}`), message);
      await unchanged();
      await expectRefusedAndNothingStored(
        tag,
        () => request(http).post(`/upload/files/${file.id}/replace`).set('Authorization', `Bearer ${tokens['super-admin']}`).attach('files', bytes, { filename: name, contentType: type }),
        message,
      );
      await unchanged();
      await expectRefusedAndNothingStored(
        tag,
        () => request(http).post(`/api/upload?id=${file.id}`).set('Authorization', `Bearer ${apiToken}`).attach('files', bytes, { filename: name, contentType: type }),
        message,
      );
      await unchanged();
    }
  });

  test('with a valid image: refused, a replacement must be of the same kind (the URL keeps .pdf)', async () => {
    const tag = token();
    const res = await request(http)
      .post(`/upload/files/${file.id}/replace`)
      .set('Authorization', `Bearer ${tokens.operator}`)
      .attach('files', await image('png'), { filename: `foto-${tag}.png`, contentType: 'image/png' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Berkas pengganti harus sejenis dengan berkas yang diganti \(PDF\)/);
    await unchanged();
  });

  test('with a valid PDF: replaced', async () => {
    const res = await adminUpload('operator', [[validPdf('Baru'), `baru-${token()}.pdf`, 'application/pdf']], `?id=${file.id}`);
    expect(res.status).toBe(200);
    expect(fs.readFileSync(storedPath).equals(validPdf('Baru'))).toBe(true);
  });
});

describe('the content API (POST /api/upload with an API token)', () => {
  test('refuses the probe\'s files', async () => {
    const tag = token();
    for (const [, bytes, name, type, message] of ATTACKS(tag).slice(0, 6)) {
      await expectRefusedAndNothingStored(
        tag,
        () => request(http).post('/api/upload').set('Authorization', `Bearer ${apiToken}`).attach('files', bytes, { filename: name, contentType: type }),
        message,
      );
    }
  });

  test('accepts a valid PDF', async () => {
    const res = await request(http).post('/api/upload').set('Authorization', `Bearer ${apiToken}`).attach('files', validPdf(), { filename: `api-${token()}.pdf`, contentType: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body[0].mime).toBe('application/pdf');
  });

  test('refuses attaching straight to an entry at upload time (ref/refId/field would skip the approval workflow)', async () => {
    const tag = token();
    await expectRefusedAndNothingStored(
      tag,
      () =>
        request(http)
          .post('/api/upload')
          .set('Authorization', `Bearer ${apiToken}`)
          .field('ref', 'api::dip-document.dip-document')
          .field('refId', '1')
          .field('field', 'berkas')
          .attach('files', validPdf(), { filename: `langsung-${tag}.pdf`, contentType: 'application/pdf' }),
      /tidak dapat dilampirkan langsung ke entri/,
    );
  });

  test('files sent along with an entry (multipart create) are checked before any route sees them', async () => {
    const tag = token();
    const dipBefore = await strapi.db.query('api::dip-document.dip-document').count();
    await expectRefusedAndNothingStored(
      tag,
      () =>
        request(http)
          .post('/api/dip-documents')
          .set('Authorization', `Bearer ${apiToken}`)
          .field('data', JSON.stringify({ nomor: `X-${tag}`, judul: 'x' }))
          .attach('files.berkas', htmlPage(), { filename: `entri-${tag}.pdf`, contentType: 'application/pdf' }),
      /halaman HTML/,
    );
    expect(await strapi.db.query('api::dip-document.dip-document').count()).toBe(dipBefore);
  });
});

test('server code calling the upload service directly is held to the same checks', async () => {
  const tag = token();
  const tmp = path.join(path.resolve(__dirname, '../../.tmp'), `server-${tag}.pdf`);
  fs.mkdirSync(path.dirname(tmp), { recursive: true });
  fs.writeFileSync(tmp, htmlPage());
  try {
    const rowsBefore = await rowCount();
    await expect(
      strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name: `server-${tag}.pdf` } },
        files: { filepath: tmp, originalFilename: `server-${tag}.pdf`, mimetype: 'application/pdf', size: fs.statSync(tmp).size },
      }),
    ).rejects.toThrow(/halaman HTML/);
    expect(await rowCount()).toBe(rowsBefore);
    expect([...diskFiles()].filter((f) => f.includes(tag))).toEqual([]);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
});

test('a DIP entry takes only a PDF as its berkas (an image from the Media Library is refused)', async () => {
  const png = await adminUpload('operator', [[await image('png'), `gambar-${token()}.png`, 'image/png']]);
  expect(png.status).toBe(201);
  await expect(
    strapi.documents('api::dip-document.dip-document' as any).create({
      locale: 'id',
      data: { nomor: `DIP-${token()}`, judul: 'Uji', ringkasan: 'Uji', kategori: 'berkala', pejabatPenguasa: 'x', penanggungJawab: 'x', jangkaWaktuPenyimpanan: '5 tahun', berkas: png.body[0].id },
    } as any),
  ).rejects.toThrow(/harus berformat PDF/);
});
