'use strict';
/**
 * A second Strapi instance in its own process (forked by a test), on the database and settings of
 * the environment it is given: it answers IPC requests to sweep and to deliver, so a test can run
 * two instances against one PostgreSQL database at the same moment. Loaded from dist/, as the
 * test's own instance is.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '../..');

(async () => {
  const strapi = await createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false }).load();
  const { sweepTimers } = require(path.join(ROOT, 'dist/src/workflow/sweeper'));
  const { deliverNotices } = require(path.join(ROOT, 'dist/src/outbox/sender'));
  process.on('message', async (msg) => {
    try {
      if (msg.op === 'stop') {
        await strapi.destroy();
        process.send({ id: msg.id, result: null }, () => process.exit(0));
        return;
      }
      const now = new Date(msg.now);
      if (msg.op === 'reportDrafts') {
        const { ensureReportDrafts } = require(path.join(ROOT, 'dist/src/reports/drafts'));
        process.send({ id: msg.id, result: await ensureReportDrafts(strapi, now) });
        return;
      }
      const result = msg.op === 'sweep' ? await sweepTimers(strapi, now) : await deliverNotices(strapi, { now });
      process.send({ id: msg.id, result });
    } catch (error) {
      process.send({ id: msg.id, error: String(error && error.stack ? error.stack : error) });
    }
  });
  process.send({ ready: true });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
