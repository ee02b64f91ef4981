/**
 * Pure decisions about an admin account (no Strapi): who must use 2FA, when a password
 * expires, what personal data a password may not contain. Unit-tested in
 * tests/unit/security-account-rules.test.ts.
 */
import type { PasswordContext } from './password-policy';

export const SUPER_ADMIN_CODE = 'strapi-super-admin';
const DAY_MS = 24 * 60 * 60 * 1000;

/** `requiredRoles` holds role codes or 'all' (config ppid.mfa.requiredRoles). */
export function rolesRequireMfa(roleCodes: string[], requiredRoles: string[]): boolean {
  const wanted = requiredRoles.map((r) => r.trim()).filter(Boolean);
  if (wanted.includes('all')) return true;
  return roleCodes.some((code) => wanted.includes(code));
}

export interface PasswordExpiry {
  /** null when passwords never expire (maxAgeDays = 0). */
  expiresAt: Date | null;
  expired: boolean;
  /** True from `warnDays` before the expiry until it expires. */
  warn: boolean;
  /** Whole days left, rounded up; 0 once expired; null when it never expires. */
  daysLeft: number | null;
}

export function passwordExpiry(changedAt: Date, now: Date, maxAgeDays: number, warnDays: number): PasswordExpiry {
  if (!maxAgeDays || maxAgeDays <= 0) return { expiresAt: null, expired: false, warn: false, daysLeft: null };
  const expiresAt = new Date(changedAt.getTime() + maxAgeDays * DAY_MS);
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return { expiresAt, expired: true, warn: false, daysLeft: 0 };
  return { expiresAt, expired: false, warn: left <= warnDays * DAY_MS, daysLeft: Math.ceil(left / DAY_MS) };
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "12 Mei 2025" in the office's time zone (fixed offset; Indonesia keeps no DST). */
export function formatTanggal(date: Date, utcOffsetMinutes: number): string {
  const local = new Date(date.getTime() + utcOffsetMinutes * 60_000);
  return `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}`;
}

/** The Indonesian warning shown in the login answer, or null when there is nothing to warn about. */
export function expiryWarning(expiry: PasswordExpiry, utcOffsetMinutes: number): string | null {
  if (!expiry.warn || !expiry.expiresAt) return null;
  const when = formatTanggal(expiry.expiresAt, utcOffsetMinutes);
  const days = expiry.daysLeft === 1 ? 'besok' : `dalam ${expiry.daysLeft} hari`;
  return `Kata sandi Anda kedaluwarsa ${days} (${when}). Gantilah sebelum tanggal itu melalui menu Profil; setelah kedaluwarsa Anda wajib menggantinya saat masuk.`;
}

/**
 * Generic labels that shared and demo accounts carry as names ("Admin PPID", "Operator Demo").
 * They identify no person, so they are not "personal data" for the password rule; the
 * common-password list still refuses such words with digits appended ("admin123", "ppid2024").
 */
export const GENERIC_NAME_WORDS: readonly string[] = ['admin', 'administrator', 'demo', 'test', 'user', 'pengguna'];

/**
 * The personal data a password may not contain: names and the e-mail address, minus the
 * organisation's own name (the 2FA issuer, "PPID") and the generic labels above.
 */
export function policyContext(
  user: { email?: string | null; firstname?: string | null; lastname?: string | null; username?: string | null },
  organisation: string,
): PasswordContext {
  const generic = new Set([organisation.trim().toLowerCase(), ...GENERIC_NAME_WORDS].filter(Boolean));
  const clean = (value: string | null | undefined): string | null => {
    if (!value) return null;
    const words = value.split(/\s+/).filter((w) => w && !generic.has(w.toLowerCase()));
    return words.length > 0 ? words.join(' ') : null;
  };
  return {
    email: user.email ?? null,
    firstname: clean(user.firstname),
    lastname: clean(user.lastname),
    username: clean(user.username),
  };
}

/** The last `size` distinct password hashes to compare a new password against (current first). */
export function historyToCheck(currentHash: string | null | undefined, history: string[], size: number): string[] {
  if (size <= 0) return [];
  const out: string[] = [];
  for (const h of [currentHash, ...history]) {
    if (h && !out.includes(h)) out.push(h);
    if (out.length >= size) break;
  }
  return out;
}

/** The history after a change: the new hash first, the previous password kept, trimmed to `size`. */
export function nextHistory(newHash: string, previousHash: string | null | undefined, history: string[], size: number): string[] {
  if (size <= 0) return [];
  return historyToCheck(newHash, historyToCheck(previousHash, history, size), size);
}

/** Groups a base32 key in fours for typing it into an authenticator by hand. */
export function groupKey(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
