'use strict';
/**
 * Runs a task against a loaded (not listening) Strapi: compiles the TypeScript project to dist/
 * first, as `strapi start` would, and always shuts Strapi down. Cron and the auto-seed are off,
 * so a script never races the server it may run beside.
 */
const path = require('node:path');

async function withStrapi(task) {
  process.env.CRON_ENABLED = 'false';
  process.env.PPID_AUTO_SEED = 'false';
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  if (!process.env.LOG_LEVEL) process.env.LOG_LEVEL = 'warn';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const appDir = path.resolve(__dirname, '..');
  // PPID_SKIP_COMPILE=true reuses dist/ as it is (the test runner has just compiled it).
  const appContext =
    process.env.PPID_SKIP_COMPILE === 'true'
      ? { appDir, distDir: path.join(appDir, 'dist') }
      : await compileStrapi({ appDir });
  const strapi = await createStrapi(appContext).load();
  let code = 0;
  try {
    code = (await task(strapi, (mod) => require(path.join(/** @type {string} */ (appContext.distDir), 'src', mod)))) ?? 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    code = 1;
  } finally {
    await strapi.destroy();
  }
  process.exit(code);
}

module.exports = { withStrapi };
