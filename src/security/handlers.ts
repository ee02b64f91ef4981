/**
 * HTTP handlers of the gate. Strapi's `login`, `register-admin`, `register` and `reset-password`
 * handlers are replaced by these (same paths, same rate limiting): they check the password and
 * answer with a challenge instead of a session whenever 2FA or a password change is owed.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { expiryWarning } from './account-rules';
import { normalizeEmail } from './email';
import { auditSecurity } from './audit';
import {
  checkSecondFactor,
  disableOwnMfa,
  mfaApplies,
  regenerateRecoveryCodes,
  resetMfaByAdmin,
  roleRequiresMfa,
  startEnrollment,
  assertNotLocked,
} from './mfa';
import { assertPasswordAllowed, expiryFor, findUserWithPassword, withPrechecked } from './passwords';
import { clearRefreshCookie, openSession, revokeSessions, strapiSessionAuth } from './session';
import { consumeChallenge, createChallenge, findChallenge, getAccount, recoveryHashes, settings, type Challenge } from './store';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function deviceParams(body: any): { deviceId: string | null; rememberMe: boolean } {
  if (body.deviceId !== undefined && (typeof body.deviceId !== 'string' || !UUID.test(body.deviceId))) {
    throw new errors.ValidationError('deviceId must be a valid UUID', { errors: [{ path: ['deviceId'], message: 'deviceId must be a valid UUID', name: 'ValidationError' }] });
  }
  if (body.rememberMe !== undefined && typeof body.rememberMe !== 'boolean') {
    throw new errors.ValidationError('rememberMe must be a boolean', { errors: [{ path: ['rememberMe'], message: 'rememberMe must be a boolean', name: 'ValidationError' }] });
  }
  return { deviceId: body.deviceId ?? null, rememberMe: Boolean(body.rememberMe) };
}

function field(path: string, message: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
}

const ip = (ctx: any): string | null => ctx.request?.ip ?? null;

/** What a user still owes before a session may open. */
export async function gateDecision(strapi: Core.Strapi, user: any) {
  const account = await getAccount(strapi, user.id);
  const expiry = expiryFor(strapi, account);
  return { account, mfa: mfaApplies(strapi, user, account), enrolled: account.totpEnabled, expiry };
}

/** True when a session for this user may only come from the gate (used by the session-manager wrapper). */
export async function mustPassGate(strapi: Core.Strapi, userId: string): Promise<boolean> {
  const user = await strapi.db.query('admin::user').findOne({ where: { id: Number(userId) }, populate: ['roles'] });
  if (!user) return true;
  const decision = await gateDecision(strapi, user);
  return decision.mfa || decision.expiry.expired;
}

function expiryFields(strapi: Core.Strapi, expiry: ReturnType<typeof expiryFor>) {
  return {
    passwordExpiresAt: expiry.expiresAt ? expiry.expiresAt.toISOString() : null,
    passwordExpiryWarning: expiryWarning(expiry, settings(strapi).utcOffsetMinutes),
  };
}

/** Opens the session and builds Strapi's login answer plus the PPID fields. */
async function finishLogin(strapi: Core.Strapi, ctx: any, user: any, opts: { deviceId: string | null; rememberMe: boolean }, how: string, extra: Record<string, unknown> = {}) {
  const { expiry } = await gateDecision(strapi, user);
  const session = await openSession(strapi, ctx, user, opts);
  await auditSecurity(strapi, { peristiwa: 'masuk_berhasil', aktorId: user.id, aktorEmail: user.email, catatan: how });
  ctx.body = { data: { ...session, ...expiryFields(strapi, expiry), ...extra } };
}

/**
 * After the password (login, first admin, invitation, reset): either the session, or a challenge
 * for the second factor, or a challenge for the overdue password change.
 */
async function afterPassword(strapi: Core.Strapi, ctx: any, user: any, opts: { deviceId: string | null; rememberMe: boolean }, how: string) {
  const decision = await gateDecision(strapi, user);
  if (decision.mfa) {
    if (decision.enrolled) assertNotLocked(decision.account);
    const challenge = await createChallenge(strapi, user.id, 'mfa', { ...opts, ip: ip(ctx) });
    ctx.body = {
      data: { mfaRequired: true, enrollmentRequired: !decision.enrolled, challengeToken: challenge.token, challengeExpiresAt: challenge.expiresAt },
    };
    return;
  }
  if (decision.expiry.expired) {
    const challenge = await createChallenge(strapi, user.id, 'kata_sandi', { ...opts, ip: ip(ctx) });
    ctx.body = { data: { passwordChangeRequired: true, challengeToken: challenge.token, challengeExpiresAt: challenge.expiresAt } };
    return;
  }
  await finishLogin(strapi, ctx, user, opts, `${how}; tanpa 2FA (peran tidak mewajibkan)`);
}

async function loadActiveUser(strapi: Core.Strapi, id: number): Promise<any> {
  const user = await findUserWithPassword(strapi, id);
  if (!user || user.isActive !== true) {
    throw new errors.UnauthorizedError('Akun tidak ditemukan atau tidak aktif. Silakan masuk ulang.', { code: 'CHALLENGE_INVALID' });
  }
  return user;
}

/**
 * Strapi's route "authorize" step turns any UnauthorizedError/ForbiddenError thrown below it into a
 * bare "Unauthorized"/"Forbidden"; answering here keeps the Indonesian message and details, in
 * Strapi's normal error shape.
 */
function keepMessages<T extends Record<string, (ctx: any, next?: any) => Promise<unknown>>>(handlers: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(handlers)) {
    wrapped[name] = async (ctx: any, next?: any) => {
      try {
        return await fn(ctx, next);
      } catch (error) {
        const status = error instanceof errors.UnauthorizedError ? 401 : error instanceof errors.ForbiddenError ? 403 : 0;
        if (!status) throw error;
        const e = error as InstanceType<typeof errors.ApplicationError>;
        ctx.status = status;
        ctx.body = { data: null, error: { status, name: e.name, message: e.message, details: e.details ?? {} } };
      }
    };
  }
  return wrapped as T;
}

/**
 * Strapi refuses an inactive account only after its password matched; say "inactive" in exactly
 * that case (anything else stays "wrong e-mail or password"), from the account itself rather than
 * from the wording of Strapi's message.
 */
async function isInactiveWithRightPassword(strapi: Core.Strapi, email: string, password: string): Promise<boolean> {
  const user = await strapi.db.query('admin::user').findOne({ where: { email }, select: ['isActive', 'password'] });
  if (!user || user.isActive !== false || !user.password) return false;
  return Boolean(await strapi.service('admin::auth').validatePassword(password, user.password));
}

export function createHandlers(strapi: Core.Strapi) {
  return keepMessages({
    /** POST /admin/login */
    async login(ctx: any) {
      const body = ctx.request.body ?? {};
      const opts = deviceParams(body);
      // Already normalised by the route middleware in front of the rate limit; again here so the
      // credential check and the audit record never see another spelling.
      const normalized = normalizeEmail(body.email);
      const email = normalized.ok || normalized.reason === 'malformed' ? (normalized.email ?? '') : '';
      const password = typeof body.password === 'string' ? body.password : '';
      if (!email || !password) throw new errors.ValidationError('Email dan kata sandi wajib diisi.');
      const [error, found, info] = await strapi.service('admin::auth').checkCredentials({ email, password });
      if (error) throw error;
      if (!found) {
        const inactive = await isInactiveWithRightPassword(strapi, email, password);
        await auditSecurity(strapi, { peristiwa: 'masuk_gagal', aktorEmail: email, catatan: inactive ? 'akun tidak aktif' : 'email atau kata sandi salah' });
        strapi.eventHub.emit('admin.auth.error', { error: new Error(info?.message ?? 'Invalid credentials'), provider: 'local' });
        throw new errors.ApplicationError(inactive ? 'Akun Anda tidak aktif. Hubungi super admin.' : 'Email atau kata sandi salah.', {
          code: inactive ? 'USER_NOT_ACTIVE' : 'INVALID_CREDENTIALS',
        });
      }
      const user = await findUserWithPassword(strapi, found.id);
      await afterPassword(strapi, ctx, user, opts, 'kata sandi');
    },

    /** POST /admin/register-admin (first super admin): the account is created, the session waits for 2FA. */
    async registerAdmin(ctx: any) {
      const body = ctx.request.body ?? {};
      const opts = deviceParams(body);
      const normalized = normalizeEmail(body.email);
      const email = normalized.ok ? normalized.email : '';
      if (!EMAIL.test(email)) field('email', 'Alamat email tidak sah.');
      if (typeof body.firstname !== 'string' || !body.firstname.trim()) field('firstname', 'Nama depan wajib diisi.');
      if (body.lastname !== undefined && body.lastname !== null && typeof body.lastname !== 'string') field('lastname', 'Nama belakang tidak sah.');
      const input = { email, firstname: body.firstname.trim(), lastname: body.lastname ?? null, password: body.password };
      await assertPasswordAllowed(strapi, input.password, input);
      const created: any = await withPrechecked(input.password, () => strapi.service('admin::user').createFirstAdmin(input));
      strapi.telemetry?.send?.('didCreateFirstAdmin');
      await afterPassword(strapi, ctx, await findUserWithPassword(strapi, created.id), opts, 'pendaftaran super admin pertama');
    },

    /** POST /admin/register (accepting an invitation). */
    async register(ctx: any) {
      const body = ctx.request.body ?? {};
      const opts = deviceParams(body);
      const { registrationToken, userInfo } = body;
      if (typeof registrationToken !== 'string' || !registrationToken) field('registrationToken', 'registrationToken wajib diisi.');
      if (!userInfo || typeof userInfo !== 'object') field('userInfo', 'userInfo wajib diisi.');
      if (typeof userInfo.firstname !== 'string' || !userInfo.firstname.trim()) field('userInfo.firstname', 'Nama depan wajib diisi.');
      const invited = await strapi.db.query('admin::user').findOne({ where: { registrationToken } });
      if (!invited) throw new errors.ValidationError('Invalid registration info');
      await assertPasswordAllowed(strapi, userInfo.password, { ...invited, firstname: userInfo.firstname, lastname: userInfo.lastname ?? invited.lastname });
      const user: any = await withPrechecked(userInfo.password, () =>
        strapi.service('admin::user').register({
          registrationToken,
          userInfo: { firstname: userInfo.firstname.trim(), lastname: userInfo.lastname ?? null, password: userInfo.password },
        }),
      );
      await afterPassword(strapi, ctx, await findUserWithPassword(strapi, user.id), opts, 'pendaftaran melalui undangan');
    },

    /** POST /admin/reset-password: the new password is saved, but a session still needs the second factor. */
    async resetPassword(ctx: any) {
      const body = ctx.request.body ?? {};
      const { resetPasswordToken, password } = body;
      if (typeof resetPasswordToken !== 'string' || !resetPasswordToken) field('resetPasswordToken', 'resetPasswordToken wajib diisi.');
      const target = await strapi.db.query('admin::user').findOne({ where: { resetPasswordToken, isActive: true } });
      if (!target) throw new errors.ApplicationError();
      await assertPasswordAllowed(strapi, password, target);
      const user: any = await withPrechecked(password, () => strapi.service('admin::auth').resetPassword({ resetPasswordToken, password }));
      await revokeSessions(strapi, user.id);
      await afterPassword(strapi, ctx, await findUserWithPassword(strapi, user.id), { deviceId: null, rememberMe: false }, 'setelah reset kata sandi');
    },

    /** POST /admin/mfa/setup {challengeToken} */
    async setup(ctx: any) {
      const challenge = await findChallenge(strapi, ctx.request.body?.challengeToken, 'mfa');
      const user = await loadActiveUser(strapi, challenge.userId);
      const enrollment = await startEnrollment(strapi, user);
      ctx.body = { data: enrollment };
    },

    /** POST /admin/mfa/verify {challengeToken, code} | {challengeToken, recoveryCode} */
    async verify(ctx: any) {
      const body = ctx.request.body ?? {};
      const challenge: Challenge = await findChallenge(strapi, body.challengeToken, 'mfa');
      const user = await loadActiveUser(strapi, challenge.userId);
      const factor = await checkSecondFactor(strapi, user, { code: body.code, recoveryCode: body.recoveryCode }, () => consumeChallenge(strapi, challenge));
      const extra: Record<string, unknown> = {};
      if (factor.recoveryCodes) extra.recoveryCodes = factor.recoveryCodes;
      if (factor.method === 'recovery') extra.recoveryCodesRemaining = factor.recoveryCodesRemaining;
      const { expiry } = await gateDecision(strapi, user);
      if (expiry.expired) {
        const next = await createChallenge(strapi, user.id, 'kata_sandi', { rememberMe: challenge.ingatSaya, deviceId: challenge.deviceId, ip: ip(ctx) });
        ctx.body = { data: { passwordChangeRequired: true, challengeToken: next.token, challengeExpiresAt: next.expiresAt, ...extra } };
        return;
      }
      const how = factor.method === 'recovery' ? `kata sandi + kode pemulihan (sisa ${factor.recoveryCodesRemaining})` : factor.enrolledNow ? 'kata sandi + TOTP (pendaftaran 2FA)' : 'kata sandi + TOTP';
      await finishLogin(strapi, ctx, user, { deviceId: challenge.deviceId, rememberMe: challenge.ingatSaya }, how, extra);
    },

    /** POST /admin/mfa/change-password {challengeToken, password}: the overdue change, then the session. */
    async changePassword(ctx: any) {
      const body = ctx.request.body ?? {};
      const challenge = await findChallenge(strapi, body.challengeToken, 'kata_sandi');
      const user = await loadActiveUser(strapi, challenge.userId);
      await assertPasswordAllowed(strapi, body.password, user);
      await consumeChallenge(strapi, challenge);
      await withPrechecked(body.password, () => strapi.service('admin::user').updateById(user.id, { password: body.password }));
      await revokeSessions(strapi, user.id);
      const fresh = await findUserWithPassword(strapi, user.id);
      await finishLogin(strapi, ctx, fresh, { deviceId: challenge.deviceId, rememberMe: challenge.ingatSaya }, 'setelah mengganti kata sandi yang kedaluwarsa');
    },

    /**
     * Route middleware on POST /admin/access-token: a refresh never outlives the rules. A session whose
     * user now owes a second factor (2FA reset) or a password change ends here.
     */
    async accessTokenGuard(ctx: any, next: () => Promise<unknown>) {
      const cookie = ctx.cookies.get(strapiSessionAuth().REFRESH_COOKIE_NAME);
      if (cookie) {
        const result = await strapi.sessionManager('admin').validateRefreshToken(cookie);
        if (result.isValid && result.userId) {
          const user = await strapi.db.query('admin::user').findOne({ where: { id: Number(result.userId) }, populate: ['roles'] });
          const decision = user ? await gateDecision(strapi, user) : null;
          if (!decision || decision.expiry.expired || (decision.mfa && !decision.enrolled)) {
            await revokeSessions(strapi, result.userId);
            clearRefreshCookie(ctx);
            return ctx.unauthorized(
              decision?.expiry.expired
                ? 'Kata sandi Anda sudah kedaluwarsa. Silakan masuk ulang untuk menggantinya.'
                : 'Sesi ini tidak lagi berlaku. Silakan masuk ulang dengan verifikasi dua langkah.',
            );
          }
        }
      }
      return next();
    },

    /** GET /admin/mfa/me */
    async status(ctx: any) {
      const user = ctx.state.user;
      const account = await getAccount(strapi, user.id);
      const expiry = expiryFor(strapi, account);
      ctx.body = {
        data: {
          enabled: account.totpEnabled,
          required: roleRequiresMfa(strapi, user),
          enrolledAt: account.totpEnrolledAt,
          recoveryCodesRemaining: recoveryHashes(account).length,
          passwordChangedAt: account.passwordChangedAt,
          ...expiryFields(strapi, expiry),
        },
      };
    },

    /** POST /admin/mfa/me/setup: voluntary enrollment for a logged-in user whose role does not require 2FA. */
    async meSetup(ctx: any) {
      ctx.body = { data: await startEnrollment(strapi, ctx.state.user) };
    },

    /** POST /admin/mfa/me/enable {code} */
    async meEnable(ctx: any) {
      const factor = await checkSecondFactor(strapi, ctx.state.user, { code: ctx.request.body?.code }, async () => {});
      if (!factor.enrolledNow) throw new errors.ApplicationError('Verifikasi dua langkah sudah aktif untuk akun ini.', { code: 'MFA_ALREADY_ENABLED' });
      ctx.body = { data: { enabled: true, recoveryCodes: factor.recoveryCodes } };
    },

    /** POST /admin/mfa/me/recovery-codes {code}: a new set, the old one void. */
    async meRecoveryCodes(ctx: any) {
      const codes = await regenerateRecoveryCodes(strapi, ctx.state.user, ctx.request.body?.code);
      ctx.body = { data: { recoveryCodes: codes } };
    },

    /** POST /admin/mfa/me/disable {code}: refused where the role requires 2FA. */
    async meDisable(ctx: any) {
      await disableOwnMfa(strapi, ctx.state.user, ctx.request.body?.code);
      ctx.body = { data: { enabled: false } };
    },

    /** POST /admin/mfa/users/:id/reset (super admin, not self) */
    async adminReset(ctx: any) {
      const id = Number(ctx.params.id);
      if (!Number.isInteger(id) || id <= 0) throw new errors.ValidationError('id pengguna tidak sah.');
      const target = await resetMfaByAdmin(strapi, ctx.state.user, id);
      ctx.body = { data: { id: target.id, email: target.email, mfaReset: true } };
    },
  });
}
