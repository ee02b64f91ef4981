/**
 * Issue #13, operations: the once-per-tick lease (on a real SQLite database through knex, as
 * Strapi uses it), log redaction, request ids, the log format switch, the shared rate limiter's
 * fallback, and the Redis settings.
 */
import knexFactory, { type Knex } from 'knex';
import { claimTick, ensureLeaseTable, LEASE_TABLE, releaseTick } from '../../src/ops/task-lease';
import { acceptRequestId, logEntry, logFormat, redactText, redactValue } from '../../src/ops/json-log';
import { redisRateLimiter, sharedRateLimiter } from '../../src/http/rate-limit';
import { redisSettings } from '../../src/redis/client';
import { shutdownTimeoutMs } from '../../src/ops';
import { runSelfChecks } from '../../src/compat/self-check';
import { loginLimitTouchPoint } from '../../src/security/shared-login-limit';

describe('cron lease: one run per task and tick', () => {
  let knex: Knex;
  beforeEach(async () => {
    knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await ensureLeaseTable(knex);
    await ensureLeaseTable(knex); // idempotent at every start
  });
  afterEach(() => knex.destroy());

  const tick = new Date('2026-11-30T01:00:00Z');
  const now = tick.getTime() + 200;

  test('of two holders firing the same tick, one wins; the tick is not run again, nor an older one', async () => {
    const first = await claimTick(knex, 'ppidMinute', tick, 600_000, { now, holder: 'a' });
    const second = await claimTick(knex, 'ppidMinute', tick, 600_000, { now, holder: 'b' });
    expect(first).toEqual({ task: 'ppidMinute', tick: tick.getTime(), holder: 'a' });
    expect(second).toBeNull();
    await releaseTick(knex, first!, now + 1000);
    expect(await claimTick(knex, 'ppidMinute', tick, 600_000, { now: now + 2000, holder: 'b' })).toBeNull();
    expect(await claimTick(knex, 'ppidMinute', new Date(tick.getTime() - 60_000), 600_000, { now: now + 2000, holder: 'b' })).toBeNull();
    // Another task has its own lease.
    expect(await claimTick(knex, 'ppidOutbox', tick, 600_000, { now, holder: 'b' })).not.toBeNull();
  });

  test('the next tick waits for a run still going, and takes over once its lease has expired', async () => {
    const next = new Date(tick.getTime() + 60_000);
    expect(await claimTick(knex, 'ppidMinute', tick, 300_000, { now, holder: 'a' })).not.toBeNull();
    expect(await claimTick(knex, 'ppidMinute', next, 300_000, { now: next.getTime(), holder: 'b' })).toBeNull();
    const later = new Date(tick.getTime() + 6 * 60_000);
    expect(await claimTick(knex, 'ppidMinute', later, 300_000, { now: later.getTime(), holder: 'b' })).toMatchObject({ holder: 'b' });
  });

  test('after a release the next tick runs at once; only the holder can release', async () => {
    const claim = (await claimTick(knex, 'ppidMinute', tick, 300_000, { now, holder: 'a' }))!;
    await releaseTick(knex, { ...claim, holder: 'b' }, now + 10);
    const next = new Date(tick.getTime() + 60_000);
    expect(await claimTick(knex, 'ppidMinute', next, 300_000, { now: next.getTime(), holder: 'b' })).toBeNull();
    await releaseTick(knex, claim, now + 20);
    expect(await claimTick(knex, 'ppidMinute', next, 300_000, { now: next.getTime(), holder: 'b' })).toMatchObject({ holder: 'b' });
    const rows = await knex(LEASE_TABLE).select();
    expect(rows).toHaveLength(1);
  });
});

describe('log lines', () => {
  test('personal data, secrets and query values are replaced; the rest stays readable', () => {
    expect(redactText('GET /api/permohonan-informasi/status?nomor=001/PPID/2026&kode=ABCD-EFGH (4 ms) 404')).toBe(
      'GET /api/permohonan-informasi/status?nomor=[disaring]&kode=[disaring] (4 ms) 404',
    );
    expect(redactText('[ppid] notifikasi 12 ke budi.santoso@dinas.go.id gagal (percobaan 2)')).toBe('[ppid] notifikasi 12 ke [email] gagal (percobaan 2)');
    expect(redactText('NIK 3175012345678901 telp +6281234567890 pada 2026-11-29')).toBe('NIK [angka] telp [angka] pada 2026-11-29');
    expect(redactText('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [token]');
    expect(redactText('jwt eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MX0.c2lnbmF0dXJl')).toBe('jwt [token]');
    expect(redactText('challenge Yk3x9Q_aZr0wLmT7pV2sN8dF4hJ6kC1bE5gR')).toBe('challenge [token]');
    expect(redactText('POST /admin/login (35 ms) 400')).toBe('POST /admin/login (35 ms) 400');
  });

  test('meta fields named like secrets or personal data are dropped, nested ones too', () => {
    expect(redactValue({ password: 'x', user: { email: 'a@b.co', id: 3 }, note: 'ke a@b.co' })).toEqual({
      password: '[disaring]',
      user: { email: '[disaring]', id: 3 },
      note: 'ke [email]',
    });
    const entry = logEntry({ level: 'error', message: 'gagal untuk a@b.co', token: 'abc', durasi: 5 }, 'req-12345678', new Date('2026-11-29T00:00:00Z'));
    expect(entry).toEqual({ time: '2026-11-29T00:00:00.000Z', level: 'error', msg: 'gagal untuk [email]', requestId: 'req-12345678', token: '[disaring]', durasi: 5 });
    expect(logEntry({ level: 'info', message: 'tanpa permintaan' }, null, new Date(0))).not.toHaveProperty('requestId');
  });

  test("a client's request id is kept only when it is a plain token", () => {
    expect(acceptRequestId('0123456789abcdef0123456789abcdef')).toBe('0123456789abcdef0123456789abcdef');
    expect(acceptRequestId('short')).toBeNull();
    expect(acceptRequestId('with space inside')).toBeNull();
    expect(acceptRequestId('x'.repeat(129))).toBeNull();
    expect(acceptRequestId(undefined)).toBeNull();
  });

  test('JSON in production, text elsewhere, as PPID_LOG_FORMAT says; a bad value is refused', () => {
    expect(logFormat({ NODE_ENV: 'production' })).toBe('json');
    expect(logFormat({ NODE_ENV: 'development' })).toBe('text');
    expect(logFormat({ NODE_ENV: 'production', PPID_LOG_FORMAT: 'text' })).toBe('text');
    expect(logFormat({ NODE_ENV: 'test', PPID_LOG_FORMAT: 'JSON' })).toBe('json');
    expect(() => logFormat({ PPID_LOG_FORMAT: 'xml' })).toThrow(/PPID_LOG_FORMAT/);
  });
});

describe('settings', () => {
  test('Redis only with a redis:// URL; the key prefix defaults to ppid:', () => {
    expect(redisSettings({})).toBeNull();
    expect(redisSettings({ REDIS_URL: ' ' })).toBeNull();
    expect(redisSettings({ REDIS_URL: 'redis://127.0.0.1:6379/2' })).toEqual({ url: 'redis://127.0.0.1:6379/2', prefix: 'ppid:' });
    expect(redisSettings({ REDIS_URL: 'rediss://r:6380', REDIS_PREFIX: 'dinas-a:' })).toEqual({ url: 'rediss://r:6380', prefix: 'dinas-a:' });
    expect(() => redisSettings({ REDIS_URL: 'http://r' })).toThrow(/REDIS_URL/);
  });

  test('shutdown waits 25 s by default; a bad value is refused', () => {
    expect(shutdownTimeoutMs({})).toBe(25_000);
    expect(shutdownTimeoutMs({ PPID_SHUTDOWN_TIMEOUT_SECONDS: '5' })).toBe(5_000);
    expect(() => shutdownTimeoutMs({ PPID_SHUTDOWN_TIMEOUT_SECONDS: '-1' })).toThrow(/PPID_SHUTDOWN_TIMEOUT_SECONDS/);
  });
});

describe('shared rate limiter', () => {
  test('without a Redis client it counts in memory', async () => {
    const limiter = sharedRateLimiter(null, 'uji', 2, 60_000);
    const hits = [];
    for (let i = 0; i < 3; i += 1) hits.push((await limiter.hit('1.2.3.4', 1000)).allowed);
    expect(hits).toEqual([true, true, false]);
  });

  test('when Redis fails, hits are still counted (in memory), never let through unlimited', async () => {
    const broken = { eval: async () => Promise.reject(new Error('ECONNREFUSED')) };
    const limiter = redisRateLimiter(broken, 'uji', 2, 60_000);
    const hits = [];
    for (let i = 0; i < 3; i += 1) hits.push((await limiter.hit('1.2.3.4', 1000)).allowed);
    expect(hits).toEqual([true, true, false]);
  });
});

describe('start-up self-check of the shared sign-in limit', () => {
  const strapi: any = { config: { get: (key: string) => (key === 'info.strapi' ? '5.99.0' : undefined) } };
  const check = (point: ReturnType<typeof loginLimitTouchPoint>) => () => runSelfChecks(strapi, [point]);

  test('the installed Strapi passes', () => {
    expect(check(loginLimitTouchPoint())).not.toThrow();
  });

  test('a middleware that moved, or stopped spreading admin.rateLimit, or a koa2-ratelimit without stores, stops start-up', () => {
    expect(check(loginLimitTouchPoint(() => null))).toThrow(/5\.99\.0[\s\S]*admin::rateLimit[\s\S]*not at that path any more/);
    expect(check(loginLimitTouchPoint(() => "const c = strapi.config.get('admin.rateLimit'); require('koa2-ratelimit')"))).toThrow(
      /no longer spreads admin\.rateLimit/,
    );
    expect(check(loginLimitTouchPoint(undefined, () => ({ Stores: {} }) as any))).toThrow(/no Stores\.Store/);
  });
});

describe("Strapi's cron hands each task its scheduled instant", () => {
  // The lease keys each run on this instant: every instance computes the same one. (Without it,
  // src/cron.ts falls back to the current minute.)
  test('the second argument is the whole-second instant the rule scheduled', async () => {
    // Loaded by path: the package's exports map hides it.
    const file = require('node:path').join(require('node:path').dirname(require.resolve('@strapi/core/package.json')), 'dist/services/cron.js');
    const mod = require(file);
    const factory = (mod.default ?? mod) as () => any;
    const previous = (globalThis as any).strapi;
    (globalThis as any).strapi = { log: { error: () => undefined } };
    const cron = factory();
    const seen: unknown[] = [];
    try {
      cron.add({ uji: { task: (_ctx: unknown, fireDate: unknown) => void seen.push(fireDate), options: { rule: '* * * * * *' } } });
      cron.start();
      await new Promise((r) => setTimeout(r, 2300));
    } finally {
      cron.destroy();
      (globalThis as any).strapi = previous;
    }
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (const d of seen) {
      expect(d).toBeInstanceOf(Date);
      expect((d as Date).getTime() % 1000).toBe(0);
    }
  });
});
