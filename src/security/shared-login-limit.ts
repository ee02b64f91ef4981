/**
 * Strapi's admin sign-in limit (route middleware `admin::rateLimit`, koa2-ratelimit) counts in
 * this process's memory: behind several instances an attacker would get 5 tries per instance. When
 * REDIS_URL is set, the limit's store becomes this Redis-backed one (through the documented
 * `admin.rateLimit` config, which the middleware spreads into koa2-ratelimit's options), so every
 * instance counts the same tries. While Redis is unreachable the tries are counted in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import { runSelfChecks, type TouchPoint } from '../compat/self-check';
import { redisClient } from '../redis/client';

interface KoaRateLimitOptions {
  interval: number;
}
interface KoaStore {
  incr(key: string, options: KoaRateLimitOptions, weight: number): Promise<{ counter: number; dateEnd: number }>;
  decrement(key: string, options: KoaRateLimitOptions, weight: number): Promise<void>;
  saveAbuse(): void;
}
interface KoaRateLimitModule {
  Stores: { Store: new () => object; Memory: new () => KoaStore };
}

/** koa2-ratelimit as @strapi/admin resolves it (its Store class must be the same one). */
export function loadKoaRateLimit(): KoaRateLimitModule {
  const adminDir = path.dirname(require.resolve('@strapi/admin/package.json'));
  return require(require.resolve('koa2-ratelimit', { paths: [adminDir] })) as KoaRateLimitModule;
}

const INCR_SCRIPT = `
local c = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if c == tonumber(ARGV[2]) or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {c, ttl}`;

/** A koa2-ratelimit store on Redis (keys `rl:admin:<email:path:ip>|…` under the client's prefix). */
export function createRedisLoginStore(client: Redis, lib: KoaRateLimitModule = loadKoaRateLimit()): KoaStore {
  const fallback = new lib.Stores.Memory();
  const Base = lib.Stores.Store;
  class RedisLoginStore extends Base implements KoaStore {
    async incr(key: string, options: KoaRateLimitOptions, weight: number) {
      try {
        const [counter, ttl] = (await client.eval(INCR_SCRIPT, 1, `rl:admin:${key}`, Math.ceil(options.interval), weight)) as [number, number];
        return { counter: Number(counter), dateEnd: Date.now() + Number(ttl) };
      } catch {
        return fallback.incr(key, options, weight);
      }
    }
    async decrement(key: string, options: KoaRateLimitOptions, weight: number) {
      try {
        await client.decrby(`rl:admin:${key}`, weight);
      } catch {
        await fallback.decrement(key, options, weight);
      }
    }
    saveAbuse() {}
  }
  return new RedisLoginStore();
}

/** Puts the shared store into `admin.rateLimit` when Redis is configured (from register()). */
export function shareLoginRateLimit(strapi: Core.Strapi): boolean {
  const client = redisClient();
  if (!client) return false;
  const current = (strapi.config.get('admin.rateLimit') ?? {}) as Record<string, unknown>;
  if (current.enabled === false) return false;
  runSelfChecks(strapi, [loginLimitTouchPoint()]);
  strapi.config.set('admin.rateLimit', { ...current, store: createRedisLoginStore(client) });
  return true;
}

const RATE_LIMIT_MIDDLEWARE = 'dist/server/server/src/middlewares/rateLimit.js';

/** The source of Strapi's admin::rateLimit middleware, or null when the file is not there. */
function readRateLimitMiddleware(): string | null {
  const file = path.join(path.dirname(require.resolve('@strapi/admin/package.json')), RATE_LIMIT_MIDDLEWARE);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

/** Start-up self-check: the middleware still takes its store from `admin.rateLimit`. */
export function loginLimitTouchPoint(
  readSource: () => string | null = readRateLimitMiddleware,
  loadLib: () => KoaRateLimitModule = loadKoaRateLimit,
): TouchPoint {
  return {
    name: `admin::rateLimit passes admin.rateLimit (incl. \`store\`) to koa2-ratelimit (@strapi/admin ${RATE_LIMIT_MIDDLEWARE})`,
    usedBy: 'src/security/shared-login-limit.ts',
    problem() {
      const lib = loadLib();
      if (typeof lib?.Stores?.Store !== 'function' || typeof lib.Stores.Memory !== 'function') return 'koa2-ratelimit has no Stores.Store / Stores.Memory';
      const source = readSource();
      if (source === null) return 'the middleware file is not at that path any more';
      if (!/config\.get\('admin\.rateLimit'\)/.test(source) || !/\.\.\.rateLimitConfig/.test(source) || !/koa2-ratelimit/.test(source)) {
        return 'the middleware no longer spreads admin.rateLimit into koa2-ratelimit options';
      }
      return null;
    },
  };
}
