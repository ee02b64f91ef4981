#!/usr/bin/env node
'use strict';
/** `npm run audit:verify`: walk the audit trail's hash chain; exit 1 at the first tampered event. */
const { withStrapi } = require('./with-strapi');

withStrapi(async (strapi, load) => {
  const { verifyAuditTrail } = load('audit/trail');
  const result = await verifyAuditTrail(strapi);
  if (result.ok) {
    console.log(`Jejak audit utuh: ${result.count} peristiwa diperiksa, rantai hash cocok.`);
    return 0;
  }
  console.error(`Jejak audit RUSAK pada peristiwa #${result.seq}: ${result.reason}. ${result.count} peristiwa sebelumnya utuh.`);
  return 1;
});
