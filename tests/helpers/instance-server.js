'use strict';
/**
 * One Strapi instance as an operator runs it: its own process, listening on HOST/PORT of the
 * environment it is given (forked by tests/integration/multi-instance.test.ts, several of them on
 * one PostgreSQL database behind nginx). It stops on SIGTERM like `npm start` does (Strapi's
 * signal handler, then this project's graceful drain). Loaded from dist/.
 *
 * Test-only additions, never in the app: a slow route (`GET /_uji/lambat?ms=`) to have a request
 * in flight at SIGTERM, and IPC requests to run one tick of a cron task (`{ op: 'cron', name,
 * fireDate }`, answering whether this instance ran it) and to stop.
 */
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '../..');

(async () => {
  const strapi = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  await strapi.load();
  strapi.server.routes([
    {
      method: 'GET',
      path: '/_uji/lambat',
      handler: async (ctx) => {
        const ms = Math.min(Number(ctx.query.ms) || 1000, 60_000);
        await new Promise((resolve) => setTimeout(resolve, ms));
        ctx.body = { selesai: true, ms };
      },
      config: { auth: false },
    },
  ]);
  await strapi.listen();
  const { cronTasks } = require(path.join(ROOT, 'dist/src/cron'));
  process.on('message', async (msg) => {
    try {
      if (msg.op === 'stop') {
        await strapi.destroy();
        process.send({ id: msg.id, result: null }, () => process.exit(0));
        return;
      }
      if (msg.op === 'cron') {
        const ran = await cronTasks[msg.name].task({ strapi }, new Date(msg.fireDate));
        process.send({ id: msg.id, result: ran });
        return;
      }
      if (msg.op === 'createAdmin') {
        // As tests/helpers/admin.ts does it in-process.
        const role =
          msg.role === 'super-admin'
            ? await strapi.service('admin::role').getSuperAdmin()
            : await strapi.db.query('admin::role').findOne({ where: { code: msg.role } });
        if (!role) throw new Error(`no admin role with code ${msg.role}`);
        const user = await strapi.service('admin::user').create({
          email: msg.email, firstname: 'Uji', lastname: msg.role, password: msg.password, isActive: true, roles: [role.id],
        });
        process.send({ id: msg.id, result: { id: user.id, email: user.email } });
        return;
      }
      if (msg.op === 'token') {
        const sessions = strapi.sessionManager('admin');
        const { token: refreshToken } = await sessions.generateRefreshToken(String(msg.userId), `test-${msg.userId}`, { type: 'session' });
        const result = await sessions.generateAccessToken(refreshToken);
        if ('error' in result) throw new Error(`could not mint admin token: ${result.error}`);
        process.send({ id: msg.id, result: result.token });
        return;
      }
      if (msg.op === 'createDocument') {
        const doc = await strapi.documents(msg.uid).create({ locale: msg.locale, data: msg.data });
        process.send({ id: msg.id, result: { documentId: doc.documentId } });
        return;
      }
      throw new Error(`unknown op ${msg.op}`);
    } catch (error) {
      process.send({ id: msg.id, error: String(error && error.stack ? error.stack : error) });
    }
  });
  process.send({ ready: true, port: strapi.config.get('server.port') });
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
