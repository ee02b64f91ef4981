import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { WEBHOOK_NAME } from '../../src/site-build';

/** The CMS side of rebuild-on-publish: the webhook to the rebuild service and its status report. */
let strapi: Core.Strapi;
let receiver: http.Server;
const received: { headers: http.IncomingHttpHeaders; body: any }[] = [];
const TOKEN = 'uji-token-pembangun-situs-0123456789';

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(202).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as AddressInfo;
  strapi = await setupStrapi({ PPID_SITE_REBUILD_URL: `http://127.0.0.1:${port}/hooks/strapi`, PPID_SITE_REBUILD_TOKEN: TOKEN });
});
afterAll(async () => {
  await teardownStrapi();
  delete process.env.PPID_SITE_REBUILD_URL;
  delete process.env.PPID_SITE_REBUILD_TOKEN;
  await new Promise((resolve) => receiver.close(resolve));
});

const api = () => request(strapi.server.httpServer);

test('a webhook to the rebuild service exists, carries the token, and fires on content changes', async () => {
  const hooks = await (strapi.get('webhookStore') as any).findWebhooks();
  const hook = hooks.find((h: any) => h.name === WEBHOOK_NAME);
  expect(hook).toMatchObject({ isEnabled: true, headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(hook.events).toEqual(expect.arrayContaining(['entry.publish', 'entry.unpublish', 'entry.update']));

  await strapi.documents('api::bidang.bidang' as any).create({ data: { nama: 'Bidang Uji Webhook', kode: 'bidang-uji-webhook' } } as any);
  const deadline = Date.now() + 10000;
  while (!received.some((r) => r.body.uid === 'api::bidang.bidang') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const call = received.find((r) => r.body.uid === 'api::bidang.bidang');
  expect(call?.body.event).toBe('entry.create');
  expect(call?.headers.authorization).toBe(`Bearer ${TOKEN}`);
});

test('a restart keeps one webhook', async () => {
  const { ensureSiteWebhook } = await import('../../src/site-build');
  await ensureSiteWebhook(strapi);
  await ensureSiteWebhook(strapi);
  const hooks = await (strapi.get('webhookStore') as any).findWebhooks();
  expect(hooks.filter((h: any) => h.name === WEBHOOK_NAME)).toHaveLength(1);
});

test('the status endpoint needs the token and stores the report for the admin panel', async () => {
  const report = { status: 'gagal', pesan: 'astro build: exit 1', pemicu: 'entry.publish api::dip-document.dip-document', mulai: '2026-11-29T10:00:00Z', selesai: '2026-11-29T10:00:20Z', durasiDetik: 20 };
  expect((await api().post('/ppid/situs/status').send(report)).status).toBe(401);
  expect((await api().post('/ppid/situs/status').set('Authorization', 'Bearer salah').send(report)).status).toBe(401);
  expect((await api().post('/ppid/situs/status').set('Authorization', `Bearer ${TOKEN}`).send({ status: 'rusak' })).status).toBe(400);

  const ok = await api().post('/ppid/situs/status').set('Authorization', `Bearer ${TOKEN}`).send({ ...report, status: 'berhasil', terakhirBerhasil: '2026-11-29T09:00:00Z' });
  expect(ok.status).toBe(204);
  const failed = await api().post('/ppid/situs/status').set('Authorization', `Bearer ${TOKEN}`).send(report);
  expect(failed.status).toBe(204);
  const stored = await (strapi.documents('api::status-situs.status-situs' as any) as any).findFirst({});
  expect(stored).toMatchObject({ hasil: 'gagal', pesan: 'astro build: exit 1', jumlahHalaman: null });
  // The last good build is remembered through a failure.
  expect(new Date(stored.terakhirBerhasil).toISOString()).toBe('2026-11-29T09:00:00.000Z');
  // Not on the content API.
  expect([403, 404]).toContain((await api().get('/api/status-situs')).status);
});
