#!/usr/bin/env node
'use strict';
/**
 * A real, seeded CMS for the public site's tests and benchmarks: Strapi from dist/ (compile first:
 * `npm test` does) on a throwaway SQLite file, test secrets generated in memory, the demo seed
 * loaded, listening on 127.0.0.1 on a free port. Prints one JSON line when ready:
 *   {"ready":true,"url":"http://127.0.0.1:PORT","tokens":{"operator":"…","koordinator":"…"}}
 * (admin access tokens of an Operator and a Koordinator, so a test can publish through the
 * Content Manager and the workflow API as editors do). Stops and deletes its database on
 * SIGTERM/SIGINT or when its parent's stdin closes.
 * PPID_SITE_REBUILD_URL / PPID_SITE_REBUILD_TOKEN are passed through (the rebuild webhook).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, testEnvironment } = require('./test-support');

const tag = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
const dbFile = path.join(ROOT, '.tmp', `site-cms-${tag}.db`);
Object.assign(process.env, testEnvironment(), {
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.relative(ROOT, dbFile),
  // Tokens are minted directly below; the 2FA flow has its own tests.
  PPID_MFA_REQUIRED_ROLES: 'none',
  HOST: '127.0.0.1',
  // A fixed port when the caller names one (tests that keep to a port range), else a free one.
  PORT: process.env.PPID_SITE_TEST_CMS_PORT || '0',
});

let strapi = null;
let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  try {
    if (strapi) await strapi.destroy();
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dbFile + suffix, { force: true });
    process.exit(code);
  }
}

async function token(roleCode) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const user = await strapi.service('admin::user').create({
    email: `${roleCode}.site-test.${tag}@test.ppid`,
    firstname: 'Uji',
    lastname: roleCode,
    password: 'Kx9#vT2m-Qw7z-Lp4s',
    isActive: true,
    roles: [role.id],
  });
  const sessions = strapi.sessionManager('admin');
  const { token: refreshToken } = await sessions.generateRefreshToken(String(user.id), `site-test-${user.id}`, { type: 'session' });
  const result = await sessions.generateAccessToken(refreshToken);
  if ('error' in result) throw new Error(`could not mint admin token: ${result.error}`);
  return result.token;
}

async function main() {
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const { createStrapi } = require('@strapi/strapi');
  strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  const { runSeed } = require(path.join(ROOT, 'dist', 'src', 'seed'));
  await runSeed(strapi, { withDemoAdmins: false, log: () => {} });
  const tokens = { operator: await token('operator'), koordinator: await token('koordinator') };
  await strapi.listen();
  const { port } = /** @type {import('node:net').AddressInfo} */ (strapi.server.httpServer.address());
  process.stdout.write(`${JSON.stringify({ ready: true, url: `http://127.0.0.1:${port}`, tokens })}\n`);
}

process.on('SIGTERM', () => stop(0));
process.on('SIGINT', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.resume();
main().catch((error) => {
  console.error(error);
  stop(1);
});
