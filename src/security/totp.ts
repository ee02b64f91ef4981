/**
 * TOTP second factor (RFC 6238: HMAC-SHA-1, 6 digits, 30 s step) on top of `speakeasy`.
 *
 * We compute the code per step ourselves (speakeasy's HOTP core) instead of calling
 * `totp.verifyDelta`, because we need to know WHICH step matched to refuse replays, and
 * we want a constant-time comparison.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as speakeasy from 'speakeasy';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** ±1 step tolerates ~30 s of phone/server clock drift and the time a person needs to type. */
export const TOTP_WINDOW = 1;

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: what authenticator apps expect in the otpauth URL. */
function base32Encode(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function createEnrollment(email: string, issuer = 'PPID'): { secret: string; otpauthUrl: string } {
  if (!email || !email.trim()) throw new Error('createEnrollment: email is required for the authenticator label');
  // 160 random bits = the HMAC-SHA-1 block-size recommendation of RFC 4226 §4.
  const secret = base32Encode(randomBytes(20));
  const otpauthUrl = speakeasy.otpauthURL({
    secret,
    encoding: 'base32',
    // Label "Issuer:account" percent-encoded so '@', '+', spaces survive QR scanning.
    label: encodeURIComponent(`${issuer}:${email.trim()}`),
    issuer,
    algorithm: 'sha1',
    digits: TOTP_DIGITS,
    period: TOTP_STEP_SECONDS,
  });
  return { secret, otpauthUrl };
}

/** Absolute RFC 6238 time-step counter T = floor(unixSeconds / 30). */
export function currentStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);
}

function codeForStep(secretBase32: string, step: number): string {
  return speakeasy.hotp({ secret: secretBase32, encoding: 'base32', counter: step, digits: TOTP_DIGITS, algorithm: 'sha1' });
}

export type TotpResult = { ok: true; step: number } | { ok: false; reason: 'MALFORMED' | 'INVALID' | 'REPLAYED' };

/**
 * Verifies `code` for the steps around `now`. The caller must persist the returned `step`
 * as the new `lastUsedStep`: any code whose step is not newer is REPLAYED, which blocks
 * re-use of the same code and of older codes still inside the window.
 */
export function verifyTotp(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): TotpResult {
  const secret = (secretBase32 ?? '').replace(/\s+/g, '').replace(/=+$/, '').toUpperCase();
  if (!/^[A-Z2-7]{16,}$/.test(secret)) throw new Error('verifyTotp: stored TOTP secret is not valid base32');

  const input = typeof code === 'string' ? code.replace(/\s+/g, '') : '';
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(input)) return { ok: false, reason: 'MALFORMED' };

  const center = currentStep(now);
  const given = Buffer.from(input);
  let fresh: number | null = null;
  let replayed = false;
  // Check every step in the window (no early exit) so timing does not reveal which matched.
  for (let step = center - TOTP_WINDOW; step <= center + TOTP_WINDOW; step++) {
    const expected = Buffer.from(codeForStep(secret, step));
    if (!timingSafeEqual(expected, given)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) replayed = true;
    else if (fresh === null) fresh = step;
  }
  if (fresh !== null) return { ok: true, step: fresh };
  return { ok: false, reason: replayed ? 'REPLAYED' : 'INVALID' };
}
