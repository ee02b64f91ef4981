#!/usr/bin/env node
'use strict';
/**
 * Bundles the sign-in page's TypeScript (src/admin-login/main.ts) into one browser script with the
 * esbuild that Strapi already ships, at dist/build/ppid-auth/masuk.js: inside the admin build
 * folder, which `strapi develop` keeps when it cleans dist/, and which `strapi build` empties, so
 * `npm run build` runs this after it. The server reads the file at start-up (src/security/index.ts)
 * and refuses to start without it.
 */
const path = require('node:path');
const esbuild = require('esbuild');

const ROOT = path.resolve(__dirname, '..');
const ENTRY = path.join(ROOT, 'src', 'admin-login', 'main.ts');
const OUTFILE = path.join(ROOT, 'dist', 'build', 'ppid-auth', 'masuk.js');

/** Builds the bundle; returns its path. Throws with esbuild's messages on a compile error. */
function buildLoginClient() {
  esbuild.buildSync({
    entryPoints: [ENTRY],
    outfile: OUTFILE,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // The browsers the admin panel itself supports; no polyfills are needed for these.
    target: ['es2019'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return OUTFILE;
}

module.exports = { buildLoginClient, OUTFILE };

if (require.main === module) {
  try {
    console.log(`Sign-in page script: ${path.relative(ROOT, buildLoginClient())}`);
  } catch {
    process.exit(1);
  }
}
