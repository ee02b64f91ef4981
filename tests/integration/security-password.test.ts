/**
 * Issue #4: password policy on every route that sets an admin password, hashed history of the
 * last 5, and the periodic change (90-day expiry, 14-day warning, forced change behind the gate).
 */
import crypto from 'node:crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { referenceTotp } from '../helpers/reference-totp';
import { createAdmin as createAdminUser } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { ensureDemoAdmins } from '../../src/seed/demo-admins';

/* RFC 6238 codes from an implementation independent of speakeasy (tests/helpers/reference-totp.ts). */
const totp = referenceTotp;

let strapi: Core.Strapi;
let http: any;
const PASSWORD = 'Rendang-Daun-Singkong-9';
const ACCOUNT = 'api::akun-keamanan.akun-keamanan';
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  strapi = await setupStrapi();
  http = strapi.server.httpServer;
  strapi.config.set('admin.rateLimit', { enabled: false });
});
afterAll(teardownStrapi);

const refreshCookie = (res: request.Response): string | undefined =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('strapi_admin_refresh='));

const createAdmin = (roleCode = 'operator', names: { firstname?: string; lastname?: string } = {}) =>
  createAdminUser(strapi, roleCode, { firstname: 'Rina', lastname: 'Siregar', password: PASSWORD, ...names });

const login = (email: string, password = PASSWORD) => request(http).post('/admin/login').send({ email, password });

/** Logs in through enrollment; returns the session answer, the cookie and the TOTP secret. */
async function signIn(email: string) {
  const first = await login(email);
  const setup = await request(http).post('/admin/mfa/setup').send({ challengeToken: first.body.data.challengeToken });
  const secret = setup.body.data.secret;
  const verify = await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: totp(secret) });
  expect(verify.status).toBe(200);
  return { data: verify.body.data, cookie: (refreshCookie(verify) as string).split(';')[0], secret };
}

const hashOf = async (id: number) => (await strapi.db.query('admin::user').findOne({ where: { id } })).password;
const setChangedAt = (userId: number, daysAgo: number) =>
  strapi.db.query(ACCOUNT).update({ where: { userId }, data: { passwordChangedAt: new Date(Date.now() - daysAgo * DAY) } });

test('PUT /admin/users/me refuses short, common, personal and reused passwords with the reason, changing nothing', async () => {
  const user = await createAdmin();
  const { data, cookie } = await signIn(user.email);
  const before = await hashOf(user.id);
  const cases: [string, RegExp, string][] = [
    ['Kucing-Oren', /minimal 12 karakter \(saat ini 11 karakter\)/, 'TOO_SHORT'],
    ['Password1234', /terlalu umum/, 'COMMON'],
    ['Bismillah2024', /terlalu umum/, 'COMMON'],
    ['Siregar-Pulang-Kampung-1', /tidak boleh memuat nama.*"siregar"/, 'CONTAINS_PERSONAL'],
    [`Aa1-${user.email}`, /tidak boleh memuat nama.*alamat email/, 'CONTAINS_PERSONAL'],
    [PASSWORD, /tidak boleh sama dengan 5 kata sandi terakhir/, 'REUSED'],
  ];
  for (const [password, reason, code] of cases) {
    const res = await request(http)
      .put('/admin/users/me')
      .set('Authorization', `Bearer ${data.token}`)
      .send({ currentPassword: PASSWORD, password });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(reason);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: ['password'], code });
  }
  // Nothing changed: same hash, and the session (which Strapi ends on a password change) still works.
  expect(await hashOf(user.id)).toBe(before);
  expect((await request(http).get('/admin/users/me').set('Authorization', `Bearer ${data.token}`)).status).toBe(200);
  expect((await request(http).post('/admin/access-token').set('Cookie', cookie)).status).toBe(200);
  expect(await strapi.db.query('api::riwayat-alur.riwayat-alur').count({ where: { peristiwa: 'kata_sandi_diubah', aktorId: user.id } })).toBe(0);

  // A good one is accepted, recorded and audited.
  const changedBefore = (await strapi.db.query(ACCOUNT).findOne({ where: { userId: user.id } })).passwordChangedAt;
  const ok = await request(http)
    .put('/admin/users/me')
    .set('Authorization', `Bearer ${data.token}`)
    .send({ currentPassword: PASSWORD, password: 'Sawah-Hijau-Terbentang-7' });
  expect(ok.status).toBe(200);
  const account = await strapi.db.query(ACCOUNT).findOne({ where: { userId: user.id } });
  expect(account.passwordHistory).toHaveLength(2);
  expect(new Date(account.passwordChangedAt).getTime()).toBeGreaterThanOrEqual(new Date(changedBefore).getTime());
  const audit = await strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({ where: { peristiwa: 'kata_sandi_diubah', aktorId: user.id } });
  expect(audit).toHaveLength(1);
  expect(audit[0].ip).toBeTruthy();
});

test('the last 5 passwords are kept hashed and refused; an older one is allowed again', async () => {
  const user = await createAdmin();
  const service = strapi.service('admin::user');
  const next = ['Kopi-Solok-Pagi-1', 'Kopi-Solok-Pagi-2', 'Kopi-Solok-Pagi-3', 'Kopi-Solok-Pagi-4', 'Kopi-Solok-Pagi-5'];
  for (const pw of next) await service.updateById(user.id, { password: pw });
  const account = await strapi.db.query(ACCOUNT).findOne({ where: { userId: user.id } });
  expect(account.passwordHistory).toHaveLength(5);
  for (const h of account.passwordHistory) expect(h).toMatch(/^\$2[aby]\$/);
  expect(JSON.stringify(account)).not.toContain('Kopi-Solok');

  for (const reused of next) {
    await expect(service.updateById(user.id, { password: reused })).rejects.toThrow(/5 kata sandi terakhir/);
  }
  // The sixth-newest (the first password) has left the history.
  await expect(service.updateById(user.id, { password: PASSWORD })).resolves.toBeTruthy();
});

test('a super admin creating or updating a user gets the same policy (400 ValidationError, nothing changed)', async () => {
  const boss = await createAdmin('strapi-super-admin', { firstname: 'Kepala', lastname: 'Dinas' });
  const { data } = await signIn(boss.email);
  const auth = { Authorization: `Bearer ${data.token}` };
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'operator' } });

  const created = await request(http)
    .post('/admin/users')
    .set(auth)
    .send({ email: 'andi.baru@ppid.test', firstname: 'Andi', lastname: 'Baru', roles: [role.id], password: 'Qwerty123456' });
  expect(created.status).toBe(400);
  expect(created.body.error.message).toMatch(/terlalu umum/);
  expect(await strapi.db.query('admin::user').count({ where: { email: 'andi.baru@ppid.test' } })).toBe(0);

  const target = await createAdmin();
  const before = await hashOf(target.id);
  const personal = await request(http).put(`/admin/users/${target.id}`).set(auth).send({ password: 'Rina-Suka-Rendang-2024' });
  expect(personal.status).toBe(400);
  expect(personal.body.error.message).toMatch(/"rina"/);
  expect(await hashOf(target.id)).toBe(before);

  const ok = await request(http).put(`/admin/users/${target.id}`).set(auth).send({ password: 'Ombak-Pantai-Air-Manis-3' });
  expect(ok.status).toBe(200);
  const audit = await strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({ where: { peristiwa: 'kata_sandi_diubah', aktorId: boss.id } });
  expect(audit).toHaveLength(1);
  expect(audit[0].catatan).toMatch(/diubah oleh admin lain/);
});

test('the admin user service itself refuses (seed scripts, the admin:reset-user-password CLI)', async () => {
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'operator' } });
  await expect(
    strapi.service('admin::user').create({ email: 'lemah@ppid.test', firstname: 'Lemah', lastname: 'Sekali', password: 'pendek', isActive: true, roles: [role.id] }),
  ).rejects.toThrow(/minimal 12 karakter/);
  expect(await strapi.db.query('admin::user').count({ where: { email: 'lemah@ppid.test' } })).toBe(0);

  const user = await createAdmin();
  await expect(strapi.service('admin::user').resetPasswordByEmail(user.email, 'Indonesia1945')).rejects.toThrow(/terlalu umum/);
});

test('the demo seed password (Ppid-<16 random base64url chars>) passes the policy for every demo admin', async () => {
  const previous = process.env.PPID_DEMO_PASSWORD;
  process.env.PPID_DEMO_PASSWORD = `Ppid-${crypto.randomBytes(12).toString('base64url')}`;
  try {
    const created = await ensureDemoAdmins(strapi, () => {});
    expect(created).toContain('admin@ppid.test');
    expect(created.length).toBeGreaterThan(5);
  } finally {
    if (previous === undefined) delete process.env.PPID_DEMO_PASSWORD;
    else process.env.PPID_DEMO_PASSWORD = previous;
  }
});

test('an expired password must be changed through the challenge, after 2FA, before any session opens', async () => {
  const user = await createAdmin();
  const first = await signIn(user.email); // enrolled; has a session from before the expiry
  await setChangedAt(user.id, 91);

  // The old session cannot be refreshed past the expiry.
  const refresh = await request(http).post('/admin/access-token').set('Cookie', first.cookie);
  expect(refresh.status).toBe(401);
  expect(refresh.body.error.message).toMatch(/kedaluwarsa/);

  const step1 = await login(user.email);
  expect(step1.body.data.mfaRequired).toBe(true);
  // The 2FA challenge is not a password-change challenge.
  const wrongStage = await request(http).post('/admin/mfa/change-password').send({ challengeToken: step1.body.data.challengeToken, password: 'Hujan-Turun-Di-Bukittinggi-5' });
  expect(wrongStage.status).toBe(401);

  const step2 = await request(http)
    .post('/admin/mfa/verify')
    .send({ challengeToken: step1.body.data.challengeToken, code: totp(first.secret, Math.floor(Date.now() / 30_000) + 1) });
  expect(step2.status).toBe(200);
  expect(step2.body.data).toEqual({ passwordChangeRequired: true, challengeToken: expect.any(String), challengeExpiresAt: expect.any(String) });
  expect(refreshCookie(step2)).toBeUndefined();

  // Weak or reused: refused with the reason, the challenge stays usable.
  const reused = await request(http).post('/admin/mfa/change-password').send({ challengeToken: step2.body.data.challengeToken, password: PASSWORD });
  expect(reused.status).toBe(400);
  expect(reused.body.error.message).toMatch(/5 kata sandi terakhir/);
  expect(refreshCookie(reused)).toBeUndefined();

  // No composition rules: a long passphrase of plain words is fine.
  const done = await request(http).post('/admin/mfa/change-password').send({ challengeToken: step2.body.data.challengeToken, password: 'hujan turun di bukittinggi sore' });
  expect(done.status).toBe(200);
  expect(done.body.data).toMatchObject({ token: expect.any(String), user: { email: user.email }, passwordExpiryWarning: null });
  expect(Date.parse(done.body.data.passwordExpiresAt) - Date.now()).toBeGreaterThan(89 * DAY);
  expect(refreshCookie(done)).toBeDefined();
  expect((await login(user.email, 'hujan turun di bukittinggi sore')).body.data.mfaRequired).toBe(true);
  expect(await strapi.db.query('api::riwayat-alur.riwayat-alur').count({ where: { peristiwa: 'kata_sandi_diubah', aktorId: user.id } })).toBe(1);

  const again = await request(http).post('/admin/mfa/change-password').send({ challengeToken: step2.body.data.challengeToken, password: 'Lain-Lagi-Kata-Sandinya-8' });
  expect(again.status).toBe(401);
});

test('from 14 days before the expiry the login answer warns; 0 days = never expires', async () => {
  const user = await createAdmin();
  const { secret } = await signIn(user.email);
  await setChangedAt(user.id, 80);
  const step1 = await login(user.email);
  const res = await request(http)
    .post('/admin/mfa/verify')
    .send({ challengeToken: step1.body.data.challengeToken, code: totp(secret, Math.floor(Date.now() / 30_000) + 1) });
  expect(res.status).toBe(200);
  expect(res.body.data.passwordExpiryWarning).toMatch(/^Kata sandi Anda kedaluwarsa dalam 10 hari \(\d+ \w+ \d{4}\)/);
  expect(Math.round((Date.parse(res.body.data.passwordExpiresAt) - Date.now()) / DAY)).toBe(10);

  const saved = strapi.config.get('ppid.password.maxAgeDays');
  strapi.config.set('ppid.password.maxAgeDays', 0);
  try {
    const status = await request(http).get('/admin/mfa/me').set('Authorization', `Bearer ${res.body.data.token}`);
    expect(status.body.data).toMatchObject({ passwordExpiresAt: null, passwordExpiryWarning: null });
  } finally {
    strapi.config.set('ppid.password.maxAgeDays', saved);
  }
});

test('without 2FA for the role, an expired password still yields a change challenge instead of a session', async () => {
  const saved = strapi.config.get('ppid.mfa.requiredRoles');
  strapi.config.set('ppid.mfa.requiredRoles', ['strapi-super-admin']);
  try {
    const user = await createAdmin();
    const fresh = await login(user.email);
    expect(fresh.body.data).toMatchObject({ token: expect.any(String), passwordExpiryWarning: null });
    await setChangedAt(user.id, 100);
    const res = await login(user.email);
    expect(res.body.data).toMatchObject({ passwordChangeRequired: true });
    expect(res.body.data.token).toBeUndefined();
    expect(refreshCookie(res)).toBeUndefined();
    const done = await request(http).post('/admin/mfa/change-password').send({ challengeToken: res.body.data.challengeToken, password: 'Danau-Maninjau-Biru-Tenang' });
    expect(done.status).toBe(200);
    expect(refreshCookie(done)).toBeDefined();
  } finally {
    strapi.config.set('ppid.mfa.requiredRoles', saved);
  }
});
