#!/usr/bin/env node
'use strict';
/**
 * `npm test` (SQLite) and `npm run test:postgres`: compile the server to dist/ (the in-process
 * Strapi loads compiled config), then run jest; `npm test` with no arguments also runs the public
 * site's tests (site/). Test secrets are generated here, in memory, so tests never write .env.
 * Extra arguments go to jest, e.g. `npm test -- tests/unit`.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { compileServer, testEnvironment } = require('./test-support');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const postgres = args.includes('--postgres');
const jestArgs = args.filter((a) => a !== '--postgres');

const env = { ...process.env, ...testEnvironment() };
if (postgres) {
  env.DATABASE_CLIENT = 'postgres';
  env.DATABASE_HOST = process.env.DATABASE_HOST || '127.0.0.1';
  env.DATABASE_PORT = process.env.DATABASE_PORT || '5432';
  env.DATABASE_USERNAME = process.env.DATABASE_USERNAME || 'postgres';
} else {
  env.DATABASE_CLIENT = 'sqlite';
}

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const compiled = compileServer(env);
if (compiled !== 0) process.exit(compiled);
run(process.execPath, [require.resolve('jest/bin/jest'), '--maxWorkers=2', ...jestArgs]);
if (!postgres && jestArgs.length === 0) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['--prefix', 'site', 'test']);
}
