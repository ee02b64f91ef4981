/**
 * The sign-in page's decisions, free of the DOM so they are unit-tested like the rest
 * (tests/unit/login-client.test.ts): which screen follows a server answer, which message a
 * failure shows, where the hand-off goes, and the cookie the SPA reads its token from.
 */
import type { GateAnswer, GateData, LoginPageConfig } from './types';

/** Strapi's own English messages that can reach this page, in the page's language. */
export const INDONESIAN: Readonly<Record<string, string>> = {
  'Too many requests, please try again later.': 'Terlalu banyak percobaan. Tunggu beberapa menit lalu coba lagi.',
  'Invalid credentials': 'Email atau kata sandi salah.',
  'User not active': 'Akun Anda tidak aktif. Hubungi super admin.',
  'Invalid registration info': 'Tautan undangan tidak sah atau sudah dipakai.',
  'This reset password token has expired': 'Tautan atur ulang kata sandi sudah kedaluwarsa. Minta tautan baru.',
  'You cannot register a new super admin': 'Super admin sudah ada. Silakan masuk.',
};

export interface FailureView {
  /** The challenge is gone (expired, used up): start again from the e-mail form. */
  restart: boolean;
  message: string;
  /** Several validation messages (e.g. every broken password rule), shown as a list. */
  list: string[] | null;
}

export function describeFailure(answer: Pick<GateAnswer, 'status' | 'json'>): FailureView {
  const error = answer.json?.error ?? {};
  const details = error.details ?? {};
  const given = typeof error.message === 'string' ? error.message : '';
  if (details.code === 'CHALLENGE_INVALID') return { restart: true, message: given, list: null };
  let message: string;
  if (INDONESIAN[given]) message = INDONESIAN[given];
  else if (answer.status === 429 && !details.code) message = INDONESIAN['Too many requests, please try again later.'];
  else if (!given || answer.status >= 500) message = `Terjadi kesalahan (${answer.status}). Silakan coba lagi.`;
  else message = given;
  const list = Array.isArray(details.errors) && details.errors.length > 1 ? details.errors.map((e) => e.message) : null;
  return { restart: false, message: list ? 'Perbaiki hal berikut:' : message, list };
}

export type NextStep =
  | { kind: 'failure'; failure: FailureView }
  | { kind: 'enroll'; challengeToken: string }
  | { kind: 'code'; challengeToken: string }
  | { kind: 'change'; challengeToken: string; recoveryCodes: string[] | null }
  | { kind: 'handoff'; data: GateData & { token: string } }
  | { kind: 'unknown' };

/** Every answer of the gate (login, register, reset, 2FA, password change) goes through here. */
export function nextStep(answer: GateAnswer): NextStep {
  if (!answer.ok) return { kind: 'failure', failure: describeFailure(answer) };
  const data = answer.json?.data ?? {};
  if (data.mfaRequired && data.challengeToken) {
    return data.enrollmentRequired
      ? { kind: 'enroll', challengeToken: data.challengeToken }
      : { kind: 'code', challengeToken: data.challengeToken };
  }
  if (data.passwordChangeRequired && data.challengeToken) {
    return { kind: 'change', challengeToken: data.challengeToken, recoveryCodes: data.recoveryCodes ?? null };
  }
  if (typeof data.token === 'string' && data.token) return { kind: 'handoff', data: { ...data, token: data.token } };
  return { kind: 'unknown' };
}

/** What is still to show after the session exists (or before the overdue password change). */
export interface Pending {
  change?: boolean;
  warning?: string | null;
  recoveryLeft?: number;
  recoveryShown?: boolean;
}

export type AfterCodes =
  | { kind: 'change' }
  | { kind: 'warn'; text: string; pending: Pending }
  | { kind: 'enter' };

/** Threshold under which a recovery-code sign-in warns that codes are running out. */
export const FEW_RECOVERY_CODES = 3;

export function afterCodes(pending: Pending | null): AfterCodes {
  const p = pending ?? {};
  if (p.change) return { kind: 'change' };
  if (p.warning) return { kind: 'warn', text: p.warning, pending: { ...p, warning: null } };
  if (typeof p.recoveryLeft === 'number' && p.recoveryLeft <= FEW_RECOVERY_CODES && !p.recoveryShown) {
    return {
      kind: 'warn',
      text: `Anda masuk dengan kode pemulihan; sisa ${p.recoveryLeft} kode. Buat kode pemulihan baru atau minta super admin mereset 2FA bila ponsel autentikator hilang.`,
      pending: { ...p, recoveryShown: true },
    };
  }
  return { kind: 'enter' };
}

/**
 * Where the panel opens after sign-in: the SPA path the user was sent from, if it is a path on
 * this origin; never `//host` or `/\host` (an open redirect), never an absolute URL.
 */
export function redirectTarget(search: string, adminPath: string): string {
  let to = new URLSearchParams(search).get('redirectTo');
  if (!to || to.charAt(0) !== '/' || to.charAt(1) === '/' || to.charAt(1) === '\\') to = '/';
  return adminPath + to;
}

/**
 * The non-"remember me" access-token cookie, as the SPA's reducer reads it (`jwtToken` on the
 * admin path). Secure on https; Lax because the panel is reached by top-level navigation.
 */
export function accessTokenCookie(cfg: Pick<LoginPageConfig, 'cookieName' | 'cookiePath' | 'cookieDomain'>, token: string, https: boolean): string {
  return (
    `${cfg.cookieName}=${encodeURIComponent(token)}; Path=${cfg.cookiePath}` +
    (cfg.cookieDomain ? `; Domain=${cfg.cookieDomain}` : '') +
    '; SameSite=Lax' +
    (https ? '; Secure' : '')
  );
}

export type PageMode = 'login' | 'register-admin' | 'register' | 'reset-password';

/** The form a URL asks for: the last path segment of /admin/auth/<mode>. */
export function pageMode(pathname: string): PageMode {
  const path = pathname.replace(/\/+$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last === 'register-admin' || last === 'register' || last === 'reset-password' ? last : 'login';
}

/** Codes are typed with spaces or pasted with line breaks; the server wants six digits. */
export const normalizeTotp = (input: string): string => input.replace(/\s+/g, '');

export function recoveryCodesText(issuer: string, codes: readonly string[]): string {
  return `Kode pemulihan ${issuer} (setiap kode berlaku satu kali)\n\n${codes.join('\n')}\n`;
}

export const recoveryCodesFileName = (issuer: string): string =>
  `kode-pemulihan-${issuer.toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.txt`;

export const PASSWORDS_DIFFER = 'Ulangan kata sandi tidak sama. Ketik ulang kedua isian.';
export const NETWORK_FAILURE = 'Tidak dapat menghubungi server. Periksa jaringan lalu coba lagi.';
