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
