#!/usr/bin/env node
'use strict';
/** `npm run seed`: load the demo data (idempotent). Demo admins only outside production. */
const { withStrapi } = require('./with-strapi');

withStrapi(async (strapi, load) => {
  const { runSeed } = load('seed');
  await runSeed(strapi, {
    withDemoAdmins: process.env.NODE_ENV !== 'production',
    log: (line) => console.log(`[seed] ${line}`),
  });
});
