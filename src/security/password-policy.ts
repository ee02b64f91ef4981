/**
 * Password rules in the spirit of NIST SP 800-63B §5.1.1.2 — the SOP's "kata sandi yang
 * kompleks": length and a blocklist instead of composition rules (which push people to
 * "Password1!"), plus no personal data and no recent reuse.
 * Messages are Indonesian and tell the user what to change.
 */
import { isCommonPassword } from './common-passwords';

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  historySize: number;
}

export interface PasswordContext {
  email?: string | null;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
}

export interface PasswordProblem {
  code: 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTAINS_PERSONAL' | 'REUSED';
  message: string;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, maxLength: 128, historySize: 5 };

/** bcrypt ignores everything after 72 bytes, so a longer password would be silently truncated. */
export const BCRYPT_MAX_BYTES = 72;

/** Personal values shorter than this match too many innocent passwords ("an", "al"). */
const MIN_PERSONAL_PART = 3;

function codePoints(s: string): number {
  return [...s].length;
}

/** "password123!" → "password": people append digits/symbols to a common word and think it is new. */
function stripTrailingNonLetters(s: string): string {
  return s.replace(/[^\p{L}]+$/u, '');
}

function personalParts(ctx: PasswordContext): string[] {
  const parts = new Set<string>();
  const add = (value: string | null | undefined): void => {
    const v = (value ?? '').trim().toLowerCase();
    if (!v) return;
    if (codePoints(v) >= MIN_PERSONAL_PART) parts.add(v);
    // Multi-word names ("Siti Nurhaliza") and dotted e-mail locals ("budi.santoso") are checked per word too.
    for (const token of v.split(/[^\p{L}\p{N}]+/u)) {
      if (codePoints(token) >= MIN_PERSONAL_PART) parts.add(token);
    }
  };
  add(ctx.firstname);
  add(ctx.lastname);
  add(ctx.username);
  const email = (ctx.email ?? '').trim().toLowerCase();
  if (email) {
    parts.add(email); // the whole address, whatever its length
    const at = email.lastIndexOf('@');
    add(at > 0 ? email.slice(0, at) : email);
  }
  return [...parts];
}

export function checkPassword(password: string, ctx: PasswordContext, policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY): PasswordProblem[] {
  const pw = typeof password === 'string' ? password : '';
  const problems: PasswordProblem[] = [];
  const length = codePoints(pw);
  const bytes = Buffer.byteLength(pw, 'utf8');

  if (length < policy.minLength) {
    problems.push({
      code: 'TOO_SHORT',
      message: `Kata sandi minimal ${policy.minLength} karakter (saat ini ${length} karakter), jadi tambah panjangnya, misalnya dengan menggabungkan beberapa kata.`,
    });
  }
  if (length > policy.maxLength) {
    problems.push({
      code: 'TOO_LONG',
      message: `Kata sandi maksimal ${policy.maxLength} karakter (saat ini ${length} karakter), jadi perpendek kata sandi.`,
    });
  } else if (bytes > BCRYPT_MAX_BYTES) {
    problems.push({
      code: 'TOO_LONG',
      message: `Kata sandi maksimal ${BCRYPT_MAX_BYTES} byte (saat ini ${bytes} byte; huruf beraksen dan emoji memakan lebih dari 1 byte), jadi perpendek kata sandi.`,
    });
  }

  const lower = pw.toLowerCase();
  const base = stripTrailingNonLetters(lower);
  if (pw && (isCommonPassword(lower) || (base !== lower && codePoints(base) >= 3 && isCommonPassword(base)))) {
    problems.push({
      code: 'COMMON',
      message: 'Kata sandi ini terlalu umum dan mudah ditebak (termasuk kata umum yang hanya ditambah angka atau simbol), jadi gunakan gabungan kata yang tidak lazim.',
    });
  }

  const found = personalParts(ctx).filter((part) => lower.includes(part));
  if (found.length > 0) {
    problems.push({
      code: 'CONTAINS_PERSONAL',
      message: `Kata sandi tidak boleh memuat nama, nama pengguna, atau alamat email Anda ("${found[0]}"), jadi hapus bagian tersebut.`,
    });
  }
  return problems;
}

export function reusedProblem(historySize: number): PasswordProblem {
  return {
    code: 'REUSED',
    message: `Kata sandi tidak boleh sama dengan ${historySize} kata sandi terakhir Anda, jadi pilih kata sandi yang baru.`,
  };
}

export const REUSED_PROBLEM: PasswordProblem = reusedProblem(DEFAULT_PASSWORD_POLICY.historySize);

/**
 * True when `password` matches any of the previous hashes. Sequential with early exit:
 * each bcrypt compare costs ~100 ms and the caller is already authenticated, so there is
 * no timing secret to protect.
 */
export async function isReused(
  password: string,
  previousHashes: string[],
  compare: (plain: string, hash: string) => Promise<boolean>,
): Promise<boolean> {
  for (const hash of previousHashes) {
    if (hash && (await compare(password, hash))) return true;
  }
  return false;
}

/**
 * Joins the messages into one sentence for an API error, e.g.
 * "Kata sandi minimal 12 karakter (…), jadi …; kata sandi ini terlalu umum …." Empty when no problems.
 */
export function formatProblems(problems: PasswordProblem[]): string {
  if (problems.length === 0) return '';
  const parts = problems.map((p, i) => {
    const text = p.message.trim().replace(/[.\s]+$/, '');
    return i === 0 ? text : text.charAt(0).toLowerCase() + text.slice(1);
  });
  return `${parts.join('; ')}.`;
}
