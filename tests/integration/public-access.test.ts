import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { runSeed } from '../../src/seed';
import { demoDipEntries } from '../../src/seed/demo-data';

let strapi: Core.Strapi;
const http = () => request(strapi.server.httpServer);

beforeAll(async () => {
  strapi = await setupStrapi();
  await runSeed(strapi, { withDemoAdmins: false, log: () => {} });
});
afterAll(teardownStrapi);

const year = new Date().getUTCFullYear();
const expectedPublic = demoDipEntries(year).filter((e) => e.published && e.kategori !== 'dikecualikan');
const ALLOWED = new Set([
  'GET /api/dip-documents',
  'GET /api/dip-documents/:id',
  'GET /api/bidangs',
  'GET /api/bidangs/:id',
  // Issue #12: submit a request, track it (number + secret code), aggregate statistics.
  'POST /api/permohonan-informasi',
  'GET /api/permohonan-informasi/status',
  'POST /api/permohonan-informasi/status',
  'GET /api/statistik-permohonan',
  'GET /api/profil-ppid',
  'GET /api/maklumat-pelayanan',
]);

async function anyDocumentId(uid: string, status: 'published' | 'draft' = 'published') {
  const doc = await (strapi.documents(uid as any) as any).findFirst({ status, locale: 'id', filters: uid.includes('dip') ? { kategori: 'berkala' } : {} });
  return doc?.documentId ?? 'x';
}

test('the public reaches exactly the read routes of DIP entries, units and the two public pages, the request form, tracking and statistics, and nothing else', async () => {
  const routes = (strapi.server as any)
    .listRoutes()
    .flatMap((layer: any) => layer.methods.filter((m: string) => m !== 'HEAD').map((m: string) => ({ method: m, path: layer.path as string })))
    .filter((r: { path: string }) => r.path.startsWith('/api/'));
  expect(routes.length).toBeGreaterThan(20);

  const dipId = await anyDocumentId('api::dip-document.dip-document');
  const unitId = await anyDocumentId('api::bidang.bidang');
  const reachable: string[] = [];
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const id = route.path.startsWith('/api/dip-documents') ? dipId : route.path.startsWith('/api/bidangs') ? unitId : '1';
    const url = route.path.replace(/:[a-zA-Z]+(\([^)]*\))?/g, id).replace(/\(\.\*\)/g, 'x');
    const res = await (http() as any)[route.method.toLowerCase()](url).send({});
    // The request routes are public but answer an empty form / missing code with 400: reached.
    const reachedButRefused = res.status === 400 && res.body?.error?.name === 'ValidationError';
    if (res.status < 400 || reachedButRefused) reachable.push(key);
    else expect([401, 403, 404, 405]).toContain(res.status);
  }
  expect(reachable.sort()).toEqual([...ALLOWED].sort());
});

test('memos, minutes, schedules, reports, holidays, the site build status, requests and the audit trail are refused', async () => {
  for (const path of ['nota-permintaans', 'notulens', 'konten-terjadwals', 'daftar-kontens', 'laporan-evaluasis', 'hari-liburs', 'riwayat-alurs', 'users', 'permohonan-informasis', 'keberatans', 'status-situs']) {
    const res = await http().get(`/api/${path}`);
    expect([403, 404]).toContain(res.status);
  }
  expect((await http().get('/api/nota-permintaans')).status).toBe(403);
});

test('the list holds exactly the published, non-exempt entries, in Indonesian and in English', async () => {
  for (const locale of ['id', 'en']) {
    const res = await http().get(`/api/dip-documents?locale=${locale}&pagination[pageSize]=100`);
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.total).toBe(expectedPublic.length);
    const numbers = res.body.data.map((d: any) => d.nomor).sort();
    expect(numbers).toEqual(expectedPublic.map((e) => e.nomor).sort());
    expect(res.body.data.every((d: any) => d.locale === locale)).toBe(true);
    expect(res.body.data.some((d: any) => d.kategori === 'dikecualikan')).toBe(false);
  }
  const en = await http().get('/api/dip-documents?locale=en&filters[nomor][$eq]=' + encodeURIComponent(expectedPublic[0].nomor));
  expect(en.body.data[0].judul).toBe(expectedPublic[0].en.judul);
});

test('asking for drafts or for exempt entries still returns only public ones', async () => {
  const drafts = await http().get('/api/dip-documents?locale=id&status=draft&pagination[pageSize]=100');
  expect(drafts.body.meta.pagination.total).toBe(expectedPublic.length);
  expect(drafts.body.data.every((d: any) => d.publishedAt)).toBe(true);

  const exempt = await http().get('/api/dip-documents?locale=id&filters[kategori][$eq]=dikecualikan');
  expect(exempt.status).toBe(200);
  expect(exempt.body.data).toEqual([]);

  const sneaky = await http().get('/api/dip-documents?locale=id&filters[$or][0][kategori][$eq]=dikecualikan&filters[$or][1][kategori][$eq]=berkala&pagination[pageSize]=100');
  expect(sneaky.body.data.some((d: any) => d.kategori === 'dikecualikan')).toBe(false);
});

test('an exempt entry or an unpublished draft cannot be read by its id', async () => {
  const dip = strapi.documents('api::dip-document.dip-document' as any) as any;
  const exempt = await dip.findFirst({ filters: { kategori: 'dikecualikan' }, status: 'published', locale: 'id' });
  expect(exempt).toBeTruthy();
  expect((await http().get(`/api/dip-documents/${exempt.documentId}?locale=id`)).status).toBe(404);

  const published = await dip.findMany({ status: 'published', locale: 'id', fields: ['documentId'] });
  const publishedIds = new Set(published.map((d: any) => d.documentId));
  const drafts = await dip.findMany({ status: 'draft', locale: 'id', fields: ['documentId'] });
  const draftOnly = drafts.find((d: any) => !publishedIds.has(d.documentId));
  expect(draftOnly).toBeTruthy();
  expect((await http().get(`/api/dip-documents/${draftOnly.documentId}?locale=id`)).status).toBe(404);
  expect((await http().get(`/api/dip-documents/${draftOnly.documentId}?locale=id&status=draft`)).status).toBe(404);
});

test('a public entry shows its public fields and PDF, never its workflow state or the memo behind it', async () => {
  const res = await http().get('/api/dip-documents?locale=id&populate=*&pagination[pageSize]=100');
  expect(res.status).toBe(200);
  const withFile = res.body.data.find((d: any) => d.berkas);
  expect(withFile.berkas.mime).toBe('application/pdf');
  for (const entry of res.body.data) {
    expect(entry).not.toHaveProperty('statusAlur');
    expect(entry).not.toHaveProperty('slaJatuhTempo');
    expect(entry).not.toHaveProperty('slaBerisikoPada');
    expect(entry.notaPermintaan ?? null).toBeNull();
    expect(entry).not.toHaveProperty('createdBy');
  }
  const pdf = await http().get(withFile.berkas.url);
  expect(pdf.status).toBe(200);
  expect(pdf.body.toString('latin1').startsWith('%PDF-1.4')).toBe(true);
});

test('content-API registration is off', async () => {
  const res = await http()
    .post('/api/auth/local/register')
    .send({ username: 'warga', email: 'warga@example.test', password: 'Kx9#vT2m-Qw7z-long' });
  expect([403, 404]).toContain(res.status);
  expect(await strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
});

test('the PPID profile and the service charter are public in both locales, published version only', async () => {
  for (const [path, uid] of [['profil-ppid', 'api::profil-ppid.profil-ppid'], ['maklumat-pelayanan', 'api::maklumat-pelayanan.maklumat-pelayanan']]) {
    const id = await http().get(`/api/${path}?locale=id`);
    const en = await http().get(`/api/${path}?locale=en`);
    expect([id.status, en.status]).toEqual([200, 200]);
    expect(id.body.data.locale).toBe('id');
    expect(en.body.data.locale).toBe('en');
    expect(id.body.data.judul).not.toBe(en.body.data.judul);
    // An unpublished edit stays private until it is published.
    const docs = strapi.documents(uid as any) as any;
    await docs.update({ documentId: id.body.data.documentId, locale: 'id', data: { judul: 'Draf belum terbit' } });
    const again = await http().get(`/api/${path}?locale=id&status=draft`);
    expect(again.body.data.judul).toBe(id.body.data.judul);
    for (const method of ['put', 'delete'] as const) expect((await (http() as any)[method](`/api/${path}`).send({ data: {} })).status).toBe(403);
  }
});
