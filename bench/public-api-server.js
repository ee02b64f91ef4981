#!/usr/bin/env node
'use strict';
/**
 * One Strapi server for bench/public-api.js, in its own process: this project (dist/) or the
 * generated plain Strapi project. Environment (set by the parent):
 *   BENCH_APP_DIR, BENCH_DIST_DIR   the project to boot
 *   BENCH_PORT                      loopback port to listen on (0: do not listen)
 *   BENCH_DISABLE                   comma list of middleware names to take out of config/middlewares
 *   BENCH_NO_DOCUMENT_MIDDLEWARES   "true": the project's Document Service middlewares are not registered
 *   BENCH_DROP_INDEXES              comma list of indexes to drop after start-up (the project without them)
 *   BENCH_GENERATE                  "true": insert the data set (bench/public-api-data.js) instead of listening
 * Tells the parent { ready: true } (or { generated }) over IPC.
 */
const path = require('node:path');

async function main() {
  const appDir = process.env.BENCH_APP_DIR || process.cwd();
  const distDir = process.env.BENCH_DIST_DIR || appDir;
  const { createStrapi } = require(require.resolve('@strapi/strapi', { paths: [appDir] }));
  const app = createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false });
  const disabled = (process.env.BENCH_DISABLE || '').split(',').filter(Boolean);
  if (disabled.length) {
    const nameOf = (m) => (typeof m === 'string' ? m : m.name);
    const list = app.config.get('middlewares');
    const missing = disabled.filter((d) => !list.some((m) => nameOf(m) === d));
    if (missing.length) throw new Error(`no such middleware: ${missing.join(', ')}`);
    app.config.set('middlewares', list.filter((m) => !disabled.includes(nameOf(m))));
  }
  if (process.env.BENCH_NO_DOCUMENT_MIDDLEWARES === 'true') {
    // Bench only: measures what the project's Document Service middlewares cost together.
    app.documents.use = () => app.documents;
  }
  await app.load();
  // Bench only: indexes this project creates at bootstrap, dropped to measure the project without them.
  for (const name of (process.env.BENCH_DROP_INDEXES || '').split(',').filter(Boolean)) {
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not an index name: ${name}`);
    await app.db.connection.raw(`DROP INDEX IF EXISTS ${name}`);
  }
  if (process.env.BENCH_GENERATE === 'true') {
    const { generate } = require('./public-api-data');
    const summary = await generate(app, JSON.parse(process.env.BENCH_GENERATE_OPTIONS || '{}'));
    await app.destroy();
    process.send?.({ generated: summary });
    return;
  }
  await app.server.mount();
  await new Promise((resolve) => {
    app.server.httpServer.listen(Number(process.env.BENCH_PORT), '127.0.0.1', resolve);
  });
  process.send?.({ ready: true });
  process.on('SIGTERM', () => {
    app.destroy().finally(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
