/**
 * Persistence for the security state: one `akun-keamanan` row per admin user and the
 * short-lived login challenges. Both types are hidden (no Content Manager, no content API);
 * they are read and written with the Query Engine only, and the Document Service refuses them
 * (see guardSecurityTypes) so a super admin cannot clear a 2FA secret through the CM API.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { LOCKS, withDatabaseLock } from '../db/lock';
import { errors } from '@strapi/utils';
import type { PpidConfig } from '../config/ppid-config';
import { deriveKey } from './secret-box';
import type { LockoutState } from './lockout';

export const ACCOUNT_UID = 'api::akun-keamanan.akun-keamanan';
export const CHALLENGE_UID = 'api::akun-keamanan.tantangan-masuk';

export interface SecuritySettings {
  password: PpidConfig['password'];
  mfa: PpidConfig['mfa'];
  utcOffsetMinutes: number;
  key: Buffer;
}

let cachedKey: { material: string; key: Buffer } | null = null;

export function settings(strapi: Core.Strapi): SecuritySettings {
  const cfg = strapi.config.get('ppid') as PpidConfig;
  if (!cachedKey || cachedKey.material !== cfg.mfa.encryptionKey) {
    cachedKey = { material: cfg.mfa.encryptionKey, key: deriveKey(cfg.mfa.encryptionKey) };
  }
  return { password: cfg.password, mfa: cfg.mfa, utcOffsetMinutes: cfg.calendar.utcOffsetMinutes, key: cachedKey.key };
}

export interface Account {
  id: number;
  userId: number;
  totpSecret: string | null;
  totpPending: string | null;
  totpEnabled: boolean;
  totpEnrolledAt: string | null;
  lastUsedStep: number | null;
  mfaFailures: number;
  mfaLockedUntil: string | null;
  recoveryCodeHashes: string | null;
  passwordHistory: string[];
  passwordChangedAt: string | null;
  createdAt?: string;
}

function normalise(row: any): Account {
  return {
    ...row,
    totpEnabled: Boolean(row.totpEnabled),
    lastUsedStep: row.lastUsedStep === null || row.lastUsedStep === undefined ? null : Number(row.lastUsedStep),
    mfaFailures: Number(row.mfaFailures) || 0,
    passwordHistory: Array.isArray(row.passwordHistory) ? row.passwordHistory : [],
    mfaLockedUntil: row.mfaLockedUntil ? new Date(row.mfaLockedUntil).toISOString() : null,
    passwordChangedAt: row.passwordChangedAt ? new Date(row.passwordChangedAt).toISOString() : null,
  };
}

/**
 * The account row, created on first use. A password set before this module existed counts
 * from the moment the row is created (a grace period instead of locking everyone out at once).
 */
export async function getAccount(strapi: Core.Strapi, userId: number): Promise<Account> {
  const q = strapi.db.query(ACCOUNT_UID as any);
  const found = await q.findOne({ where: { userId } });
  if (found) return normalise(found);
  try {
    const created = await q.create({
      data: { userId, totpEnabled: false, mfaFailures: 0, passwordHistory: [], passwordChangedAt: new Date() },
    });
    return normalise(created);
  } catch (error) {
    // Two first requests at once: the unique userId lets one win; read the winner's row.
    const again = await q.findOne({ where: { userId } });
    if (again) return normalise(again);
    throw error;
  }
}

export async function updateAccount(strapi: Core.Strapi, id: number, data: Partial<Account>): Promise<Account> {
  return normalise(await strapi.db.query(ACCOUNT_UID as any).update({ where: { id }, data: data as any }));
}

/** Compare-and-set of the last accepted TOTP step: two requests with the same code cannot both pass. */
export async function claimStep(strapi: Core.Strapi, accountId: number, step: number): Promise<boolean> {
  const { count } = await strapi.db.query(ACCOUNT_UID as any).updateMany({
    where: { id: accountId, $or: [{ lastUsedStep: { $null: true } }, { lastUsedStep: { $lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/**
 * Reserves one second-factor attempt: an expired lock is cleared, then the failure counter is
 * incremented atomically in SQL and its new value returned. Because every attempt takes a slot
 * before its code is checked, parallel requests cannot try more than `maxFailures` codes per lock.
 */
export async function reserveAttempt(strapi: Core.Strapi, accountId: number): Promise<number> {
  const q = strapi.db.query(ACCOUNT_UID as any);
  await q.updateMany({ where: { id: accountId, mfaLockedUntil: { $lte: new Date() } }, data: { mfaFailures: 0, mfaLockedUntil: null } });
  const meta: any = strapi.db.metadata.get(ACCOUNT_UID as any);
  const column = meta.attributes.mfaFailures.columnName ?? 'mfa_failures';
  // Increment and read as one step: parallel guesses must each get their own attempt number.
  return withDatabaseLock(strapi, LOCKS.mfaAttempts, async (trx) => {
    await strapi.db.connection(meta.tableName).transacting(trx).where({ id: accountId }).increment(column, 1);
    const row = await q.findOne({ where: { id: accountId }, select: ['mfaFailures'] });
    return Number(row?.mfaFailures) || 0;
  });
}

/** Starts the lock unless one is already running (several requests may reach the limit together). */
export async function startLock(strapi: Core.Strapi, accountId: number, until: Date): Promise<void> {
  await strapi.db.query(ACCOUNT_UID as any).updateMany({ where: { id: accountId, mfaLockedUntil: { $null: true } }, data: { mfaLockedUntil: until } });
}

/** Compare-and-set of the recovery-code list (stored as JSON text so equality works in every database). */
export async function replaceRecoveryCodes(strapi: Core.Strapi, accountId: number, expected: string | null, next: string[]): Promise<boolean> {
  const where: any = { id: accountId };
  where.recoveryCodeHashes = expected === null ? { $null: true } : expected;
  const { count } = await strapi.db.query(ACCOUNT_UID as any).updateMany({ where, data: { recoveryCodeHashes: JSON.stringify(next) } });
  return count === 1;
}

export function recoveryHashes(account: Account): string[] {
  if (!account.recoveryCodeHashes) return [];
  try {
    const parsed = JSON.parse(account.recoveryCodeHashes);
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export function lockState(account: Account): LockoutState {
  return { failures: account.mfaFailures, lockedUntil: account.mfaLockedUntil };
}

/* ---------------------------------------------------------------------------------------------
 * Login challenges: the bearer token between "password checked" and "session opened".
 * Only its SHA-256 is stored; it expires after ppid.mfa.challengeMinutes and works once.
 * -------------------------------------------------------------------------------------------*/

export type ChallengeStage = 'mfa' | 'kata_sandi';

export interface Challenge {
  id: number;
  userId: number;
  tahap: ChallengeStage;
  kedaluwarsa: string;
  ingatSaya: boolean;
  deviceId: string | null;
}

const hashToken = (token: string) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

export const CHALLENGE_INVALID =
  'Sesi masuk ini sudah kedaluwarsa, sudah dipakai, atau tidak sah. Silakan masuk ulang dengan email dan kata sandi.';

export async function createChallenge(
  strapi: Core.Strapi,
  userId: number,
  tahap: ChallengeStage,
  opts: { rememberMe: boolean; deviceId: string | null; ip: string | null },
): Promise<{ token: string; expiresAt: string }> {
  const { mfa } = settings(strapi);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + mfa.challengeMinutes * 60_000);
  const q = strapi.db.query(CHALLENGE_UID as any);
  // Housekeeping: challenges older than a day are useless even as evidence.
  await q.deleteMany({ where: { kedaluwarsa: { $lt: new Date(Date.now() - 24 * 60 * 60_000) } } });
  await q.create({
    data: {
      tokenHash: hashToken(token),
      userId,
      tahap,
      kedaluwarsa: expiresAt,
      ingatSaya: opts.rememberMe,
      deviceId: opts.deviceId,
      ip: opts.ip ? opts.ip.slice(0, 64) : null,
    },
  });
  return { token, expiresAt: expiresAt.toISOString() };
}

function invalidChallenge(): never {
  throw new errors.UnauthorizedError(CHALLENGE_INVALID, { code: 'CHALLENGE_INVALID' });
}

/** The live challenge for this token and stage, or a 401 with an Indonesian message. */
export async function findChallenge(strapi: Core.Strapi, token: unknown, tahap: ChallengeStage): Promise<Challenge> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) invalidChallenge();
  const row = await strapi.db.query(CHALLENGE_UID as any).findOne({ where: { tokenHash: hashToken(token as string) } });
  if (!row || row.tahap !== tahap || row.dipakaiPada || new Date(row.kedaluwarsa).getTime() <= Date.now()) invalidChallenge();
  return { id: row.id, userId: Number(row.userId), tahap: row.tahap, kedaluwarsa: row.kedaluwarsa, ingatSaya: Boolean(row.ingatSaya), deviceId: row.deviceId ?? null };
}

/** Marks the challenge used; exactly one caller wins even when two requests race. */
export async function consumeChallenge(strapi: Core.Strapi, challenge: Challenge): Promise<void> {
  const { count } = await strapi.db.query(CHALLENGE_UID as any).updateMany({
    where: { id: challenge.id, dipakaiPada: { $null: true } },
    data: { dipakaiPada: new Date() },
  });
  if (count !== 1) invalidChallenge();
}

/** Voids every open challenge of a user (2FA reset, lock). */
export async function voidChallenges(strapi: Core.Strapi, userId: number): Promise<void> {
  await strapi.db.query(CHALLENGE_UID as any).updateMany({
    where: { userId, dipakaiPada: { $null: true } },
    data: { dipakaiPada: new Date() },
  });
}

/** Nobody reads or writes these types through the Document Service (Content Manager, REST, scripts). */
export function guardSecurityTypes(strapi: Core.Strapi): void {
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    // Counting reveals nothing and keeps generic dashboards that count every type working.
    if ((ctx.uid === ACCOUNT_UID || ctx.uid === CHALLENGE_UID) && ctx.action !== 'count') {
      throw new errors.ForbiddenError('Data keamanan akun hanya dikelola oleh sistem.');
    }
    return next();
  });
}
