import type Redis from 'ioredis';
import { keyPrefixOf } from '../redis/client';
import { decodeEntry, encodeEntry, type CachedResponse } from './rules';

/**
 * Where cached public responses live. Every lookup returns the store's current generation with
 * the entry; a write is kept only if the generation has not moved since its lookup, so an answer
 * computed from data read before an invalidation can never be stored after it.
 */
export interface ResponseStore {
  readonly kind: 'memory' | 'redis';
  lookup(key: string): Promise<{ generation: string; entry: CachedResponse | null }> | { generation: string; entry: CachedResponse | null };
  store(key: string, generation: string, entry: CachedResponse): Promise<void> | void;
  invalidate(): Promise<void> | void;
  close(): Promise<void>;
}

export function createMemoryStore(opts: { maxEntries: number; ttlSeconds: number; maxBytes?: number; now?: () => number }): ResponseStore {
  const now = opts.now ?? Date.now;
  const ttlMs = opts.ttlSeconds * 1000;
  const maxBytes = opts.maxBytes ?? Number.POSITIVE_INFINITY;
  let generation = 0;
  let bytes = 0;
  const entries = new Map<string, { entry: CachedResponse; expires: number; size: number }>();
  const drop = (key: string) => {
    const found = entries.get(key);
    if (!found) return;
    bytes -= found.size;
    entries.delete(key);
  };
  return {
    kind: 'memory',
    lookup(key) {
      const found = entries.get(key);
      if (!found) return { generation: String(generation), entry: null };
      if (found.expires <= now()) {
        drop(key);
        return { generation: String(generation), entry: null };
      }
      // Least recently used first: a hit moves the entry to the end.
      entries.delete(key);
      entries.set(key, found);
      return { generation: String(generation), entry: found.entry };
    },
    store(key, gen, entry) {
      if (gen !== String(generation)) return;
      // Characters, counted as UTF-16 code units: a bound, not an exact byte count.
      const size = (key.length + entry.etag.length + entry.body.length) * 2;
      if (size > maxBytes) return;
      drop(key);
      entries.set(key, { entry, expires: now() + ttlMs, size });
      bytes += size;
      while (entries.size > opts.maxEntries || bytes > maxBytes) drop(entries.keys().next().value as string);
    },
    invalidate() {
      generation += 1;
      entries.clear();
      bytes = 0;
    },
    async close() {
      entries.clear();
      bytes = 0;
    },
  };
}

// One round trip each: the generation and the entry of that generation together.
const LOOKUP = `local g = redis.call('GET', KEYS[1]) or '0'
return {g, redis.call('GET', ARGV[1] .. g .. ':' .. ARGV[2])}`;
const STORE = `local g = redis.call('GET', KEYS[1]) or '0'
if g ~= ARGV[2] then return 0 end
redis.call('SET', ARGV[1] .. g .. ':' .. ARGV[3], ARGV[4], 'PX', ARGV[5])
return 1`;

type ScriptedRedis = Redis & {
  ppidCacheLookup(genKey: string, prefix: string, key: string): Promise<[string, string | null]>;
  ppidCacheStore(genKey: string, prefix: string, gen: string, key: string, value: string, ttlMs: number): Promise<number>;
};

/**
 * Shared by every instance: entries are `<prefix>e:<generation>:<key>` with a TTL, the
 * generation is `<prefix>generation`; invalidating increments it, which makes every older entry
 * unreachable at once on all instances (they expire on their own). Both under the client's own
 * key prefix (REDIS_PREFIX), which the scripts add to the entry keys they build themselves.
 */
export function createRedisStore(client: Redis, opts: { prefix: string; ttlSeconds: number; onError: (error: Error) => void }): ResponseStore {
  const redis = client as ScriptedRedis;
  redis.defineCommand('ppidCacheLookup', { numberOfKeys: 1, lua: LOOKUP });
  redis.defineCommand('ppidCacheStore', { numberOfKeys: 1, lua: STORE });
  const genKey = `${opts.prefix}generation`;
  const entryPrefix = `${keyPrefixOf(client)}${opts.prefix}e:`;
  const ttlMs = opts.ttlSeconds * 1000;
  // An invalidation that could not reach Redis is retried before anything is served from it again.
  let invalidationOwed = false;
  return {
    kind: 'redis',
    async lookup(key) {
      try {
        if (invalidationOwed) {
          await redis.incr(genKey);
          invalidationOwed = false;
        }
        const [generation, raw] = await redis.ppidCacheLookup(genKey, entryPrefix, key);
        return { generation: String(generation), entry: decodeEntry(raw) };
      } catch (error) {
        opts.onError(error as Error);
        // Unreachable: answer from the database, and store nothing (no generation to trust).
        return { generation: '', entry: null };
      }
    },
    async store(key, generation, entry) {
      if (!generation) return;
      try {
        await redis.ppidCacheStore(genKey, entryPrefix, generation, key, encodeEntry(entry), ttlMs);
      } catch (error) {
        opts.onError(error as Error);
      }
    },
    async invalidate() {
      try {
        await redis.incr(genKey);
      } catch (error) {
        invalidationOwed = true;
        opts.onError(error as Error);
      }
    },
    async close() {},
  };
}
