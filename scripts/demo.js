#!/usr/bin/env node
'use strict';
/**
 * `npm run demo`: the Quick start. Builds the admin panel and server, then runs
 * - the CMS on http://127.0.0.1:1337 (SQLite, demo data loaded on first start), with its webhook
 *   pointing at the site's rebuild service;
 * - the public site's rebuild service (site/server/main.ts): it builds the static site from the
 *   CMS's REST API once the CMS answers, serves the last good build on http://127.0.0.1:8080,
 *   and rebuilds (debounced) whenever an editor publishes, unpublishes or changes a DIP entry,
 *   a unit or a public page. Its log shows each build; the admin panel shows the last one under
 *   Content Manager → "Status Situs Publik".
 * Ctrl+C stops both.
 */
const crypto = require('node:crypto');
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const cmsPort = process.env.PORT || '1337';
const sitePort = process.env.SITE_PORT || '8080';
const hookPort = process.env.SITE_REBUILD_PORT || '4322';
const apiUrl = process.env.PPID_API_URL || `http://127.0.0.1:${cmsPort}`;
// One secret per run unless configured: the CMS sends it with its webhook, the site service with its reports.
const token = process.env.PPID_SITE_REBUILD_TOKEN || crypto.randomBytes(24).toString('base64url');
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV || 'development',
  STRAPI_TELEMETRY_DISABLED: 'true',
  ASTRO_TELEMETRY_DISABLED: '1',
  BROWSER: 'none',
  SITE_ORIGINS: process.env.SITE_ORIGINS || `http://127.0.0.1:${sitePort},http://localhost:${sitePort}`,
  PPID_SITE_REBUILD_URL: process.env.PPID_SITE_REBUILD_URL || `http://127.0.0.1:${hookPort}/hooks/strapi`,
  PPID_SITE_REBUILD_TOKEN: token,
};
const strapiBin = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const tsx = path.join(root, 'site', 'node_modules', 'tsx', 'dist', 'cli.mjs');

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status || 1);
  }
}

step('Building the admin panel and server (about a minute the first time)', process.execPath, [strapiBin, 'build']);
step('Bundling the sign-in page script', process.execPath, [path.join(__dirname, 'build-login-client.js')]);

const children = [
  spawn(process.execPath, [strapiBin, 'start'], { cwd: root, env, stdio: 'inherit' }),
  spawn(process.execPath, [tsx, path.join('server', 'main.ts')], {
    cwd: path.join(root, 'site'),
    env: { ...env, PPID_API_URL: apiUrl, SITE_PORT: sitePort, SITE_REBUILD_PORT: hookPort },
    stdio: 'inherit',
  }),
];
console.log(`\nPPID CMS:     http://127.0.0.1:${cmsPort}/admin  (demo accounts: <role>@ppid.test, password PPID_DEMO_PASSWORD in .env)`);
console.log(`Public API:   ${apiUrl}/api/dip-documents?locale=id`);
console.log(`Public site:  http://127.0.0.1:${sitePort}/  (static; rebuilt a few seconds after each publish)\n`);

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
