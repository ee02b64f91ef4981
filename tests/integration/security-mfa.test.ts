/**
 * Issue #4: no admin session before the second factor. Every session-opening route answers with a
 * challenge; enrollment, codes, replay, brute force, recovery codes, resets, refresh tokens.
 * TOTP codes come from an independent RFC 6238 implementation (node:crypto), not speakeasy.
 */
import crypto from 'node:crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { referenceTotp } from '../helpers/reference-totp';
import { createAdmin as createAdminUser } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

/* RFC 6238 codes from an implementation independent of speakeasy (tests/helpers/reference-totp.ts). */
const totpAt = referenceTotp;
const stepNow = () => Math.floor(Date.now() / 30_000);

/** Per-secret last used step: each new code comes from a newer step, as in real life. */
const usedSteps = new Map<string, number>();
async function nextCode(secret: string): Promise<string> {
  let step = Math.max(stepNow(), (usedSteps.get(secret) ?? 0) + 1);
  while (step > stepNow() + 1) {
    await new Promise((r) => setTimeout(r, 1000));
    step = Math.max(stepNow(), (usedSteps.get(secret) ?? 0) + 1);
  }
  usedSteps.set(secret, step);
  return totpAt(secret, step);
}
/** A code that is certainly wrong for every step in the window. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((d) => totpAt(secret, stepNow() + d)));
  let c = 0;
  while (valid.has(String(c).padStart(6, '0'))) c++;
  return String(c).padStart(6, '0');
}

/* ----------------------------------------- setup ----------------------------------------- */
let strapi: Core.Strapi;
let http: any;
let n = 0;
const PASSWORD = 'rumah-makan-padang-sejati';

beforeAll(async () => {
  strapi = await setupStrapi();
  http = strapi.server.httpServer;
  strapi.config.set('admin.rateLimit', { enabled: false });
});
afterAll(teardownStrapi);

const refreshCookie = (res: request.Response): string | undefined =>
  ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('strapi_admin_refresh='));

const createAdmin = (roleCode = 'operator', password = PASSWORD) =>
  createAdminUser(strapi, roleCode, { firstname: 'Pengguna', lastname: `Nomor${++n}`, password });

const login = (email: string, password = PASSWORD) => request(http).post('/admin/login').send({ email, password });

/** Login + enrollment; returns the secret, the session answer and the refresh cookie. */
async function enroll(email: string) {
  const first = await login(email);
  expect(first.body.data).toMatchObject({ mfaRequired: true, enrollmentRequired: true });
  const setup = await request(http).post('/admin/mfa/setup').send({ challengeToken: first.body.data.challengeToken });
  expect(setup.status).toBe(200);
  const secret: string = setup.body.data.secret;
  const verify = await request(http)
    .post('/admin/mfa/verify')
    .send({ challengeToken: first.body.data.challengeToken, code: await nextCode(secret) });
  expect(verify.status).toBe(200);
  return { secret, answer: verify.body.data, cookie: refreshCookie(verify) as string };
}

async function loginWithCode(email: string, secret: string) {
  const first = await login(email);
  expect(first.body.data.mfaRequired).toBe(true);
  return request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: await nextCode(secret) });
}

const auditEvents = (peristiwa: string, aktorId?: number) =>
  strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({
    where: { kategori: 'keamanan', peristiwa, ...(aktorId ? { aktorId } : {}) },
    orderBy: { seq: 'asc' },
  });

/* ----------------------------------------- tests ----------------------------------------- */

test('register-admin (first super admin) opens no session: weak password refused, then a challenge, then enrollment', async () => {
  const weak = await request(http)
    .post('/admin/register-admin')
    .send({ email: 'kepala@ppid.test', firstname: 'Budi', lastname: 'Santoso', password: 'Budi12345678' });
  expect(weak.status).toBe(400);
  expect(weak.body.error.name).toBe('ValidationError');
  expect(weak.body.error.message).toMatch(/nama, nama pengguna, atau alamat email/);
  expect(await strapi.db.query('admin::user').count()).toBe(0);

  const res = await request(http)
    .post('/admin/register-admin')
    .send({ email: 'kepala@ppid.test', firstname: 'Budi', lastname: 'Santoso', password: PASSWORD });
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({
    mfaRequired: true,
    enrollmentRequired: true,
    challengeToken: expect.any(String),
    challengeExpiresAt: expect.any(String),
  });
  expect(res.body.data.token).toBeUndefined();
  expect(refreshCookie(res)).toBeUndefined();
  expect(await strapi.db.query('admin::session').count()).toBe(0);

  const setup = await request(http).post('/admin/mfa/setup').send({ challengeToken: res.body.data.challengeToken });
  expect(setup.status).toBe(200);
  const { otpauthUrl, secret, qrCodeDataUrl } = setup.body.data;
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/PPID(:|%3A)kepala(@|%40)ppid\.test\?/);
  expect(otpauthUrl).toContain('issuer=PPID');
  expect(otpauthUrl).toContain(`secret=${secret}`);
  expect(qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

  // Enrollment completes only with a valid code.
  const bad = await request(http).post('/admin/mfa/verify').send({ challengeToken: res.body.data.challengeToken, code: wrongCode(secret) });
  expect(bad.status).toBe(400);
  expect(refreshCookie(bad)).toBeUndefined();

  const ok = await request(http).post('/admin/mfa/verify').send({ challengeToken: res.body.data.challengeToken, code: await nextCode(secret) });
  expect(ok.status).toBe(200);
  expect(ok.body.data).toMatchObject({ token: expect.any(String), user: { email: 'kepala@ppid.test' } });
  expect(ok.body.data.recoveryCodes).toHaveLength(10);
  expect(new Set(ok.body.data.recoveryCodes).size).toBe(10);
  const cookie = refreshCookie(ok) as string;
  expect(cookie).toMatch(/path=\/admin/i);
  expect(cookie).toMatch(/httponly/i);
  expect(cookie).toMatch(/samesite=strict/i);

  // The TOTP secret is sealed at rest (AES-256-GCM envelope), recovery codes are only hashes.
  const user = await strapi.db.query('admin::user').findOne({ where: { email: 'kepala@ppid.test' } });
  const row = await strapi.db.query('api::akun-keamanan.akun-keamanan').findOne({ where: { userId: user.id } });
  expect(row.totpEnabled).toBe(true);
  expect(row.totpSecret).toMatch(/^v1:/);
  expect(row.totpSecret).not.toContain(secret);
  const hashes = JSON.parse(row.recoveryCodeHashes);
  expect(hashes).toHaveLength(10);
  for (const code of ok.body.data.recoveryCodes) expect(row.recoveryCodeHashes).not.toContain(code);

  expect(await auditEvents('mfa_didaftarkan', user.id)).toHaveLength(1);
});

test('login without the code gets no token and no cookie; with the code it gets Strapi\'s normal answer', async () => {
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);

  const first = await login(admin.email);
  expect(first.status).toBe(200);
  expect(first.body.data).toEqual({
    mfaRequired: true,
    enrollmentRequired: false,
    challengeToken: expect.any(String),
    challengeExpiresAt: expect.any(String),
  });
  expect(refreshCookie(first)).toBeUndefined();
  expect(first.headers['set-cookie']).toBeUndefined();

  // Without a code, with an empty or malformed code: still nothing.
  for (const body of [{}, { code: '' }, { code: '12345' }, { code: 'abcdef' }]) {
    const res = await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, ...body });
    expect(res.status).toBe(400);
    expect(refreshCookie(res)).toBeUndefined();
    expect(res.body.data).toBeNull();
  }

  const ok = await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: await nextCode(secret) });
  expect(ok.status).toBe(200);
  expect(Object.keys(ok.body.data).sort()).toEqual(['accessToken', 'passwordExpiresAt', 'passwordExpiryWarning', 'token', 'user']);
  expect(refreshCookie(ok)).toBeDefined();
  const me = await request(http).get('/admin/users/me').set('Authorization', `Bearer ${ok.body.data.token}`);
  expect(me.status).toBe(200);
  expect(me.body.data.email).toBe(admin.email);

  // The challenge worked once.
  const again = await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: totpAt(secret, stepNow()) });
  expect(again.status).toBe(401);
  expect(again.body.error.details.code).toBe('CHALLENGE_INVALID');
  expect(refreshCookie(again)).toBeUndefined();
});

test('wrong password: refused in Indonesian and audited as a failed login', async () => {
  const admin = await createAdmin();
  const res = await login(admin.email, 'bukan-kata-sandinya-sama-sekali');
  expect(res.status).toBe(400);
  expect(res.body.error.message).toBe('Email atau kata sandi salah.');
  expect(refreshCookie(res)).toBeUndefined();
  const events = await strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({ where: { peristiwa: 'masuk_gagal', aktorEmail: admin.email } });
  expect(events).toHaveLength(1);
  expect(events[0].ip).toBeTruthy();
  expect(events[0].waktu).toBeTruthy();
});

test('challenge tokens expire after 5 minutes and are stored only as hashes', async () => {
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);
  const first = await login(admin.email);
  const token: string = first.body.data.challengeToken;
  const expiresIn = Date.parse(first.body.data.challengeExpiresAt) - Date.now();
  expect(expiresIn).toBeGreaterThan(4.5 * 60_000);
  expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);

  const rows = await strapi.db.query('api::akun-keamanan.tantangan-masuk').findMany({ where: { userId: admin.id } });
  for (const row of rows) expect(row.tokenHash).not.toBe(token);
  const hash = crypto.createHash('sha256').update(token).digest('hex');
  // Five minutes later:
  await strapi.db.query('api::akun-keamanan.tantangan-masuk').update({ where: { tokenHash: hash }, data: { kedaluwarsa: new Date(Date.now() - 1000) } });
  const res = await request(http).post('/admin/mfa/verify').send({ challengeToken: token, code: await nextCode(secret) });
  expect(res.status).toBe(401);
  expect(res.body.error.message).toMatch(/kedaluwarsa/);
  expect(refreshCookie(res)).toBeUndefined();

  const forged = await request(http).post('/admin/mfa/verify').send({ challengeToken: crypto.randomBytes(32).toString('base64url'), code: '123456' });
  expect(forged.status).toBe(401);
});

test('access-token refresh is no way around the gate', async () => {
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);
  const first = await login(admin.email);

  // No cookie after the password alone, so nothing to refresh with.
  const none = await request(http).post('/admin/access-token');
  expect(none.status).toBe(401);
  // Neither the challenge token nor a forged value is a refresh token.
  for (const value of [first.body.data.challengeToken, 'eyJhbGciOiJIUzI1NiJ9.e30.x']) {
    const res = await request(http).post('/admin/access-token').set('Cookie', `strapi_admin_refresh=${value}`);
    expect(res.status).toBe(401);
  }

  // After 2FA the cookie refreshes as in stock Strapi.
  const ok = await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code: await nextCode(secret) });
  const cookie = (refreshCookie(ok) as string).split(';')[0];
  const refreshed = await request(http).post('/admin/access-token').set('Cookie', cookie);
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.data.token).toEqual(expect.any(String));

  // Nothing else creates an admin session for an account that owes a second factor.
  await expect(strapi.sessionManager('admin').generateRefreshToken(String(admin.id), crypto.randomUUID(), { type: 'session' })).rejects.toThrow(
    /verifikasi dua langkah/,
  );
});

test('reset-password and invitation register are held behind the same gate', async () => {
  // Password reset: the new password is saved, but the answer is a challenge, not a session.
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);
  await strapi.service('admin::user').updateById(admin.id, {
    resetPasswordToken: 'tautan-reset-uji',
    resetPasswordTokenExpiresAt: new Date(Date.now() + 3600_000),
  });
  const weak = await request(http).post('/admin/reset-password').send({ resetPasswordToken: 'tautan-reset-uji', password: 'password1234' });
  expect(weak.status).toBe(400);
  expect(weak.body.error.name).toBe('ValidationError');
  expect(weak.body.error.message).toMatch(/terlalu umum/);

  const reset = await request(http).post('/admin/reset-password').send({ resetPasswordToken: 'tautan-reset-uji', password: 'jembatan-siti-nurbaya-tua' });
  expect(reset.status).toBe(200);
  expect(reset.body.data).toMatchObject({ mfaRequired: true, enrollmentRequired: false, challengeToken: expect.any(String) });
  expect(reset.body.data.token).toBeUndefined();
  expect(refreshCookie(reset)).toBeUndefined();
  const verify = await request(http).post('/admin/mfa/verify').send({ challengeToken: reset.body.data.challengeToken, code: await nextCode(secret) });
  expect(verify.status).toBe(200);
  expect(refreshCookie(verify)).toBeDefined();
  expect((await login(admin.email, 'jembatan-siti-nurbaya-tua')).body.data.mfaRequired).toBe(true);

  // Accepting an invitation: the account is activated, the session waits for enrollment.
  const role = await strapi.db.query('admin::role').findOne({ where: { code: 'operator' } });
  const invited = await strapi.service('admin::user').create({ email: 'undangan@ppid.test', firstname: 'Tamu', lastname: 'Undangan', roles: [role.id] });
  const registration = await request(http)
    .post('/admin/register')
    .send({ registrationToken: invited.registrationToken, userInfo: { firstname: 'Tamu', lastname: 'Undangan', password: 'gunung-marapi-berkabut-pagi' } });
  expect(registration.status).toBe(200);
  expect(registration.body.data).toMatchObject({ mfaRequired: true, enrollmentRequired: true });
  expect(refreshCookie(registration)).toBeUndefined();
  const active = await strapi.db.query('admin::user').findOne({ where: { id: invited.id } });
  expect(active.isActive).toBe(true);
  expect(await strapi.db.query('admin::session').count({ where: { userId: String(invited.id) } })).toBe(0);
});

test('a code is accepted once: replay refused', async () => {
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);
  const first = await login(admin.email);
  const code = await nextCode(secret);
  expect((await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, code })).status).toBe(200);

  const second = await login(admin.email);
  const replay = await request(http).post('/admin/mfa/verify').send({ challengeToken: second.body.data.challengeToken, code });
  expect(replay.status).toBe(400);
  expect(replay.body.error.message).toMatch(/sudah pernah dipakai/);
  expect(replay.body.error.details.code).toBe('MFA_REPLAYED');
  expect(refreshCookie(replay)).toBeUndefined();
});

test('brute force: 5 wrong codes lock 2FA for 15 minutes with a clear message and an audit event', async () => {
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);
  const first = await login(admin.email);
  const challengeToken = first.body.data.challengeToken;
  for (let i = 1; i <= 4; i++) {
    const res = await request(http).post('/admin/mfa/verify').send({ challengeToken, code: wrongCode(secret) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ code: 'MFA_INVALID', attemptsLeft: 5 - i });
  }
  const fifth = await request(http).post('/admin/mfa/verify').send({ challengeToken, code: wrongCode(secret) });
  expect(fifth.status).toBe(429);
  expect(fifth.body.error.message).toMatch(/dikunci sementara.*Coba lagi dalam 15 menit/);

  // Locked: even the right code is refused, and a new login says so at once.
  const again = await login(admin.email);
  expect(again.status).toBe(429);
  expect(again.body.error.details.code).toBe('MFA_LOCKED');
  const right = await request(http).post('/admin/mfa/verify').send({ challengeToken, code: totpAt(secret, stepNow()) });
  expect(right.status).toBeGreaterThanOrEqual(400);
  expect(refreshCookie(right)).toBeUndefined();

  const locked = await auditEvents('mfa_dikunci', admin.id);
  expect(locked).toHaveLength(1);
  expect(locked[0].ip).toBeTruthy();
  expect((await strapi.db.query('api::riwayat-alur.riwayat-alur').findMany({ where: { peristiwa: 'masuk_gagal', aktorId: admin.id } })).length).toBe(5);

  // Fifteen minutes later the lock is over.
  await strapi.db.query('api::akun-keamanan.akun-keamanan').update({ where: { userId: admin.id }, data: { mfaLockedUntil: new Date(Date.now() - 1000) } });
  const after = await loginWithCode(admin.email, secret);
  expect(after.status).toBe(200);
  expect(refreshCookie(after)).toBeDefined();
});

test('parallel guessing cannot try more than 5 codes per lock', async () => {
  const admin = await createAdmin();
  const { secret } = await enroll(admin.email);
  const first = await login(admin.email);
  const challengeToken = first.body.data.challengeToken;
  const results = await Promise.all(
    Array.from({ length: 12 }, () => request(http).post('/admin/mfa/verify').send({ challengeToken, code: wrongCode(secret) })),
  );
  const statuses = results.map((r) => r.status).sort();
  // Four wrong answers, the fifth locks; the rest meet the lock (429) or the voided challenge (401).
  expect(statuses.filter((s) => s === 400)).toHaveLength(4);
  expect(statuses.filter((s) => s === 429 || s === 401)).toHaveLength(8);
  expect(statuses).toContain(429);
  expect(await auditEvents('mfa_dikunci', admin.id)).toHaveLength(1);
  expect(await strapi.db.query('api::riwayat-alur.riwayat-alur').count({ where: { peristiwa: 'masuk_gagal', aktorId: admin.id } })).toBe(5);
  const account = await strapi.db.query('api::akun-keamanan.akun-keamanan').findOne({ where: { userId: admin.id } });
  expect(Date.parse(account.mfaLockedUntil)).toBeGreaterThan(Date.now() + 14 * 60_000);
});

test('recovery codes work once; regenerating them voids the old set', async () => {
  const admin = await createAdmin();
  const { secret, answer } = await enroll(admin.email);
  const [code1, code2] = answer.recoveryCodes as string[];

  const first = await login(admin.email);
  const used = await request(http).post('/admin/mfa/verify').send({ challengeToken: first.body.data.challengeToken, recoveryCode: code1.toUpperCase() });
  expect(used.status).toBe(200);
  expect(used.body.data.recoveryCodesRemaining).toBe(9);
  expect(refreshCookie(used)).toBeDefined();
  const event = await auditEvents('kode_pemulihan_dipakai', admin.id);
  expect(event).toHaveLength(1);
  expect(event[0].catatan).toMatch(/sisa kode pemulihan: 9/);

  const second = await login(admin.email);
  const reuse = await request(http).post('/admin/mfa/verify').send({ challengeToken: second.body.data.challengeToken, recoveryCode: code1 });
  expect(reuse.status).toBe(400);
  expect(reuse.body.error.details.code).toBe('RECOVERY_INVALID');

  // Regenerate (needs a fresh authenticator code) → old codes void, 10 new ones.
  const token = used.body.data.token;
  const regen = await request(http).post('/admin/mfa/me/recovery-codes').set('Authorization', `Bearer ${token}`).send({ code: await nextCode(secret) });
  expect(regen.status).toBe(200);
  expect(regen.body.data.recoveryCodes).toHaveLength(10);
  expect(await auditEvents('kode_pemulihan_dibuat_ulang', admin.id)).toHaveLength(1);

  const third = await login(admin.email);
  const old = await request(http).post('/admin/mfa/verify').send({ challengeToken: third.body.data.challengeToken, recoveryCode: code2 });
  expect(old.status).toBe(400);
  const fresh = await request(http).post('/admin/mfa/verify').send({ challengeToken: third.body.data.challengeToken, recoveryCode: regen.body.data.recoveryCodes[0] });
  expect(fresh.status).toBe(200);
});

test('a super admin resets another user\'s 2FA (audited); nobody turns off their own', async () => {
  const boss = await createAdmin('strapi-super-admin');
  const bossLogin = await enroll(boss.email);
  const bossToken = bossLogin.answer.token;
  const operator = await createAdmin('operator');
  const op = await enroll(operator.email);

  // The operator cannot disable their own 2FA (role requires it), nor reset anyone's.
  const disable = await request(http).post('/admin/mfa/me/disable').set('Authorization', `Bearer ${op.answer.token}`).send({ code: await nextCode(op.secret) });
  expect(disable.status).toBe(403);
  expect(disable.body.error.message).toMatch(/wajib untuk peran Anda/);
  const notAllowed = await request(http).post(`/admin/mfa/users/${boss.id}/reset`).set('Authorization', `Bearer ${op.answer.token}`);
  expect(notAllowed.status).toBe(403);
  // A super admin cannot reset their own either.
  const self = await request(http).post(`/admin/mfa/users/${boss.id}/reset`).set('Authorization', `Bearer ${bossToken}`);
  expect(self.status).toBe(403);
  // Status endpoint.
  const status = await request(http).get('/admin/mfa/me').set('Authorization', `Bearer ${op.answer.token}`);
  expect(status.body.data).toMatchObject({ enabled: true, required: true, recoveryCodesRemaining: 10 });

  const reset = await request(http).post(`/admin/mfa/users/${operator.id}/reset`).set('Authorization', `Bearer ${bossToken}`);
  expect(reset.status).toBe(200);
  const events = await auditEvents('mfa_direset', boss.id);
  expect(events).toHaveLength(1);
  expect(events[0].catatan).toContain(operator.email);

  // The operator's sessions are gone (refresh refused) and the next login enrolls again.
  const refresh = await request(http).post('/admin/access-token').set('Cookie', op.cookie.split(';')[0]);
  expect(refresh.status).toBe(401);
  const next = await login(operator.email);
  expect(next.body.data).toMatchObject({ mfaRequired: true, enrollmentRequired: true });
  // The old secret is useless now.
  await request(http).post('/admin/mfa/setup').send({ challengeToken: next.body.data.challengeToken });
  const oldSecret = await request(http).post('/admin/mfa/verify').send({ challengeToken: next.body.data.challengeToken, code: totpAt(op.secret, stepNow()) });
  expect(oldSecret.status).toBe(400);
});

test('2FA can be limited to some roles (ppid.mfa.requiredRoles); a voluntarily enabled 2FA still applies', async () => {
  const saved = strapi.config.get('ppid.mfa.requiredRoles');
  strapi.config.set('ppid.mfa.requiredRoles', ['strapi-super-admin']);
  try {
    const operator = await createAdmin('operator');
    const direct = await login(operator.email);
    expect(direct.status).toBe(200);
    expect(direct.body.data.token).toEqual(expect.any(String));
    expect(refreshCookie(direct)).toBeDefined();
    const token = direct.body.data.token;

    // Opt in, then 2FA applies to this operator; turning it off again needs a code.
    const setup = await request(http).post('/admin/mfa/me/setup').set('Authorization', `Bearer ${token}`);
    const secret = setup.body.data.secret;
    const enable = await request(http).post('/admin/mfa/me/enable').set('Authorization', `Bearer ${token}`).send({ code: await nextCode(secret) });
    expect(enable.status).toBe(200);
    expect(enable.body.data.recoveryCodes).toHaveLength(10);
    expect((await login(operator.email)).body.data.mfaRequired).toBe(true);
    const off = await request(http).post('/admin/mfa/me/disable').set('Authorization', `Bearer ${token}`).send({ code: await nextCode(secret) });
    expect(off.status).toBe(200);
    expect(await auditEvents('mfa_dinonaktifkan', operator.id)).toHaveLength(1);

    const boss = await createAdmin('strapi-super-admin');
    expect((await login(boss.email)).body.data.mfaRequired).toBe(true);
  } finally {
    strapi.config.set('ppid.mfa.requiredRoles', saved);
  }
});

test('successful logins are audited with the method and IP', async () => {
  const admin = await createAdmin();
  await enroll(admin.email);
  const events = await auditEvents('masuk_berhasil', admin.id);
  expect(events).toHaveLength(1);
  expect(events[0].catatan).toMatch(/TOTP/);
  expect(events[0].ip).toBeTruthy();
});

test('the replaced /admin/login keeps Strapi\'s rate limit', async () => {
  strapi.config.set('admin.rateLimit', { enabled: true });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login('tidak.ada@ppid.test', 'salah-salah-salah-salah')).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses[5]).toBe(429);
  } finally {
    strapi.config.set('admin.rateLimit', { enabled: false });
  }
});
