import type { Core } from '@strapi/strapi';
import { redisClient, redisReady } from '../redis/client';
import { createMemoryStore, createRedisStore, type ResponseStore } from './response-store';
import { CACHE_SOURCE_UIDS, type HttpCacheSettings } from './rules';

export interface HttpCache {
  settings: HttpCacheSettings;
  /** null when the response cache is off (store `none`): headers and ETags only. */
  store: ResponseStore | null;
  invalidate(): Promise<void>;
  /** Waits (bounded) for the Redis connection, when there is one. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const caches = new WeakMap<object, HttpCache>();

export function httpCacheSettings(strapi: Core.Strapi): HttpCacheSettings {
  const { problems, ...settings } = strapi.config.get('http-cache') as HttpCacheSettings & { problems: string[] };
  if (problems?.length) throw new Error(`HTTP cache configuration is invalid:\n - ${problems.join('\n - ')}`);
  return settings;
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
  caches.set(strapi, {
    settings,
    store,
    invalidate,
    async ready() {
      if (!redis) return;
      if (!(await redisReady(redis, 5_000))) {
        strapi.log.warn(`[ppid] HTTP cache: Redis at REDIS_URL not reachable yet (status ${redis.status}); answering without the cache until it is`);
      }
    },
    async close() {
      await store?.close();
    },
  });
  if (!store) return;

  const onWrite = async () => {
    await invalidate();
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void invalidate()));
  };
  strapi.db.lifecycles.subscribe({
    models: CACHE_SOURCE_UIDS,
    ...Object.fromEntries(WRITE_EVENTS.map((name) => [name, onWrite])),
  } as any);
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
