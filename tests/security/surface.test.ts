/**
 * Issue #8, holes 4 and 6 (ASVS 5.0 V3 web frontend security, V6 authentication):
 * - no credentialed cross-origin access to the admin: the public site's origin gets CORS on the
 *   public /api routes only, without credentials; /admin, the plugins' admin API and /uploads give
 *   no Access-Control-Allow-Origin to any origin and never Allow-Credentials;
 * - a state-changing /admin request the browser marks as cross-origin is refused (fetch metadata);
 * - the refresh cookie is SameSite=Strict, httpOnly, Path=/admin;
 * - GET /admin/information only for the super admin; no X-Powered-By.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

const SITE = 'http://127.0.0.1:8080';
const FOREIGN = 'https://penyerang.example';
const PASSWORD = 'rumah-makan-padang-sejati';

let strapi: Core.Strapi;
let http: any;
let operator: any;
let operatorToken = '';
let superToken = '';

beforeAll(async () => {
  strapi = await setupStrapi({ ...TOKENS_WITHOUT_MFA, SITE_ORIGINS: SITE });
  http = strapi.server.httpServer;
  operator = await createAdmin(strapi, 'operator', { password: PASSWORD });
  operatorToken = await adminToken(strapi, operator.id);
  superToken = await adminToken(strapi, (await createAdmin(strapi, 'super-admin')).id);
});
afterAll(teardownStrapi);

const refreshCookieOf = (res: request.Response) =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('strapi_admin_refresh=')) ?? '';

async function signIn() {
  const res = await request(http).post('/admin/login').send({ email: operator.email, password: PASSWORD });
  expect(res.status).toBe(200);
  const cookie = refreshCookieOf(res);
  expect(cookie).not.toBe('');
  return cookie;
}

test('hole 4: the public site\'s origin gets no CORS answer from /admin/access-token, with or without a preflight', async () => {
  const cookie = (await signIn()).split(';')[0];
  const preflight = await request(http)
    .options('/admin/access-token')
    .set('Origin', SITE)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type');
  expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

  const refresh = await request(http).post('/admin/access-token').set('Origin', SITE).set('Cookie', cookie).send({});
  expect(refresh.headers['access-control-allow-origin']).toBeUndefined();
  expect(refresh.headers['access-control-allow-credentials']).toBeUndefined();
  expect(refresh.headers.vary).toMatch(/Origin/);
});

test('hole 4: the admin API, the plugins\' admin API and /uploads answer no origin; /api answers the site\'s origins without credentials', async () => {
  for (const origin of [SITE, FOREIGN, 'null']) {
    for (const [method, path] of [
      ['get', '/admin/users/me'],
      ['post', '/admin/login'],
      ['get', '/upload/files'],
      ['get', '/content-manager/init'],
      ['get', '/uploads/nothing.pdf'],
    ] as const) {
      const res = await (request(http) as any)[method](path).set('Origin', origin).set('Authorization', `Bearer ${superToken}`);
      expect({ path, origin, acao: res.headers['access-control-allow-origin'], acac: res.headers['access-control-allow-credentials'] }).toEqual({
        path,
        origin,
        acao: undefined,
        acac: undefined,
      });
    }
  }
  const api = await request(http).get('/api/dip-documents').set('Origin', SITE);
  expect(api.status).toBe(200);
  expect(api.headers['access-control-allow-origin']).toBe(SITE);
  expect(api.headers['access-control-allow-credentials']).toBeUndefined();
  const preflight = await request(http).options('/api/dip-documents').set('Origin', SITE).set('Access-Control-Request-Method', 'GET');
  expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
  expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
  // POST is listed for the site's request form; only its two endpoints give an origin to a POST.
  expect(preflight.headers['access-control-allow-methods']).toBe('GET,HEAD,OPTIONS,POST');
  const writePreflight = await request(http).options('/api/dip-documents').set('Origin', SITE).set('Access-Control-Request-Method', 'POST');
  expect(writePreflight.headers['access-control-allow-origin']).toBeUndefined();
  const formPreflight = await request(http).options('/api/permohonan-informasi').set('Origin', SITE).set('Access-Control-Request-Method', 'POST');
  expect(formPreflight.headers['access-control-allow-origin']).toBe(SITE);
  const foreign = await request(http).get('/api/dip-documents').set('Origin', FOREIGN);
  expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
});

test('a state-changing /admin request marked cross-origin by the browser is refused before it does anything', async () => {
  const cookie = (await signIn()).split(';')[0];
  const sessions = await strapi.db.query('admin::session').count();
  for (const site of ['same-site', 'cross-site']) {
    const res = await request(http).post('/admin/access-token').set('Sec-Fetch-Site', site).set('Origin', SITE).set('Cookie', cookie).send({});
    expect(res.status).toBe(403);
    expect(res.body.error.details.code).toBe('CROSS_ORIGIN_REFUSED');
    expect(refreshCookieOf(res)).toBe('');
    const loginRes = await request(http).post('/admin/login').set('Sec-Fetch-Site', site).send({ email: operator.email, password: PASSWORD });
    expect(loginRes.status).toBe(403);
  }
  expect(await strapi.db.query('admin::session').count()).toBe(sessions);
  // The panel itself (same origin) is unaffected.
  const own = await request(http).post('/admin/access-token').set('Sec-Fetch-Site', 'same-origin').set('Cookie', cookie).send({});
  expect(own.status).toBe(200);
  expect(own.body.data.token).toEqual(expect.any(String));
});

test('the refresh cookie is httpOnly, SameSite=Strict and scoped to /admin', async () => {
  const cookie = await signIn();
  expect(cookie).toMatch(/;\s*path=\/admin(;|$)/i);
  expect(cookie).toMatch(/;\s*httponly/i);
  expect(cookie).toMatch(/;\s*samesite=strict/i);
});

test('hole 6: GET /admin/information is for the super admin only', async () => {
  const editor = await request(http).get('/admin/information').set('Authorization', `Bearer ${operatorToken}`);
  expect(editor.status).toBe(403);
  expect(editor.body.error.message).toBe('Informasi sistem hanya dapat dilihat oleh super admin.');
  expect(JSON.stringify(editor.body)).not.toMatch(/strapiVersion|nodeVersion|dependencies/);
  expect((await request(http).get('/admin/information')).status).toBe(401);
  const boss = await request(http).get('/admin/information').set('Authorization', `Bearer ${superToken}`);
  expect(boss.status).toBe(200);
  expect(boss.body.data.strapiVersion).toEqual(expect.any(String));
});

test('no X-Powered-By anywhere', async () => {
  for (const path of ['/api/dip-documents', '/admin/auth/login', '/admin/information', '/uploads/nothing.pdf', '/_health']) {
    const res = await request(http).get(path);
    expect({ path, poweredBy: res.headers['x-powered-by'] }).toEqual({ path, poweredBy: undefined });
  }
});
