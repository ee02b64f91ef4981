/**
 * Issue #8, hole 3 (ASVS 5.0 V6 authentication): the login rate limit cannot be sidestepped by
 * spelling the e-mail differently. After 5 wrong passwords for operator@ppid.test, the probe's
 * variants (leading/trailing spaces, tab, newline, upper case, fullwidth letters) are the same
 * identity and stay limited, so the correct password does not get through; look-alikes from other
 * alphabets (Cyrillic "о") are refused before anything is checked. Nothing changes on a refusal:
 * no challenge, no session, no audit event.
 */
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createAdmin } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

const PASSWORD = 'rumah-makan-padang-sejati';
const CHALLENGE = 'api::akun-keamanan.tantangan-masuk';
const AUDIT = 'api::riwayat-alur.riwayat-alur';

let strapi: Core.Strapi;
let http: any;

beforeAll(async () => {
  strapi = await setupStrapi();
  http = strapi.server.httpServer;
  await createAdmin(strapi, 'operator', { email: 'operator@ppid.test', password: PASSWORD });
  await createAdmin(strapi, 'kepala-bidang', { email: 'kepala-bidang@ppid.test', password: PASSWORD });
});
afterAll(teardownStrapi);

const login = (email: string, password = PASSWORD) => request(http).post('/admin/login').send({ email, password });
const state = async () => ({
  challenges: await strapi.db.query(CHALLENGE).count(),
  sessions: await strapi.db.query('admin::session').count(),
  audit: await strapi.db.query(AUDIT).count(),
});

test('the same account however it is typed: the 2FA challenge and the audit record see one identity', async () => {
  for (const typed of ['  Kepala-Bidang@PPID.test\t', 'ｋｅｐａｌａ-ｂｉｄａｎｇ＠ｐｐｉｄ．ｔｅｓｔ']) {
    const ok = await login(typed);
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ mfaRequired: true, challengeToken: expect.any(String) });
  }
  const wrong = await login('\nKEPALA-BIDANG@ppid.test ', 'salah-sekali-kata-sandinya');
  expect(wrong.status).toBe(400);
  const events = await strapi.db.query(AUDIT).findMany({ where: { peristiwa: 'masuk_gagal' }, orderBy: { seq: 'desc' }, limit: 1 });
  expect(events[0].aktorEmail).toBe('kepala-bidang@ppid.test');
});

test('hole 3: after 5 wrong passwords, the probe\'s variants get no fresh tries and the right password is refused', async () => {
  for (let i = 0; i < 5; i++) {
    const res = await login('operator@ppid.test', `salah-${i}-kata-sandi-ini`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('INVALID_CREDENTIALS');
  }
  const before = await state();
  for (const typed of [
    'operator@ppid.test',
    ' operator@ppid.test',
    'operator@ppid.test ',
    'operator@ppid.test\n',
    '\toperator@ppid.test',
    'operator@ppid.test\r\n',
    'OPERATOR@PPID.TEST',
    'Operator@ppid.test',
    '\u00a0operator@ppid.test', // no-break space
    'ｏｐｅｒａｔｏｒ@ppid.test', // fullwidth letters
  ]) {
    const res = await login(typed);
    expect({ typed, status: res.status, name: res.body.error?.name }).toEqual({ typed, status: 429, name: 'RateLimitError' });
    expect(res.body.data?.challengeToken).toBeUndefined();
  }
  // Look-alikes from another alphabet: refused before the password is looked at.
  for (const typed of ['operatоr@ppid.test' /* Cyrillic о */, 'οperator@ppid.test' /* Greek ο */, 'oper\u200bator@ppid.test']) {
    const res = await login(typed);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('EMAIL_NOT_ASCII');
    expect(res.body.error.message).toMatch(/hanya boleh memuat huruf Latin biasa/);
  }
  expect(await state()).toEqual(before);
});

test('the limit is Strapi\'s own route middleware, and the e-mail is normalised in front of it', () => {
  const routes = Object.values((strapi as any).admin.routes as Record<string, { routes: any[] }>).flatMap((r) => r.routes);
  const loginRoute = routes.find((r) => r.method === 'POST' && r.path === '/login');
  const middlewares = loginRoute.config.middlewares;
  const normaliser = middlewares.findIndex((m: unknown) => typeof m === 'function' && (m as { name: string }).name === 'normalizeLoginEmail');
  expect(normaliser).toBeGreaterThanOrEqual(0);
  expect(middlewares.indexOf('admin::rateLimit')).toBeGreaterThan(normaliser);
});
