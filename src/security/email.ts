/**
 * One identity per account before anything is counted (pure).
 *
 * The e-mail typed at sign-in is the key of Strapi's login rate limit, the lookup of the account,
 * the 2FA lock and the audit record. Left as typed, " operator@ppid.test", "OPERATOR@…", a
 * trailing newline or a fullwidth "ｏｐｅｒａｔｏｒ" would each get fresh tries while reaching the
 * same account. So: NFKC (fullwidth and other compatibility forms become plain ASCII), trim every
 * Unicode white-space, control and invisible formatting character at both ends, lower-case.
 * Anything still outside printable ASCII (Cyrillic "о", Greek "ο", a zero-width space inside) is
 * not an admin address: it is refused before any password is checked.
 */

export type NormalizedEmail =
  | { ok: true; email: string }
  /** `email` is the normalised text when there was one (a malformed address still gets counted). */
  | { ok: false; reason: 'missing'; email: null }
  | { ok: false; reason: 'non_ascii' | 'malformed'; email: string };

const EDGES = /^[\p{White_Space}\p{Cc}\p{Cf}]+|[\p{White_Space}\p{Cc}\p{Cf}]+$/gu;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function normalizeEmail(raw: unknown): NormalizedEmail {
  if (typeof raw !== 'string') return { ok: false, reason: 'missing', email: null };
  const email = raw.normalize('NFKC').replace(EDGES, '').toLowerCase();
  if (!email) return { ok: false, reason: 'missing', email: null };
  if (!PRINTABLE_ASCII.test(email)) return { ok: false, reason: 'non_ascii', email };
  if (!SHAPE.test(email) || email.length > 254) return { ok: false, reason: 'malformed', email };
  return { ok: true, email };
}

export const NON_ASCII_EMAIL_MESSAGE =
  'Alamat email hanya boleh memuat huruf Latin biasa, angka, dan tanda baca (ASCII). Periksa kembali alamat email Anda, misalnya huruf yang mirip dari abjad lain.';
