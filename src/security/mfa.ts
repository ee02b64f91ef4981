/**
 * The second factor on top of the pure modules: enrollment, code/recovery-code checks with replay
 * protection and lockout, recovery-code regeneration, reset by a super admin.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import * as QRCode from 'qrcode';
import { createEnrollment, verifyTotp } from './totp';
import { open, seal } from './secret-box';
import { consumeRecoveryCode, generateRecoveryCodes, hashRecoveryCode } from './recovery-codes';
import { isLocked, registerSuccess } from './lockout';
import { groupKey, rolesRequireMfa, SUPER_ADMIN_CODE } from './account-rules';
import {
  claimStep,
  getAccount,
  lockState,
  recoveryHashes,
  replaceRecoveryCodes,
  reserveAttempt,
  settings,
  startLock,
  updateAccount,
  voidChallenges,
  type Account,
} from './store';
import { auditSecurity } from './audit';
import { revokeSessions } from './session';

export const RECOVERY_CODE_COUNT = 10;

export const roleCodes = (user: any): string[] => (Array.isArray(user?.roles) ? user.roles.map((r: any) => String(r.code)) : []);
export const isSuperAdmin = (user: any) => roleCodes(user).includes(SUPER_ADMIN_CODE);

/** True when the user's role requires 2FA (config ppid.mfa.requiredRoles). */
export function roleRequiresMfa(strapi: Core.Strapi, user: any): boolean {
  return rolesRequireMfa(roleCodes(user), settings(strapi).mfa.requiredRoles);
}

/** 2FA applies when the role requires it or the user turned it on voluntarily. */
export function mfaApplies(strapi: Core.Strapi, user: any, account: Account): boolean {
  return account.totpEnabled || roleRequiresMfa(strapi, user);
}

function lockedMessage(minutes: number): string {
  return (
    `Verifikasi dua langkah untuk akun ini dikunci sementara karena terlalu banyak kode yang salah. ` +
    `Coba lagi dalam ${minutes} menit. Bila ponsel autentikator hilang, gunakan kode pemulihan atau minta super admin mereset 2FA Anda.`
  );
}

/** Throws 429 with a clear Indonesian message while the account's 2FA is locked. */
export function assertNotLocked(account: Account, now = new Date()): void {
  const lock = isLocked(lockState(account), now);
  if (lock.locked) {
    throw new errors.RateLimitError(lockedMessage(lock.minutesLeft), { code: 'MFA_LOCKED', lockedUntil: account.mfaLockedUntil });
  }
}

/**
 * Takes an attempt slot (see reserveAttempt) before any code is checked. Beyond the limit the
 * answer is the lock, whatever the code: parallel guessing gains nothing.
 */
async function takeAttempt(strapi: Core.Strapi, account: Account): Promise<number> {
  const cfg = settings(strapi).mfa;
  const attempt = await reserveAttempt(strapi, account.id);
  if (attempt > cfg.maxFailures) {
    await startLock(strapi, account.id, new Date(Date.now() + cfg.lockMinutes * 60_000));
    throw new errors.RateLimitError(lockedMessage(cfg.lockMinutes), { code: 'MFA_LOCKED' });
  }
  return attempt;
}

/** A wrong code: audited; the attempt that reaches the limit starts the lock (429), others get 400. */
async function failAttempt(strapi: Core.Strapi, user: any, attempt: number, reason: string, message: string, code: string): Promise<never> {
  const cfg = settings(strapi).mfa;
  await auditSecurity(strapi, {
    peristiwa: 'masuk_gagal',
    aktorId: user.id,
    aktorEmail: user.email,
    catatan: `faktor kedua ditolak: ${reason} (percobaan ${attempt} dari ${cfg.maxFailures})`,
  });
  if (attempt >= cfg.maxFailures) {
    const until = new Date(Date.now() + cfg.lockMinutes * 60_000);
    await startLock(strapi, (await getAccount(strapi, user.id)).id, until);
    await voidChallenges(strapi, user.id);
    await auditSecurity(strapi, {
      peristiwa: 'mfa_dikunci',
      aktorId: user.id,
      aktorEmail: user.email,
      catatan: `2FA dikunci ${cfg.lockMinutes} menit setelah ${cfg.maxFailures} kode salah, sampai ${until.toISOString()}`,
    });
    throw new errors.RateLimitError(lockedMessage(cfg.lockMinutes), { code: 'MFA_LOCKED', lockedUntil: until.toISOString() });
  }
  const left = cfg.maxFailures - attempt;
  throw new errors.ApplicationError(`${message} Sisa percobaan sebelum dikunci: ${left}.`, { code, attemptsLeft: left });
}

export interface FactorResult {
  method: 'totp' | 'recovery';
  enrolledNow: boolean;
  recoveryCodes?: string[];
  recoveryCodesRemaining: number;
}

const MALFORMED = 'Kode verifikasi harus 6 angka dari aplikasi autentikator.';
const REPLAYED = 'Kode ini sudah pernah dipakai. Tunggu kode berikutnya muncul di aplikasi autentikator.';

/** A typo in the format (5 digits, letters) is answered without spending an attempt. */
function totpInput(value: unknown): string {
  const code = (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '').replace(/\s+/g, '');
  if (!/^\d{6}$/.test(code)) throw new errors.ValidationError(MALFORMED, { code: 'MFA_MALFORMED' });
  return code;
}

/**
 * Checks the second factor for `user`. During enrollment the pending secret is confirmed and the
 * recovery codes are created (returned once). `beforeCommit` runs after the factor is proven and
 * before anything is saved (the caller consumes the challenge there).
 */
export async function checkSecondFactor(
  strapi: Core.Strapi,
  user: any,
  input: { code?: unknown; recoveryCode?: unknown },
  beforeCommit: () => Promise<void>,
): Promise<FactorResult> {
  const cfg = settings(strapi);
  let account = await getAccount(strapi, user.id);
  assertNotLocked(account);
  const recoveryCode = typeof input.recoveryCode === 'string' ? input.recoveryCode.trim() : '';

  if (!account.totpEnabled) {
    if (!account.totpPending) {
      throw new errors.ApplicationError('Pendaftaran 2FA belum dimulai. Tampilkan kode QR terlebih dahulu.', { code: 'MFA_SETUP_REQUIRED' });
    }
    if (recoveryCode) {
      throw new errors.ApplicationError('Kode pemulihan baru dibuat setelah pendaftaran selesai. Masukkan kode 6 angka dari aplikasi.', { code: 'MFA_SETUP_REQUIRED' });
    }
    const code = totpInput(input.code);
    const attempt = await takeAttempt(strapi, account);
    const result = verifyTotp(open(account.totpPending, cfg.key), code, new Date(), null);
    if (!result.ok) {
      return failAttempt(strapi, user, attempt, 'kode pendaftaran salah', 'Kode verifikasi salah. Pastikan jam ponsel tepat lalu masukkan kode yang sedang tampil.', 'MFA_INVALID');
    }
    await beforeCommit();
    const codes = generateRecoveryCodes(RECOVERY_CODE_COUNT);
    account = await updateAccount(strapi, account.id, {
      totpSecret: account.totpPending,
      totpPending: null,
      totpEnabled: true,
      totpEnrolledAt: new Date().toISOString(),
      lastUsedStep: result.step,
      recoveryCodeHashes: JSON.stringify(codes.map(hashRecoveryCode)),
      ...registerSuccessFields(),
    });
    await auditSecurity(strapi, { peristiwa: 'mfa_didaftarkan', aktorId: user.id, aktorEmail: user.email, catatan: `${RECOVERY_CODE_COUNT} kode pemulihan dibuat` });
    return { method: 'totp', enrolledNow: true, recoveryCodes: codes, recoveryCodesRemaining: codes.length };
  }

  if (recoveryCode) {
    const attempt = await takeAttempt(strapi, account);
    const fresh = await getAccount(strapi, user.id);
    const used = consumeRecoveryCode(recoveryCode, recoveryHashes(fresh));
    if (!used.ok || !(await replaceRecoveryCodes(strapi, fresh.id, fresh.recoveryCodeHashes, used.remaining))) {
      return failAttempt(strapi, user, attempt, 'kode pemulihan salah', 'Kode pemulihan salah atau sudah pernah dipakai.', 'RECOVERY_INVALID');
    }
    await beforeCommit();
    await updateAccount(strapi, account.id, registerSuccessFields());
    await auditSecurity(strapi, {
      peristiwa: 'kode_pemulihan_dipakai',
      aktorId: user.id,
      aktorEmail: user.email,
      catatan: `sisa kode pemulihan: ${used.remaining.length}`,
    });
    return { method: 'recovery', enrolledNow: false, recoveryCodesRemaining: used.remaining.length };
  }

  const code = totpInput(input.code);
  const attempt = await takeAttempt(strapi, account);
  const result = verifyTotp(open(account.totpSecret as string, cfg.key), code, new Date(), account.lastUsedStep);
  if (!result.ok) {
    if (result.reason === 'REPLAYED') return failAttempt(strapi, user, attempt, 'kode dipakai ulang', REPLAYED, 'MFA_REPLAYED');
    return failAttempt(strapi, user, attempt, 'kode salah', 'Kode verifikasi salah.', 'MFA_INVALID');
  }
  if (!(await claimStep(strapi, account.id, result.step))) {
    return failAttempt(strapi, user, attempt, 'kode dipakai ulang', REPLAYED, 'MFA_REPLAYED');
  }
  await beforeCommit();
  await updateAccount(strapi, account.id, registerSuccessFields());
  return { method: 'totp', enrolledNow: false, recoveryCodesRemaining: recoveryHashes(account).length };
}

function registerSuccessFields(): Partial<Account> {
  const s = registerSuccess();
  return { mfaFailures: s.failures, mfaLockedUntil: s.lockedUntil };
}

/** Starts (or restarts) enrollment: a new pending secret, its otpauth URL and QR code. */
export async function startEnrollment(strapi: Core.Strapi, user: any): Promise<{ otpauthUrl: string; secret: string; qrCodeDataUrl: string; manualKey: string }> {
  const cfg = settings(strapi);
  const account = await getAccount(strapi, user.id);
  if (account.totpEnabled) {
    throw new errors.ApplicationError('Verifikasi dua langkah sudah aktif untuk akun ini.', { code: 'MFA_ALREADY_ENABLED' });
  }
  assertNotLocked(account);
  const { secret, otpauthUrl } = createEnrollment(user.email, cfg.mfa.issuer);
  await updateAccount(strapi, account.id, { totpPending: seal(secret, cfg.key) });
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { otpauthUrl, secret, qrCodeDataUrl, manualKey: groupKey(secret) };
}

/** New recovery codes (the old set stops working); requires a fresh code from the authenticator. */
export async function regenerateRecoveryCodes(strapi: Core.Strapi, user: any, code: unknown): Promise<string[]> {
  const account = await getAccount(strapi, user.id);
  if (!account.totpEnabled) throw new errors.ApplicationError('Verifikasi dua langkah belum aktif untuk akun ini.', { code: 'MFA_NOT_ENABLED' });
  await checkSecondFactor(strapi, user, { code }, async () => {});
  const codes = generateRecoveryCodes(RECOVERY_CODE_COUNT);
  await updateAccount(strapi, account.id, { recoveryCodeHashes: JSON.stringify(codes.map(hashRecoveryCode)) });
  await auditSecurity(strapi, {
    peristiwa: 'kode_pemulihan_dibuat_ulang',
    aktorId: user.id,
    aktorEmail: user.email,
    catatan: `${RECOVERY_CODE_COUNT} kode pemulihan baru; kode lama tidak berlaku`,
  });
  return codes;
}

/** Clears 2FA so the next login enrolls again; ends the user's sessions and open challenges. */
export async function clearMfa(strapi: Core.Strapi, userId: number): Promise<void> {
  const account = await getAccount(strapi, userId);
  await updateAccount(strapi, account.id, {
    totpSecret: null,
    totpPending: null,
    totpEnabled: false,
    totpEnrolledAt: null,
    lastUsedStep: null,
    recoveryCodeHashes: null,
    mfaFailures: 0,
    mfaLockedUntil: null,
  });
  await voidChallenges(strapi, userId);
  await revokeSessions(strapi, userId);
}

/** Super admin resets another user's 2FA (audited). Nobody resets their own this way. */
export async function resetMfaByAdmin(strapi: Core.Strapi, actor: any, targetId: number): Promise<any> {
  if (!isSuperAdmin(actor)) throw new errors.ForbiddenError('Hanya super admin yang dapat mereset verifikasi dua langkah pengguna lain.');
  if (Number(actor.id) === Number(targetId)) {
    throw new errors.ForbiddenError('Anda tidak dapat mereset verifikasi dua langkah akun Anda sendiri; minta super admin lain.');
  }
  const target = await strapi.db.query('admin::user').findOne({ where: { id: targetId } });
  if (!target) throw new errors.NotFoundError('Pengguna tidak ditemukan.');
  await clearMfa(strapi, target.id);
  await auditSecurity(strapi, {
    peristiwa: 'mfa_direset',
    aktorId: actor.id,
    aktorEmail: actor.email,
    catatan: `2FA ${target.email} (id ${target.id}) direset oleh super admin; semua sesinya diakhiri, pendaftaran ulang saat masuk berikutnya`,
  });
  return target;
}

/** Turning one's own 2FA off: refused where the role requires it; otherwise needs a valid code. */
export async function disableOwnMfa(strapi: Core.Strapi, user: any, code: unknown): Promise<void> {
  if (roleRequiresMfa(strapi, user)) {
    throw new errors.ForbiddenError('Verifikasi dua langkah wajib untuk peran Anda dan tidak dapat dimatikan.');
  }
  const account = await getAccount(strapi, user.id);
  if (!account.totpEnabled) return;
  await checkSecondFactor(strapi, user, { code }, async () => {});
  await clearMfa(strapi, user.id);
  await auditSecurity(strapi, { peristiwa: 'mfa_dinonaktifkan', aktorId: user.id, aktorEmail: user.email, catatan: 'dimatikan sendiri (peran tidak mewajibkan 2FA)' });
}
