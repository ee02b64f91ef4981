import {
  PUBLIC_CACHEABLE_PATHS,
  asksForDrafts,
  cacheKey,
  classifyRequest,
  decodeEntry,
  encodeEntry,
  etagOf,
  ifNoneMatchMatches,
  publicCacheControl,
  readHttpCacheSettings,
} from '../../src/cache/rules';
import { createMemoryStore } from '../../src/cache/response-store';

const facts = (path: string, querystring = '', extra: Partial<{ method: string; hasAuthorization: boolean }> = {}) => ({
  method: 'GET',
  path,
  querystring,
  hasAuthorization: false,
  ...extra,
});

test('only anonymous reads of the public read routes are public; the same routes authenticated or asking for drafts are private', () => {
  const p = PUBLIC_CACHEABLE_PATHS;
  expect(classifyRequest(facts('/api/dip-documents', 'locale=en'), p)).toBe('public');
  expect(classifyRequest(facts('/api/dip-documents/abc123'), p)).toBe('public');
  expect(classifyRequest(facts('/api/bidangs'), p)).toBe('public');
  expect(classifyRequest(facts('/api/profil-ppid'), p)).toBe('public');
  expect(classifyRequest(facts('/api/dip-documents', '', { method: 'HEAD' }), p)).toBe('public');
  expect(classifyRequest(facts('/api/dip-documents', 'status=published'), p)).toBe('public');

  expect(classifyRequest(facts('/api/dip-documents', '', { hasAuthorization: true }), p)).toBe('private');
  expect(classifyRequest(facts('/api/dip-documents', 'status=draft'), p)).toBe('private');
  expect(classifyRequest(facts('/api/dip-documents', 'locale=id&status=published&status=draft'), p)).toBe('private');

  // Personal data and everything else is never touched.
  expect(classifyRequest(facts('/api/permohonan-informasi/status', 'nomor=1&kode=x'), p)).toBe('other');
  expect(classifyRequest(facts('/api/statistik-permohonan'), p)).toBe('other');
  expect(classifyRequest(facts('/api/dip-documents-extra'), p)).toBe('other');
  expect(classifyRequest(facts('/api/dip-documents/a/b'), p)).toBe('other');
  expect(classifyRequest(facts('/admin/content-manager'), p)).toBe('other');
  expect(classifyRequest(facts('/api/dip-documents', '', { method: 'POST' }), p)).toBe('other');
});

test('drafts are recognised in the query string however it is spelled', () => {
  expect(asksForDrafts('')).toBe(false);
  expect(asksForDrafts('locale=id&filters[status][$eq]=x')).toBe(false);
  expect(asksForDrafts('status=draft')).toBe(true);
  expect(asksForDrafts('st%61tus=draft')).toBe(false); // not a `status` parameter to Strapi either
  expect(asksForDrafts('status=DRAFT')).toBe(true);
});

test('the key keeps the query (locale, filters, paging, populate) apart', () => {
  expect(cacheKey('/api/dip-documents', 'locale=id')).not.toBe(cacheKey('/api/dip-documents', 'locale=en'));
  expect(cacheKey('/api/bidangs', '')).toBe('/api/bidangs');
});

test('Cache-Control suits a CDN', () => {
  expect(publicCacheControl({ maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 300 })).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=300');
});

test('ETags change with the bytes, and If-None-Match compares weakly, with lists and *', () => {
  const a = etagOf('{"data":[]}');
  expect(a).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  expect(etagOf('{"data":[1]}')).not.toBe(a);
  expect(ifNoneMatchMatches(a, a)).toBe(true);
  expect(ifNoneMatchMatches(`W/${a}`, a)).toBe(true);
  expect(ifNoneMatchMatches(`"x", ${a}`, a)).toBe(true);
  expect(ifNoneMatchMatches('*', a)).toBe(true);
  expect(ifNoneMatchMatches('"x"', a)).toBe(false);
  expect(ifNoneMatchMatches(undefined, a)).toBe(false);
});

test('entries survive encoding, JSON with newlines included', () => {
  const entry = { etag: '"abc"', body: '{"a":"x\\ny"}\n' };
  expect(decodeEntry(encodeEntry(entry))).toEqual(entry);
  expect(decodeEntry(null)).toBeNull();
  expect(decodeEntry('garbage')).toBeNull();
});

test('the memory store: an answer read before an invalidation is never kept after it; least recently used goes first; entries expire', () => {
  let now = 1000;
  const store = createMemoryStore({ maxEntries: 2, ttlSeconds: 10, now: () => now });
  const entry = (body: string) => ({ etag: etagOf(body), body });

  const before = store.lookup('/a') as { generation: string; entry: null };
  store.invalidate(); // a publish while /a was being read from the database
  store.store('/a', before.generation, entry('old'));
  expect((store.lookup('/a') as any).entry).toBeNull();

  const g = (store.lookup('/a') as any).generation;
  store.store('/a', g, entry('a'));
  store.store('/b', g, entry('b'));
  expect((store.lookup('/a') as any).entry.body).toBe('a'); // /a used: /b is now the oldest
  store.store('/c', g, entry('c'));
  expect((store.lookup('/b') as any).entry).toBeNull();
  expect((store.lookup('/a') as any).entry.body).toBe('a');

  now += 10_001;
  expect((store.lookup('/a') as any).entry).toBeNull();
});

test('the memory store stays within its memory bound: many distinct query strings push the oldest out, an oversized answer is not kept', () => {
  const store = createMemoryStore({ maxEntries: 1000, ttlSeconds: 60, maxBytes: 10_000 });
  const g = (store.lookup('/x') as any).generation;
  const body = 'x'.repeat(1000); // about 2 kB each
  for (let i = 0; i < 50; i++) store.store(`/api/dip-documents?bust=${i}`, g, { etag: '"e"', body });
  const kept = Array.from({ length: 50 }, (_, i) => (store.lookup(`/api/dip-documents?bust=${i}`) as any).entry !== null);
  expect(kept.filter(Boolean).length).toBeLessThanOrEqual(5);
  expect(kept.slice(-4).every(Boolean)).toBe(true);
  expect(kept[0]).toBe(false);
  store.store('/big', g, { etag: '"e"', body: 'y'.repeat(6000) });
  expect((store.lookup('/big') as any).entry).toBeNull();
  expect((store.lookup('/api/dip-documents?bust=49') as any).entry).not.toBeNull();
});

test('settings: defaults, Redis chosen by REDIS_URL, and clear refusals', () => {
  const envOf = (vars: Record<string, string>) => {
    const env: any = (name: string, fallback?: string) => vars[name] ?? fallback;
    env.bool = (name: string, fallback?: boolean) => (name in vars ? vars[name] === 'true' : fallback);
    env.int = (name: string, fallback?: number) => (name in vars ? Number(vars[name]) : fallback);
    return env;
  };
  const plain = readHttpCacheSettings(envOf({}));
  expect(plain.problems).toEqual([]);
  expect(plain.settings).toMatchObject({ enabled: true, store: 'memory', maxAge: 0, sMaxAge: 60, staleWhileRevalidate: 300 });
  expect(readHttpCacheSettings(envOf({ REDIS_URL: 'redis://127.0.0.1:6379/1' })).settings.store).toBe('redis');
  expect(readHttpCacheSettings(envOf({ PPID_HTTP_CACHE_STORE: 'disk' })).problems.join()).toMatch(/memory, redis or none/);
  expect(readHttpCacheSettings(envOf({ PPID_HTTP_CACHE_STORE: 'redis' })).problems.join()).toMatch(/REDIS_URL/);
  expect(readHttpCacheSettings(envOf({ PPID_HTTP_CACHE_S_MAXAGE: '-1' })).problems.join()).toMatch(/S_MAXAGE/);
  expect(readHttpCacheSettings(envOf({ PPID_HTTP_CACHE_MAX_MB: '0' })).problems.join()).toMatch(/MAX_MB/);
});
