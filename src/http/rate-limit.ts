/**
 * A fixed-window rate limit per key (the client IP). The interface is what callers use, so the
 * in-memory store (one process) can be replaced by a shared one (Redis) without touching them.
 */
export interface RateLimiter {
  /** Counts one hit for `key`; `allowed` false once `limit` hits happened in the current window. */
  hit(key: string, now?: number): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  reset(): void;
}

export function memoryRateLimiter(limit: number, windowMs: number): RateLimiter {
  if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0)) throw new Error('rate limit needs a positive limit and window');
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key, now = Date.now()) {
      // Expired windows are dropped as they are met, and all of them when the map grows large.
      if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
      }
      w.count++;
      return { allowed: w.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((w.start + windowMs - now) / 1000)) };
    },
    reset() {
      windows.clear();
    },
  };
}

/** What the Redis limiter needs of a client (ioredis): one script call. */
export interface RedisEval {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  status?: string;
}

/** INCR the window's counter; the first hit of a window sets its expiry. Answers [count, ms left]. */
const HIT_SCRIPT = `
local c = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if c == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {c, ttl}`;

/**
 * The same fixed window, shared by every instance through Redis (the key is
 * `rl:<name>:<key>` under the client's prefix; the window is Redis's own clock, so `now` is
 * ignored). While Redis cannot be reached, hits are counted in this process's memory instead
 * (the limit then holds per instance, as without Redis; /_ready reports Redis down): neither the
 * public forms nor the admin sign-in stop working, and no hit goes uncounted.
 */
export function redisRateLimiter(client: RedisEval, name: string, limit: number, windowMs: number): RateLimiter {
  if (!(Number.isInteger(limit) && limit > 0 && windowMs > 0)) throw new Error('rate limit needs a positive limit and window');
  const window = Math.ceil(windowMs);
  const fallback = memoryRateLimiter(limit, windowMs);
  return {
    async hit(key, now) {
      try {
        const [count, ttl] = (await client.eval(HIT_SCRIPT, 1, `rl:${name}:${key}`, window)) as [number, number];
        return { allowed: Number(count) <= limit, retryAfterSeconds: Math.max(1, Math.ceil(Number(ttl) / 1000)) };
      } catch {
        return fallback.hit(key, now);
      }
    },
    reset() {
      // Shared counters expire on their own (tests use their own REDIS_PREFIX).
      fallback.reset();
    },
  };
}

/** Redis when a client is given (REDIS_URL is set), otherwise this process's memory. */
export function sharedRateLimiter(client: RedisEval | null, name: string, limit: number, windowMs: number): RateLimiter {
  return client ? redisRateLimiter(client, name, limit, windowMs) : memoryRateLimiter(limit, windowMs);
}
