import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createStrapi, type Core } from '@strapi/strapi';

const ROOT = path.resolve(__dirname, '../..');
let instance: Core.Strapi | null = null;
let cleanup: (() => Promise<void>) | null = null;
let restoreEnv: Record<string, string | undefined> = {};

/**
 * Boots Strapi in-process from dist/ on a fresh database for this test file: a new SQLite file
 * under .tmp/, or (DATABASE_CLIENT=postgres) a new database created now and dropped in teardown.
 * Call once per file (beforeAll) and tear down in afterAll.
 */
export async function setupStrapi(
  env: Record<string, string> = {},
  opts: { serveAdminPanel?: boolean; distDir?: string } = {},
): Promise<Core.Strapi> {
  if (instance) return instance;
  const tag = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  // Jest reuses a worker process for several files: remember what this file changes.
  restoreEnv = Object.fromEntries(
    [...Object.keys(env), 'DATABASE_NAME', 'DATABASE_FILENAME'].map((k) => [k, process.env[k]]),
  );
  Object.assign(process.env, env);

  if (process.env.DATABASE_CLIENT === 'postgres') {
    const name = `ppid_t_${tag}`;
    const admin = adminConnection();
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    process.env.DATABASE_NAME = name;
    cleanup = async () => {
      const c = adminConnection();
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  } else {
    const file = path.join(ROOT, '.tmp', `test-${tag}.db`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    process.env.DATABASE_FILENAME = path.relative(ROOT, file);
    cleanup = async () => {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    };
  }

  const app = createStrapi({
    appDir: ROOT,
    distDir: opts.distDir ?? path.join(ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: opts.serveAdminPanel ?? false,
  });
  await app.load();
  await app.server.mount();
  instance = app;
  return app;
}

function adminConnection(): Client {
  return new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME ?? 'postgres',
    password: process.env.DATABASE_PASSWORD ?? '',
    database: process.env.PG_ADMIN_DATABASE ?? 'postgres',
  });
}

export async function teardownStrapi(): Promise<void> {
  if (instance) {
    await instance.destroy();
    instance = null;
  }
  if (cleanup) {
    await cleanup();
    cleanup = null;
  }
  for (const [key, value] of Object.entries(restoreEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  restoreEnv = {};
}

export function httpServer(strapi: Core.Strapi) {
  return strapi.server.httpServer;
}
