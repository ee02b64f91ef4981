/**
 * The one Redis connection of this process (ioredis), for every feature that shares state between
 * instances: rate limits, the response cache, … Configured by REDIS_URL (e.g.
 * redis://127.0.0.1:6379/0); without it there is no Redis and callers keep their state in memory.
 * Every key goes under REDIS_PREFIX (default `ppid:`), so several deployments (or tests) can share
 * one Redis server. Callers add their own sub-prefix (`rl:`, `cache:`, …).
 */
import Redis from 'ioredis';

export interface RedisSettings {
  url: string;
  prefix: string;
}

/** REDIS_URL / REDIS_PREFIX from the environment; null when Redis is not configured. */
export function redisSettings(env: NodeJS.ProcessEnv = process.env): RedisSettings | null {
  const url = (env.REDIS_URL ?? '').trim();
  if (!url) return null;
  if (!/^rediss?:\/\//.test(url)) throw new Error('REDIS_URL harus diawali redis:// atau rediss://');
  const prefix = env.REDIS_PREFIX === undefined || env.REDIS_PREFIX === '' ? 'ppid:' : env.REDIS_PREFIX;
  return { url, prefix };
}

let shared: { key: string; client: Redis } | null = null;

/**
 * The shared client (created on first use), or null without REDIS_URL. Commands issued while
 * Redis is unreachable fail fast (no offline queue), so a request is answered with an error
 * instead of hanging; the client reconnects by itself.
 */
export function redisClient(env: NodeJS.ProcessEnv = process.env): Redis | null {
  const settings = redisSettings(env);
  if (!settings) return null;
  const key = `${settings.url}|${settings.prefix}`;
  if (shared && shared.key === key) return shared.client;
  if (shared) void shared.client.quit().catch(() => undefined);
  const client = new Redis(settings.url, {
    keyPrefix: settings.prefix,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // A server that accepts but does not answer must not hold a request: the command fails and
    // the caller falls back (the response cache answers from the database, limits count in memory).
    commandTimeout: 1_000,
    lazyConnect: false,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect; readiness (/_ready) reports it instead.
  client.on('error', () => undefined);
  shared = { key, client };
  return client;
}

/**
 * The prefix the client puts before every key it is given as a key (commands' key arguments and
 * a script's KEYS). A Lua script that builds more keys from its ARGV must add it itself.
 */
export function keyPrefixOf(client: Redis): string {
  return String((client.options as { keyPrefix?: string }).keyPrefix ?? '');
}

/** Waits (up to `ms`) for the connection to be ready; false if it is not. */
export async function redisReady(client: Redis, ms = 2_000): Promise<boolean> {
  if (client.status === 'ready') return true;
  return new Promise<boolean>((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(client.status === 'ready'), ms);
    timer.unref?.();
    client.once('ready', onReady);
  });
}

/** Closes the shared client (at shutdown). */
export async function closeRedis(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) await current.client.quit().catch(() => current.client.disconnect());
}
