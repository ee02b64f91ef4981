import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { dipHarness, validEntry } from '../helpers/dip';
import { TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { runAsSystem } from '../../src/workflow/system-context';

/**
 * Issue #13, HTTP caching: the CDN in front of the public API is purged when what it serves
 * changes (a publish, an unpublish), once per burst of writes, after the commit, with the
 * configured method, headers and body; nothing for a rolled-back write or for content the public
 * API does not serve; a CDN that fails is tried again. The CDN here is a local HTTP server.
 */

const DIP = 'api::dip-document.dip-document';
let strapi: Core.Strapi;
let h: ReturnType<typeof dipHarness>;
let cdn: http.Server;
const received: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
let failNext = 0;

const DELAY_MS = 150;
const settle = () => new Promise((r) => setTimeout(r, DELAY_MS * 4));

beforeAll(async () => {
  cdn = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.statusCode = failNext > 0 ? (failNext--, 503) : 200;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', () => r()));
  const port = (cdn.address() as AddressInfo).port;
  strapi = await setupStrapi({
    ...TOKENS_WITHOUT_MFA,
    PPID_CDN_PURGE_URL: `http://127.0.0.1:${port}/zones/uji/purge_cache`,
    PPID_CDN_PURGE_HEADERS: JSON.stringify({ Authorization: 'Bearer token-cdn-uji' }),
    PPID_CDN_PURGE_DELAY_MS: String(DELAY_MS),
  });
  h = dipHarness(strapi);
  await h.signInAll();
  await settle(); // what start-up and signing in wrote (a unit for the entries) is purged before the tests
});

afterAll(async () => {
  await teardownStrapi();
  await new Promise((r) => cdn.close(r));
});

beforeEach(() => {
  received.length = 0;
});

test('saving, submitting and approving drafts purge nothing; publishing purges once per publish, with the configured request', async () => {
  const documentId = await h.create('operator', 'CDN/001');
  const en = await h.update('operator', documentId, 'en', { ...validEntry('CDN/001'), judul: 'Title CDN/001', ringkasan: 'Summary CDN/001.' });
  expect(en.status).toBe(200);
  for (const locale of ['id', 'en']) await h.approve(documentId, locale);
  await settle();
  expect(received).toHaveLength(0);

  // One publish: a transaction of several writes (the published row replaced), one purge.
  expect((await h.publish('operator', documentId, 'id')).status).toBe(200);
  await settle();
  expect(received).toHaveLength(1);
  expect(received[0]).toMatchObject({
    method: 'POST',
    url: '/zones/uji/purge_cache',
    body: '{"purge_everything":true}',
  });
  expect(received[0].headers.authorization).toBe('Bearer token-cdn-uji');
  expect(received[0].headers['content-type']).toBe('application/json');

  expect((await h.publish('operator', documentId, 'en')).status).toBe(200);
  await settle();
  expect(received).toHaveLength(2);
});

test('unpublishing purges again', async () => {
  const documentId = await h.publishedEntry('CDN/002');
  await settle();
  received.length = 0;
  await runAsSystem('uji', () => (strapi.documents(DIP as any) as any).unpublish({ documentId, locale: 'id' }));
  await settle();
  expect(received).toHaveLength(1);
});

test('a rolled-back write purges nothing, and neither does content the public API does not serve', async () => {
  await expect(
    strapi.db.transaction(async () => {
      await strapi.db.query('api::bidang.bidang').create({ data: { nama: 'Bidang Batal', kode: 'bidang-batal' } });
      throw new Error('batal');
    }),
  ).rejects.toThrow('batal');
  const minutes = await strapi.db.query('api::notulen.notulen').create({ data: { judul: 'Rapat pengembangan website' } });
  expect(minutes.id).toBeDefined();
  await settle();
  expect(received).toHaveLength(0);
  expect(await strapi.db.query('api::bidang.bidang').count({ where: { kode: 'bidang-batal' } })).toBe(0);
});

test('a CDN answering 503 is tried again until it accepts', async () => {
  failNext = 1;
  await strapi.db.query('api::bidang.bidang').create({ data: { nama: 'Bidang Baru', kode: 'bidang-baru-cdn' } });
  await settle();
  expect(received.map((r) => r.method)).toEqual(['POST']);
  // The retry waits 1 s (backoff).
  await new Promise((r) => setTimeout(r, 1500));
  expect(received).toHaveLength(2);
  expect(failNext).toBe(0);
});
