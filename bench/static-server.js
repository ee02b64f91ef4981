#!/usr/bin/env node
'use strict';
/** The ceiling of bench/public-api.js: the same JSON as static files (koa-static, as Strapi's own /uploads). */
const Koa = require('koa');
const serve = require('koa-static');

const app = new Koa();
app.use(serve(process.env.BENCH_STATIC_DIR, { maxage: 0 }));
// autocannon closes its connections at the end of a measurement, with answers still in flight.
app.on('error', (error) => {
  if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error(error);
});
const server = app.listen(Number(process.env.BENCH_PORT), '127.0.0.1', () => process.send?.({ ready: true }));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
