/**
 * Short-lived signed URLs for private files (pure: node:crypto only).
 *
 * The admin panel shows Media Library previews with `<img src="/uploads/…">`, which cannot carry
 * a Bearer token. Every file URL handed to a signed-in admin therefore carries
 * `?ppid_exp=<unix seconds>&ppid_sig=<HMAC-SHA256>` over the canonical path and the expiry. The
 * expiry is rounded up to a bucket so the same file gets the same URL for a while (the browser
 * cache keeps working); other query parameters (the panel adds `updatedAt=`) are ignored.
 */
import crypto from 'node:crypto';

export const EXP_PARAM = 'ppid_exp';
export const SIG_PARAM = 'ppid_sig';

/** A key for URL signatures only, derived from a server secret (ADMIN_JWT_SECRET). */
export function deriveUrlKey(secret: string): Buffer {
  if (!secret) throw new Error('a secret is required to sign file URLs');
  return crypto.createHmac('sha256', secret).update('ppid-upload-url-v1').digest();
}

function mac(key: Buffer, canonicalPath: string, exp: number): string {
  return crypto.createHmac('sha256', key).update(`v1\n${canonicalPath}\n${exp}`).digest('base64url');
}

/** Expiry (unix seconds) at least `ttlSeconds` from now, rounded up to the next bucket boundary. */
export function expiryFor(nowMs: number, ttlSeconds: number, bucketSeconds = Math.max(60, Math.floor(ttlSeconds / 4))): number {
  const earliest = Math.ceil(nowMs / 1000) + ttlSeconds;
  return Math.ceil(earliest / bucketSeconds) * bucketSeconds;
}

/** The URL with its signature; `url` may already hold a query string. */
export function signUrl(url: string, canonicalPath: string, key: Buffer, exp: number): string {
  const sep = url.includes('?') ? '&' : '?';
  return `${url}${sep}${EXP_PARAM}=${exp}&${SIG_PARAM}=${mac(key, canonicalPath, exp)}`;
}

export type SignatureCheck = 'absent' | 'valid' | 'expired' | 'invalid';

/** Checks the signature parameters of a request (`query` as Koa parses it). */
export function checkSignature(canonicalPath: string, query: Record<string, unknown>, key: Buffer, nowMs: number): SignatureCheck {
  const expRaw = query[EXP_PARAM];
  const sigRaw = query[SIG_PARAM];
  if (expRaw === undefined && sigRaw === undefined) return 'absent';
  if (typeof expRaw !== 'string' || typeof sigRaw !== 'string' || !/^\d{1,12}$/.test(expRaw)) return 'invalid';
  const exp = Number(expRaw);
  const expected = Buffer.from(mac(key, canonicalPath, exp));
  const given = Buffer.from(sigRaw);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return 'invalid';
  return exp * 1000 >= nowMs ? 'valid' : 'expired';
}
