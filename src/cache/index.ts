import type { Core } from '@strapi/strapi';
import { redisClient, redisReady } from '../redis/client';
import { createMemoryStore, createRedisStore, type ResponseStore } from './response-store';
import { CACHE_SOURCE_UIDS, type HttpCacheSettings } from './rules';
import { createCdnPurger, sendPurge, type CdnPurgeSettings, type CdnPurger } from './cdn-purge';

export interface HttpCache {
  settings: HttpCacheSettings;
  /** Purges the CDN after committed writes (PPID_CDN_PURGE_URL), or null. */
  cdn: CdnPurger | null;
  /** null when the response cache is off (store `none`): headers and ETags only. */
  store: ResponseStore | null;
  invalidate(): Promise<void>;
  /** Waits (bounded) for the Redis connection, when there is one. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const caches = new WeakMap<object, HttpCache>();

export function httpCacheSettings(strapi: Core.Strapi): HttpCacheSettings & { cdnPurge: CdnPurgeSettings | null } {
  const { problems, ...settings } = strapi.config.get('http-cache') as HttpCacheSettings & { cdnPurge?: CdnPurgeSettings | null; problems: string[] };
  if (problems?.length) throw new Error(`HTTP cache configuration is invalid:\n - ${problems.join('\n - ')}`);
  return { ...settings, cdnPurge: settings.cdnPurge ?? null };
}

export function getHttpCache(strapi: Core.Strapi): HttpCache | undefined {
  return caches.get(strapi);
}

const WRITE_EVENTS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'];

/**
 * Creates the response cache and empties it on every database write to the content it covers
 * (create, update, delete, and so publish, unpublish, discard, shared fields synced into the
 * other locale, whatever the path: Content Manager, workflow engine, scheduler, scripts). Uses the
 * query engine's public lifecycles, which every Document Service write goes through. Inside a
 * transaction it empties again when the transaction commits, so an answer read between the write
 * and the commit cannot survive it.
 */
export function registerHttpCache(strapi: Core.Strapi): void {
  const settings = httpCacheSettings(strapi);
  let redis: ReturnType<typeof redisClient> = null;
  let store: ResponseStore | null = null;
  if (settings.enabled && settings.store === 'memory') {
    store = createMemoryStore({ maxEntries: settings.maxEntries, ttlSeconds: settings.ttlSeconds, maxBytes: settings.maxMegabytes * 1024 * 1024 });
  } else if (settings.enabled && settings.store === 'redis') {
    // The process's one Redis connection (src/redis/client.ts), shared with the rate limits;
    // closed by the operations module at shutdown (destroyOps).
    redis = redisClient();
    if (!redis) throw new Error('PPID_HTTP_CACHE_STORE=redis needs REDIS_URL');
    let lastReport = 0;
    store = createRedisStore(redis, {
      prefix: settings.redisPrefix,
      ttlSeconds: settings.ttlSeconds,
      onError: (error) => {
        if (Date.now() - lastReport < 60_000) return;
        lastReport = Date.now();
        strapi.log.warn(`[ppid] HTTP cache: Redis unavailable, answering without the cache (${error.message})`);
      },
    });
  }
  const invalidate = async () => {
    if (store) await store.invalidate();
  };
  const cdn = settings.cdnPurge
    ? createCdnPurger(settings.cdnPurge, {
        send: sendPurge,
        onFailure: (attempt, willRetry) =>
          strapi.log.warn(`[ppid] CDN purge: ${settings.cdnPurge!.method} ${new URL(settings.cdnPurge!.url).origin} answered ${attempt.outcome}${willRetry ? '; trying again' : '; giving up (the CDN keeps its copies until s-maxage)'}`),
      })
    : null;
  caches.set(strapi, {
    settings,
    cdn,
    store,
    invalidate,
    async ready() {
      if (!redis) return;
      if (!(await redisReady(redis, 5_000))) {
        strapi.log.warn(`[ppid] HTTP cache: Redis at REDIS_URL not reachable yet (status ${redis.status}); answering without the cache until it is`);
      }
    },
    async close() {
      await cdn?.close();
      await store?.close();
    },
  });
  if (!store && !cdn) return;

  // The CDN is purged once the write is committed (a rolled-back write changed nothing public),
  // and only for writes a CDN could hold: an editor saving a draft row does not empty it.
  const onWrite = async (event: WriteEvent) => {
    await invalidate();
    const purge = cdn !== null && mayChangePublicAnswers(strapi, event);
    if (strapi.db.inTransaction()) {
      await strapi.db.transaction(async ({ onCommit }) =>
        onCommit(() => {
          void invalidate();
          if (purge) cdn!.request();
        }),
      );
    } else if (purge) cdn!.request();
  };
  strapi.db.lifecycles.subscribe({
    models: CACHE_SOURCE_UIDS,
    ...Object.fromEntries(WRITE_EVENTS.map((name) => [name, onWrite])),
  } as any);
}

interface WriteEvent {
  action?: string;
  model?: { uid?: string };
  params?: { where?: Record<string, unknown> };
  result?: unknown;
}

/**
 * False for a write known to reach no public answer: a draft row of a draft & publish type (by
 * its result, or for bulk writes by `publishedAt: null` in their condition, as the workflow engine
 * and the Document Service write drafts), or a new file (attached to nothing yet; the entry that
 * publishes it purges). Anything it cannot tell counts as public.
 */
export function mayChangePublicAnswers(strapi: Core.Strapi, event: WriteEvent): boolean {
  const uid = event.model?.uid;
  if (!uid) return true;
  if (uid === 'plugin::upload.file' && (event.action === 'afterCreate' || event.action === 'afterCreateMany')) return false;
  if ((strapi.getModel(uid as any) as any)?.options?.draftAndPublish !== true) return true;
  const result = event.result as { publishedAt?: unknown } | null | undefined;
  if (result && typeof result === 'object' && !Array.isArray(result) && 'publishedAt' in result) return result.publishedAt !== null;
  const where = event.params?.where;
  return !(where && typeof where === 'object' && 'publishedAt' in where && where.publishedAt === null);
}

/** Entries stored by an earlier run (another version of the code or schema) are not served. */
export async function bootstrapHttpCache(strapi: Core.Strapi): Promise<void> {
  const cache = getHttpCache(strapi);
  if (!cache) return;
  await cache.ready();
  await cache.invalidate();
}

export async function closeHttpCache(strapi: Core.Strapi): Promise<void> {
  await getHttpCache(strapi)?.close();
  caches.delete(strapi);
}
