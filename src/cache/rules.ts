import crypto from 'node:crypto';

/**
 * HTTP caching rules of the public content API, as plain functions (no Strapi): which requests a
 * shared cache (CDN, this server's response cache) may answer, the headers it sends, ETags and
 * conditional requests.
 */
export interface HttpCacheSettings {
  enabled: boolean;
  /** 'memory' (default), 'redis' (default when REDIS_URL is set) or 'none' (headers and ETag only). */
  store: 'memory' | 'redis' | 'none';
  /** Browser freshness, seconds (0: browsers revalidate every time with If-None-Match). */
  maxAge: number;
  /** CDN freshness, seconds. */
  sMaxAge: number;
  /** How long a CDN may serve a stale copy while it revalidates, seconds. */
  staleWhileRevalidate: number;
  /** Lifetime of an entry in this server's response cache, seconds (a safety net; writes invalidate at once). */
  ttlSeconds: number;
  /** Most entries kept by the in-memory store. */
  maxEntries: number;
  /** Most memory (MiB, approximately) the in-memory store's answers take. */
  maxMegabytes: number;
  redisUrl: string;
  /** Key prefix of the response cache's keys in Redis, under REDIS_PREFIX. */
  redisPrefix: string;
  /** Paths of the public, cacheable read routes: the collection or single type path itself, or one id below it. */
  paths: string[];
}

/**
 * The public read routes (src/bootstrap/public-permissions.ts) whose answers are the same for
 * every anonymous reader. Not the request tracking (`/api/permohonan-informasi/status`, personal
 * data) nor the statistics (they change with every request submitted).
 */
export const PUBLIC_CACHEABLE_PATHS = ['/api/dip-documents', '/api/bidangs', '/api/profil-ppid', '/api/maklumat-pelayanan'];

/** The content types behind those routes, plus what their answers embed (files) and the public role's permissions. */
export const CACHE_SOURCE_UIDS = [
  'api::dip-document.dip-document',
  'api::bidang.bidang',
  'api::profil-ppid.profil-ppid',
  'api::maklumat-pelayanan.maklumat-pelayanan',
  'plugin::upload.file',
  'plugin::users-permissions.permission',
  'plugin::i18n.locale',
];

export type RequestClass =
  /** Anonymous read of a public route: cacheable by a CDN and by this server. */
  | 'public'
  /** Same route, but authenticated or asking for drafts: never stored by a shared cache. */
  | 'private'
  /** Anything else: not touched. */
  | 'other';

export interface RequestFacts {
  method: string;
  path: string;
  /** The raw query string (without "?"). */
  querystring: string;
  hasAuthorization: boolean;
}

function onCacheablePath(path: string, paths: string[]): boolean {
  for (const base of paths) {
    if (path === base) return true;
    if (path.startsWith(base + '/')) {
      const rest = path.slice(base.length + 1);
      if (rest.length > 0 && !rest.includes('/')) return true;
    }
  }
  return false;
}

/** `status=` other than `published` asks for drafts: such an answer is never shared, whatever the route makes of it. */
export function asksForDrafts(querystring: string): boolean {
  if (!querystring.includes('status')) return false;
  const params = new URLSearchParams(querystring);
  return params.getAll('status').some((s) => s !== 'published');
}

export function classifyRequest(facts: RequestFacts, paths: string[]): RequestClass {
  if (facts.method !== 'GET' && facts.method !== 'HEAD') return 'other';
  if (!onCacheablePath(facts.path, paths)) return 'other';
  if (facts.hasAuthorization || asksForDrafts(facts.querystring)) return 'private';
  return 'public';
}

/** The response cache's key: the path and the query string as sent (locale, filters, paging, populate are all in it). */
export function cacheKey(path: string, querystring: string): string {
  return querystring ? `${path}?${querystring}` : path;
}

export function publicCacheControl(s: Pick<HttpCacheSettings, 'maxAge' | 'sMaxAge' | 'staleWhileRevalidate'>): string {
  return `public, max-age=${s.maxAge}, s-maxage=${s.sMaxAge}, stale-while-revalidate=${s.staleWhileRevalidate}`;
}

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** A strong validator of the exact bytes sent. */
export function etagOf(body: string): string {
  return `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
}

/** RFC 9110 §13.1.2: weak comparison; `*` matches any current representation. */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.startsWith('W/') ? etag.slice(2) : etag;
  for (const raw of header.split(',')) {
    const tag = raw.trim();
    if (tag === '*') return true;
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === bare) return true;
  }
  return false;
}

const ENTRY_SEPARATOR = '\n';

export interface CachedResponse {
  etag: string;
  body: string;
}

export function encodeEntry(entry: CachedResponse): string {
  return entry.etag + ENTRY_SEPARATOR + entry.body;
}

export function decodeEntry(raw: string | null | undefined): CachedResponse | null {
  if (!raw) return null;
  const at = raw.indexOf(ENTRY_SEPARATOR);
  if (at <= 0) return null;
  return { etag: raw.slice(0, at), body: raw.slice(at + 1) };
}

type Env = {
  (name: string, fallback?: string): string;
  bool(name: string, fallback?: boolean): boolean;
  int(name: string, fallback?: number): number;
};

export function readHttpCacheSettings(env: Env): { settings: HttpCacheSettings; problems: string[] } {
  const redisUrl = env('REDIS_URL', '');
  const store = env('PPID_HTTP_CACHE_STORE', redisUrl ? 'redis' : 'memory');
  const settings: HttpCacheSettings = {
    enabled: env.bool('PPID_HTTP_CACHE', true),
    store: store as HttpCacheSettings['store'],
    maxAge: env.int('PPID_HTTP_CACHE_MAX_AGE', 0),
    sMaxAge: env.int('PPID_HTTP_CACHE_S_MAXAGE', 60),
    staleWhileRevalidate: env.int('PPID_HTTP_CACHE_SWR', 300),
    ttlSeconds: env.int('PPID_HTTP_CACHE_TTL', 600),
    maxEntries: env.int('PPID_HTTP_CACHE_MAX_ENTRIES', 5000),
    maxMegabytes: env.int('PPID_HTTP_CACHE_MAX_MB', 64),
    redisUrl,
    redisPrefix: env('PPID_HTTP_CACHE_PREFIX', 'http-cache:'),
    paths: PUBLIC_CACHEABLE_PATHS,
  };
  const problems: string[] = [];
  if (!['memory', 'redis', 'none'].includes(store)) problems.push(`PPID_HTTP_CACHE_STORE must be memory, redis or none, got "${store}"`);
  if (settings.store === 'redis' && !redisUrl) problems.push('PPID_HTTP_CACHE_STORE=redis needs REDIS_URL');
  for (const [name, value] of [
    ['PPID_HTTP_CACHE_MAX_AGE', settings.maxAge],
    ['PPID_HTTP_CACHE_S_MAXAGE', settings.sMaxAge],
    ['PPID_HTTP_CACHE_SWR', settings.staleWhileRevalidate],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) problems.push(`${name} must be a whole number of seconds ≥ 0`);
  }
  if (!Number.isInteger(settings.ttlSeconds) || settings.ttlSeconds < 1) problems.push('PPID_HTTP_CACHE_TTL must be a whole number of seconds ≥ 1');
  if (!Number.isInteger(settings.maxEntries) || settings.maxEntries < 1) problems.push('PPID_HTTP_CACHE_MAX_ENTRIES must be ≥ 1');
  if (!Number.isInteger(settings.maxMegabytes) || settings.maxMegabytes < 1) problems.push('PPID_HTTP_CACHE_MAX_MB must be ≥ 1');
  return { settings, problems };
}
