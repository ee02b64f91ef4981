import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import type { Core } from '@strapi/strapi';
import { httpCacheCases } from '../helpers/http-cache-cases';

/**
 * The same cases with the response cache shared in Redis (REDIS_URL), plus what sharing means:
 * another instance's store sees the entries, and an invalidation on this instance reaches it.
 * Redis at PPID_TEST_REDIS_URL (default redis://127.0.0.1:6379/1), keys under a throwaway
 * REDIS_PREFIX (the cache's own keys under `http-cache:` below it, as in production).
 */
const REDIS_URL = process.env.PPID_TEST_REDIS_URL || 'redis://127.0.0.1:6379/1';
const PREFIX = `ppid-perf:test:${process.pid}:${Date.now()}:`;

function redisReachable(): boolean {
  const probe = `const u=new URL(process.argv[1]);const s=require('net').connect(+(u.port||6379),u.hostname);s.setTimeout(1500);s.on('connect',()=>{s.write('PING\\r\\n')});s.on('data',d=>process.exit(String(d).startsWith('+PONG')?0:1));s.on('error',()=>process.exit(1));s.on('timeout',()=>process.exit(1));`;
  return spawnSync(process.execPath, ['-e', probe, REDIS_URL], { timeout: 5000 }).status === 0;
}

const reachable = redisReachable();
if (!reachable) {
  // Loud on purpose: CI has Redis, so this notice there means the Redis store went untested.
  console.warn(`\n\n!!! ${'='.repeat(70)}\n!!! Redis at ${REDIS_URL} is unreachable: the Redis HTTP cache tests are SKIPPED.\n!!! Start redis-server (or set PPID_TEST_REDIS_URL) to run them.\n!!! ${'='.repeat(70)}\n`);
}

(reachable ? describe : describe.skip)('HTTP cache shared in Redis', () => {
  afterAll(async () => {
    const client = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      const keys: string[] = await client.keys(`${PREFIX}*`);
      if (keys.length) await client.del(...keys);
    } finally {
      client.disconnect();
    }
  });
  httpCacheCases({ PPID_HTTP_CACHE_STORE: 'redis', REDIS_URL, REDIS_PREFIX: PREFIX }, (get) => {
    test("another instance's store sees what this one cached, and loses it when this one publishes", async () => {
      const { strapi, documentId } = get();
      const { createRedisStore } = require(path.resolve(__dirname, '../../dist/src/cache/response-store'));
      // Another instance: its own connection, with the same REDIS_PREFIX and cache prefix.
      const client = new Redis(REDIS_URL, { keyPrefix: PREFIX, maxRetriesPerRequest: 1 });
      try {
        await new Promise((resolve) => client.once('ready', resolve));
        const other = createRedisStore(client, { prefix: 'http-cache:', ttlSeconds: 60, onError: (e: Error) => { throw e; } });
        const request = (await import('supertest')).default;
        const url = `/api/dip-documents/${documentId}?locale=id&populate=berkas`;
        const served = await request((strapi as Core.Strapi).server.httpServer).get(url);
        expect(served.status).toBe(200);
        const seen = await other.lookup(url);
        expect(seen.entry?.etag).toBe(served.headers.etag);
        expect(seen.entry?.body).toBe(served.text);

        await (strapi.documents('api::bidang.bidang' as any) as any).create({ data: { nama: 'Bidang Uji Redis', kode: 'bidang-uji-redis' } });
        const after = await other.lookup(url);
        expect(after.entry).toBeNull();
        expect(Number(after.generation)).toBeGreaterThan(Number(seen.generation));
        // Every key the cache wrote is under REDIS_PREFIX (nothing escapes the deployment's namespace).
        const bare = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
        try {
          const keys: string[] = await bare.keys(`${PREFIX}*`);
          expect(keys.some((k) => k.startsWith(`${PREFIX}http-cache:e:`))).toBe(true);
          expect(keys).toContain(`${PREFIX}http-cache:generation`);
        } finally {
          bare.disconnect();
        }
      } finally {
        client.disconnect();
      }
    });
  });
});
