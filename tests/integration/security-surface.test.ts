/**
 * Issue #4, transport and surface: strict headers and CSP on the API and the admin, content-API
 * registration off, the hidden security types out of reach, the sign-in page CSP-clean.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
let http: any;
beforeAll(async () => {
  strapi = await setupStrapi();
  http = strapi.server.httpServer;
});
afterAll(teardownStrapi);

const directives = (header: string) =>
  Object.fromEntries(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values];
      }),
  ) as Record<string, string[]>;

test('the content API answers with strict security headers and CSP', async () => {
  const res = await request(http).get('/api/dip-documents');
  const csp = directives(res.headers['content-security-policy']);
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['script-src']).toEqual(["'self'"]);
  expect(csp['connect-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['base-uri']).toEqual(["'self'"]);
  expect(csp['form-action']).toEqual(["'self'"]);
  expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000; includeSubDomains/);
  expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers['permissions-policy']).toMatch(/camera=\(\)/);
  expect(res.headers['x-powered-by']).toBeUndefined();
});

test('the Indonesian sign-in page is served on /admin/auth/login with the CSP and no inline script', async () => {
  for (const path of ['/admin/auth/login', '/admin/auth/register-admin', '/admin/auth/register', '/admin/auth/reset-password']) {
    const res = await request(http).get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("object-src 'none'");
    expect(res.text).toContain('<html lang="id">');
    expect(res.text).toContain('Verifikasi dua langkah');
    // Every executable script is a file from 'self'; the only inline one is inert JSON.
    const scripts = res.text.match(/<script[^>]*>/g) ?? [];
    for (const tag of scripts) expect(tag).toMatch(/src="\/admin\/ppid-auth\/|type="application\/json"/);
    expect(res.text).not.toMatch(/\son[a-z]+=/i);
  }
  const js = await request(http).get('/admin/ppid-auth/masuk.js');
  expect(js.status).toBe(200);
  expect(js.headers['content-type']).toMatch(/javascript/);
  expect(js.text).toMatch(/["']\/mfa\/verify["']/);
  // The hand-over to this page now lives inside the SPA (src/admin/auth-handover.ts).
  expect((await request(http).get('/admin/ppid-auth/penjaga.js')).status).not.toBe(200);
});

test('content-API registration is off: the public cannot register users', async () => {
  const res = await request(http)
    .post('/api/auth/local/register')
    .send({ username: 'penyusup', email: 'penyusup@contoh.id', password: 'Sangat-Rahasia-Sekali-1' });
  expect([400, 403]).toContain(res.status);
  expect(res.body.jwt).toBeUndefined();
  expect(await strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  const advanced: any = await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' });
  expect(advanced.allow_register).toBe(false);
  const publicRole = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' }, populate: ['permissions'] });
  expect(publicRole.permissions.map((p: any) => p.action)).not.toContain('plugin::users-permissions.auth.register');
});

test('2FA state and challenges are not reachable through the content API or the Document Service', async () => {
  expect((await request(http).get('/api/akun-keamanans')).status).toBe(404);
  expect((await request(http).get('/api/tantangan-masuks')).status).toBe(404);
  await expect(strapi.documents('api::akun-keamanan.akun-keamanan' as any).findMany()).rejects.toThrow(/dikelola oleh sistem/);
  await expect(strapi.documents('api::akun-keamanan.akun-keamanan' as any).update({ documentId: 'x', data: {} } as any)).rejects.toThrow(/dikelola oleh sistem/);
  const ct: any = strapi.contentType('api::akun-keamanan.akun-keamanan' as any);
  expect(ct.pluginOptions['content-manager'].visible).toBe(false);
});

test('the session routes refuse malformed device parameters like Strapi does', async () => {
  const res = await request(http).post('/admin/login').send({ email: 'a@b.id', password: 'x', deviceId: 'bukan-uuid' });
  expect(res.status).toBe(400);
  expect(res.body.error.name).toBe('ValidationError');
});
