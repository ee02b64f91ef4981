'use strict';
/**
 * Shared by the test runner (scripts/test.js) and the benchmarks (bench/): the environment of a
 * throwaway in-process Strapi, and compiling the server to dist/ first.
 */
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const os = require('node:os');
const path = require('node:path');

const { buildLoginClient } = require('./build-login-client');

const ROOT = path.resolve(__dirname, '..');

/** Test mode with secrets generated in memory (never written to .env); given values are kept. */
function testEnvironment(base = process.env) {
  const key = () => crypto.randomBytes(24).toString('base64');
  return {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
    APP_KEYS: base.APP_KEYS || [key(), key()].join(','),
    API_TOKEN_SALT: base.API_TOKEN_SALT || key(),
    ADMIN_JWT_SECRET: base.ADMIN_JWT_SECRET || key(),
    TRANSFER_TOKEN_SALT: base.TRANSFER_TOKEN_SALT || key(),
    JWT_SECRET: base.JWT_SECRET || key(),
    ENCRYPTION_KEY: base.ENCRYPTION_KEY || key(),
    PPID_MFA_KEY: base.PPID_MFA_KEY || crypto.randomBytes(32).toString('base64'),
    PPID_AUDIT_KEY: base.PPID_AUDIT_KEY || crypto.randomBytes(32).toString('base64'),
    // Never the development anchors: a directory no test writes unless it names its own.
    PPID_AUDIT_ANCHOR_DIR: base.PPID_AUDIT_ANCHOR_DIR || path.join(os.tmpdir(), `ppid-jangkar-${crypto.randomBytes(6).toString('hex')}`),
    CRON_ENABLED: 'false',
    LOG_LEVEL: base.LOG_LEVEL || 'error',
  };
}

/**
 * tsc -p tsconfig.json (the in-process Strapi loads compiled config) and the sign-in page's
 * script bundle, which the server reads at start-up; the exit status.
 */
function compileServer(env = process.env) {
  const status = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  }).status ?? 1;
  if (status !== 0) return status;
  try {
    buildLoginClient();
    return 0;
  } catch {
    return 1;
  }
}

module.exports = { ROOT, testEnvironment, compileServer };
