#!/usr/bin/env node
'use strict';
/**
 * `npm test` (SQLite) and `npm run test:postgres`: compile the server to dist/ (the in-process
 * Strapi loads compiled config), then run jest; `npm test` with no arguments also runs the public
 * site's tests (site/). Test secrets are generated here, in memory, so tests never write .env.
 * Extra arguments go to jest, e.g. `npm test -- tests/unit`.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { compileServer, testEnvironment } = require('./test-support');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const postgres = args.includes('--postgres');
const jestArgs = args.filter((a) => a !== '--postgres');

/** @type {NodeJS.ProcessEnv} */
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

// The browser suites drive Debian's chromium. A newcomer without it still runs everything else
// and is told loudly what was skipped; CI must never skip them.
const CHROMIUM = process.env.PPID_CHROMIUM || '/usr/bin/chromium';
const browserMissing = !fs.existsSync(CHROMIUM);
const INSTALL_BROWSER = 'sudo apt-get update && sudo apt-get install -y chromium';
if (browserMissing && process.env.CI) {
  console.error(`\n✖ ${CHROMIUM} is missing, and CI must run the browser tests. Install it: ${INSTALL_BROWSER}\n`);
  process.exit(1);
}
if (browserMissing) env.PPID_BROWSER_MISSING = '1';
// The browser suites: everything under tests/browser/ and the security suite's browser-* files.
const BROWSER_SUITES = ['/tests/browser/', '/tests/security/browser-'];
const skipBrowser = browserMissing && jestArgs.length === 0 ? ['--testPathIgnorePatterns', ...BROWSER_SUITES] : [];

const compiled = compileServer(env);
if (compiled !== 0) process.exit(compiled);
run(process.execPath, [require.resolve('jest/bin/jest'), '--maxWorkers=2', ...skipBrowser, ...jestArgs]);
if (!postgres && jestArgs.length === 0) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Without the browser, the site's unit and rebuild tests only (its browser suites are named in the notice).
  run(npm, ['--prefix', 'site', ...(browserMissing ? ['run', 'test:nobrowser'] : ['test'])]);
}
if (browserMissing && jestArgs.length === 0) {
  const suites = [
    ...fs.readdirSync(path.join(root, 'tests', 'browser')).filter((f) => f.endsWith('.test.ts')).map((f) => `tests/browser/${f}`),
    ...fs.readdirSync(path.join(root, 'tests', 'security')).filter((f) => f.startsWith('browser-')).map((f) => `tests/security/${f}`),
  ];
  const line = '!'.repeat(78);
  console.warn(
    [
      '',
      line,
      `!! BROWSER TESTS SKIPPED: ${CHROMIUM} is not installed.`,
      ...suites.map((f) => `!!   ${f}`),
      '!!   and the public site\'s browser tests (site/)',
      `!! Install the browser with:  ${INSTALL_BROWSER}`,
      '!! then run npm test again. (CI runs them always: CI=true fails without the browser.)',
      line,
      '',
    ].join('\n'),
  );
}
