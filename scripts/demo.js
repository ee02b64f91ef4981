#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the Quick start. Builds the admin panel and server, builds the public site,
 * then runs both: the CMS on http://127.0.0.1:1337 (SQLite, demo data loaded on first start)
 * and the public site on http://127.0.0.1:8080. Ctrl+C stops both.
 */
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cmsPort = process.env.PORT || '1337';
const sitePort = process.env.SITE_PORT || '8080';
const apiUrl = process.env.PPID_API_URL || `http://127.0.0.1:${cmsPort}`;
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || 'development',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'none',
  // The site started here must be allowed to call the API from the browser, whatever its port.
  SITE_ORIGINS: process.env.SITE_ORIGINS || `http://127.0.0.1:${sitePort},http://localhost:${sitePort}`,
};
const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

function step(title, cmd, args, extraEnv = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status || 1);
  }
}

step('Building the admin panel and server (about a minute the first time)', process.execPath, [strapiBin, 'build']);
step('Building the public site', process.execPath, [path.join(root, 'site', 'build.js')], { PPID_API_URL: apiUrl });

const children = [
  spawn(process.execPath, [strapiBin, 'start'], { cwd: root, env, stdio: 'inherit' }),
  spawn(process.execPath, [path.join(root, 'site', 'serve.js')], { cwd: root, env: { ...env, SITE_PORT: sitePort }, stdio: 'inherit' }),
];
console.log(`\nPPID CMS:     http://127.0.0.1:${cmsPort}/admin  (demo accounts: <role>@ppid.test, password PPID_DEMO_PASSWORD in .env)`);
console.log(`Public API:   http://127.0.0.1:${cmsPort}/api/dip-documents?locale=id`);
console.log(`Public site:  http://127.0.0.1:${sitePort}/\n`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
