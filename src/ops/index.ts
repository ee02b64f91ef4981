/**
 * Operations (README, "Deployment"): request ids, readiness, graceful shutdown, once-per-tick cron
 * leases, the Redis-shared sign-in limit. Wired from src/index.ts (register, bootstrap, destroy).
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { closeRedis, redisClient, redisReady } from '../redis/client';
import { shareLoginRateLimit } from '../security/shared-login-limit';
import { acceptRequestId } from './json-log';
import { drain, isStopping, resetLifecycle, trackRequests } from './lifecycle';
import { ensureLeaseTable } from './task-lease';

export const READY_PATH = '/_ready';

/** PPID_SHUTDOWN_TIMEOUT_SECONDS (default 25): how long a stopping instance waits for its requests. */
export function shutdownTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.PPID_SHUTDOWN_TIMEOUT_SECONDS;
  if (raw === undefined || raw === '') return 25_000;
  const seconds = Number(raw);
  if (!(Number.isFinite(seconds) && seconds >= 0)) throw new Error('PPID_SHUTDOWN_TIMEOUT_SECONDS harus angka detik (0 atau lebih)');
  return seconds * 1000;
}

async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  try {
    return await Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function databaseAnswers(strapi: Core.Strapi, ms: number): Promise<boolean> {
  try {
    await within(strapi.db.connection.raw('SELECT 1'), ms);
    return true;
  } catch {
    return false;
  }
}

/** The answer to an API request refused while the database cannot be reached. */
export const DATABASE_OUTAGE_BODY = {
  data: null,
  error: {
    status: 503,
    name: 'ServiceUnavailableError',
    message: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    details: {},
  },
};

/** What readiness found: each check `ok`, `tidak dipakai` (not configured) or the reason it failed. */
export async function readiness(strapi: Core.Strapi): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const checks: Record<string, string> = {};
  if (isStopping()) checks.instance = 'sedang berhenti';
  if (await databaseAnswers(strapi, 2_000)) checks.database = 'ok';
  else {
    checks.database = 'tidak menjawab';
    strapi.log.warn('[ppid] siap? database: tidak menjawab dalam 2 detik');
  }
  const redis = redisClient();
  if (!redis) checks.redis = 'tidak dipakai';
  else {
    try {
      if (!(await redisReady(redis, 1_000))) throw new Error(`status ${redis.status}`);
      await within(redis.ping(), 1_000);
      checks.redis = 'ok';
    } catch (error) {
      checks.redis = 'tidak menjawab';
      strapi.log.warn(`[ppid] siap? redis: ${(error as Error).message}`);
    }
  }
  const ready = Object.values(checks).every((v) => v === 'ok' || v === 'tidak dipakai');
  return { ready, checks };
}

export function registerOps(strapi: Core.Strapi): void {
  // Every request gets an id (the proxy's X-Request-Id if it is a plain token), echoed in the
  // answer and in every log line written while it runs (config/logger.ts).
  strapi.server.use(async (ctx: any, next: () => Promise<unknown>) => {
    const id = acceptRequestId(ctx.get('X-Request-Id')) ?? crypto.randomUUID();
    ctx.state.requestId = id;
    ctx.set('X-Request-Id', id);
    await next();
    // While the database is unreachable, Strapi's users-permissions cannot read the public role's
    // permissions and refuses every content-API request with 401, as if the reader had no right
    // to it. Say what happened instead: 503 with Retry-After, so a client (the site build, a CDN)
    // retries instead of concluding that the content is forbidden. Only a refused request pays the
    // check.
    if ((ctx.status === 401 || ctx.status === 403 || ctx.status >= 500) && ctx.path.startsWith('/api/') && !(await databaseAnswers(strapi, 1_000))) {
      ctx.status = 503;
      ctx.set('Retry-After', '5');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = DATABASE_OUTAGE_BODY;
    }
  });
  strapi.server.routes([
    {
      method: 'GET',
      path: READY_PATH,
      handler: async (ctx: any) => {
        const { ready, checks } = await readiness(strapi);
        ctx.set('Cache-Control', 'no-store');
        ctx.status = ready ? 200 : 503;
        ctx.body = { status: ready ? 'siap' : 'tidak siap', ...checks };
      },
      config: { auth: false },
    },
  ] as any);
  shareLoginRateLimit(strapi);
}

export async function bootstrapOps(strapi: Core.Strapi): Promise<void> {
  resetLifecycle(); // a test process boots Strapi again after a destroy
  await ensureLeaseTable(strapi.db.connection);
  trackRequests(strapi.server.httpServer);
}

/** From Strapi's destroy (SIGTERM/SIGINT): finish what runs, then let Strapi close the rest. */
export async function destroyOps(strapi: Core.Strapi): Promise<void> {
  const result = await drain(strapi.server?.httpServer, shutdownTimeoutMs());
  if (result.abandonedRequests || result.abandonedTasks) {
    strapi.log.warn(`[ppid] berhenti: ${result.abandonedRequests} permintaan dan ${result.abandonedTasks} tugas terjadwal belum selesai setelah ${result.waitedMs} ms`);
  }
  await closeRedis();
}
