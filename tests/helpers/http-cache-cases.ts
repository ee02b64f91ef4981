import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from './strapi';
import { CM, DIP, dipHarness, validEntry } from './dip';
import { TOKENS_WITHOUT_MFA } from './admin';

/**
 * The HTTP caching cases (README "Performance and HTTP caching"), run against the in-memory store
 * (http-cache.test.ts) and the Redis store (http-cache-redis.test.ts). Everything goes through
 * the routes people use: editors' Content Manager and workflow API, visitors' public API.
 */
export function httpCacheCases(env: Record<string, string>, extra?: (get: () => { strapi: Core.Strapi; documentId: string }) => void) {
  let strapi: Core.Strapi;
  let h: ReturnType<typeof dipHarness>;
  let documentId: string;

  beforeAll(async () => {
    strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, ...env });
    h = dipHarness(strapi);
    await h.signInAll();
    documentId = await h.publishedEntry('HC/001');
  });
  afterAll(teardownStrapi);

  const LIST = (locale: string) => `/api/dip-documents?locale=${locale}&pagination[pageSize]=100`;
  const DETAIL = (id: string, locale: string) => `/api/dip-documents/${id}?locale=${locale}&populate=berkas`;
  const nomors = (res: any) => res.body.data.map((d: any) => d.nomor).sort();

  test('a public list or entry carries an ETag, a CDN Cache-Control and Vary; a repeat is served from the cache; a matching If-None-Match gets 304 without a body', async () => {
    for (const url of [LIST('id'), DETAIL(documentId, 'en')]) {
      const first = await h.http().get(url);
      expect(first.status).toBe(200);
      expect(first.headers['cache-control']).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
      expect(first.headers.vary).toMatch(/Accept-Encoding/i);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(first.headers['x-cache']).toBe('MISS');

      const second = await h.http().get(url);
      expect(second.headers['x-cache']).toBe('HIT');
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(second.text).toBe(first.text);
      expect(second.headers['content-type']).toMatch(/^application\/json/);

      const conditional = await h.http().get(url).set('If-None-Match', first.headers.etag);
      expect(conditional.status).toBe(304);
      expect(conditional.text ?? '').toBe('');
      expect(conditional.headers.etag).toBe(first.headers.etag);

      const otherTag = await h.http().get(url).set('If-None-Match', '"something-else"');
      expect(otherTag.status).toBe(200);
      expect(otherTag.text).toBe(first.text);
    }
  });

  test('each locale has its own answer and validator', async () => {
    const id = await h.http().get(DETAIL(documentId, 'id'));
    const en = await h.http().get(DETAIL(documentId, 'en'));
    expect(id.body.data.locale).toBe('id');
    expect(en.body.data.locale).toBe('en');
    expect(en.body.data.judul).toBe('Title HC/001');
    expect(id.headers.etag).not.toBe(en.headers.etag);
    expect((await h.http().get(DETAIL(documentId, 'en')).set('If-None-Match', id.headers.etag)).status).toBe(200);
  });

  test('publishing a new entry empties the cache: the next list has it', async () => {
    await h.http().get(LIST('en'));
    expect((await h.http().get(LIST('en'))).headers['x-cache']).toBe('HIT');
    const before = await h.http().get(LIST('en'));
    const created = await h.publishedEntry('HC/002', { file: false });
    const after = await h.http().get(LIST('en'));
    expect(after.headers['x-cache']).toBe('MISS');
    expect(nomors(after)).toEqual([...nomors(before), 'HC/002'].sort());
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // The old validator no longer answers 304.
    expect((await h.http().get(LIST('en')).set('If-None-Match', before.headers.etag)).status).toBe(200);
    expect((await h.http().get(DETAIL(created, 'en'))).status).toBe(200);
  });

  test('unpublishing empties the cache: the entry is gone from the list and its page', async () => {
    const id = await h.publishedEntry('HC/003', { file: false });
    expect((await h.http().get(DETAIL(id, 'id'))).status).toBe(200);
    expect((await h.http().get(DETAIL(id, 'id'))).headers['x-cache']).toBe('HIT');
    await h.http().get(LIST('id'));
    expect(nomors(await h.http().get(LIST('id')))).toContain('HC/003');

    const res = await h.http().post(`${CM}/${id}/actions/unpublish?locale=id`).set(h.as('operator')).send({});
    expect(res.status).toBe(200);
    expect((await h.http().get(DETAIL(id, 'id'))).status).toBe(404);
    expect(nomors(await h.http().get(LIST('id')))).not.toContain('HC/003');
    // The other locale stays published and served.
    expect((await h.http().get(DETAIL(id, 'en'))).status).toBe(200);
  });

  test('a cached English answer does not survive an Indonesian publish that changes shared fields', async () => {
    const id = await h.publishedEntry('HC/004', { file: false });
    const cached = await h.http().get(DETAIL(id, 'en'));
    expect((await h.http().get(DETAIL(id, 'en'))).headers['x-cache']).toBe('HIT');
    expect(cached.body.data.pejabatPenguasa).toBe('Kepala Dinas');

    // pejabatPenguasa is not localized: an edit in `id` is an edit of every locale.
    const edit = await h.update('operator', id, 'id', { ...validEntry('HC/004'), pejabatPenguasa: 'Sekretaris Dinas' });
    expect(edit.status).toBe(200);
    // Both locales must be approved with the new value (README "Approved means approved"); only `id` is published.
    await h.approve(id, 'id');
    await h.approve(id, 'en');
    expect((await h.http().get(DETAIL(id, 'en'))).body.data.pejabatPenguasa).toBe('Kepala Dinas');
    expect((await h.publish('operator', id, 'id')).status).toBe(200);

    const stored = await (strapi.documents(DIP as any) as any).findOne({ documentId: id, locale: 'en', status: 'published' });
    const served = await h.http().get(DETAIL(id, 'en'));
    expect(served.status).toBe(200);
    expect(served.headers['x-cache']).toBe('MISS');
    expect(served.body.data.pejabatPenguasa).toBe(stored.pejabatPenguasa);
    expect(served.body.data.pejabatPenguasa).toBe('Sekretaris Dinas');
  });

  test('a draft is never shared: its edits stay out of public answers, and asking for drafts gets private, no-store', async () => {
    const before = await h.http().get(DETAIL(documentId, 'id'));
    const edit = await h.update('operator', documentId, 'id', { ...validEntry('HC/001'), judul: 'Judul draf rahasia HC/001' });
    expect(edit.status).toBe(200);

    for (const url of [DETAIL(documentId, 'id'), LIST('id')]) {
      const res = await h.http().get(url);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain('Judul draf rahasia');
    }
    expect((await h.http().get(DETAIL(documentId, 'id'))).body.data.judul).toBe(before.body.data.judul);

    for (const url of [`${DETAIL(documentId, 'id')}&status=draft`, `${LIST('id')}&status=draft`]) {
      const res = await h.http().get(url);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers.etag).toBeUndefined();
      expect(res.headers['x-cache']).toBeUndefined();
      expect(res.text).not.toContain('Judul draf rahasia');
    }
  });

  test('authenticated reads are never shared, and personal data (request tracking) gets no public caching', async () => {
    const token = await strapi.service('admin::api-token').create({ name: `uji-${crypto.randomUUID()}`, description: '', type: 'read-only', kind: 'content-api', lifespan: null });
    const res = await h.http().get(LIST('id')).set('Authorization', `Bearer ${token.accessKey}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers['x-cache']).toBeUndefined();

    const tracking = await h.http().get('/api/permohonan-informasi/status?nomor=X&kode=Y');
    expect(tracking.headers['cache-control'] ?? '').not.toMatch(/public|s-maxage/);
    expect(tracking.headers['x-cache']).toBeUndefined();
    const admin = await h.http().get(`${CM}?locale=id`).set(h.as('operator'));
    expect(admin.status).toBe(200);
    expect(admin.headers['cache-control'] ?? '').not.toMatch(/public|s-maxage/);
    expect(admin.headers['x-cache']).toBeUndefined();
  });

  test('a renamed unit is served at once (units are cached too, and entries embed them)', async () => {
    const unit = await (strapi.documents('api::bidang.bidang' as any) as any).create({ data: { nama: 'Bidang Uji Cache', kode: 'bidang-uji-cache' } });
    await h.http().get('/api/bidangs');
    expect((await h.http().get('/api/bidangs')).headers['x-cache']).toBe('HIT');
    await (strapi.documents('api::bidang.bidang' as any) as any).update({ documentId: unit.documentId, data: { nama: 'Bidang Uji Cache Baru' } });
    const after = await h.http().get('/api/bidangs');
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.map((u: any) => u.nama)).toContain('Bidang Uji Cache Baru');
  });

  extra?.(() => ({ strapi, documentId }));
}
