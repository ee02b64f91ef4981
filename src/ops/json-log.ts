/**
 * Logs as one JSON object per line (production default; PPID_LOG_FORMAT=json|text), each with the
 * request id of the request it belongs to, and without personal data or secrets: e-mail
 * addresses, long digit runs (NIK, telephone numbers), tokens and query-string values are
 * replaced before the line is written, and meta fields named like secrets are dropped.
 * Pure functions here; the winston format is built in config/logger.ts.
 */

export type LogFormat = 'json' | 'text';

export function logFormat(env: NodeJS.ProcessEnv = process.env): LogFormat {
  const explicit = (env.PPID_LOG_FORMAT ?? '').trim().toLowerCase();
  if (explicit === 'json' || explicit === 'text') return explicit;
  if (explicit) throw new Error('PPID_LOG_FORMAT harus "json" atau "text"');
  return env.NODE_ENV === 'production' ? 'json' : 'text';
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
// NIK (16 digits), telephone numbers (10-13 digits, also written +62…): long digit runs.
const LONG_DIGITS = /\+?\b\d{10,}\b/g;
// Values in a query string (tracking codes, tokens, search terms); the names stay readable.
const QUERY_VALUE = /([?&][^=&\s#]{1,64})=([^&\s#]*)/g;
// Long random strings (challenge tokens, reset tokens, API keys): 32+ base64url characters.
const OPAQUE = /\b[A-Za-z0-9_-]{32,}\b/g;

/** The text with personal data and secrets replaced. */
export function redactText(text: string): string {
  return text
    .replace(QUERY_VALUE, '$1=[disaring]')
    .replace(JWT, '[token]')
    .replace(BEARER, '$1 [token]')
    .replace(EMAIL, '[email]')
    .replace(LONG_DIGITS, '[angka]')
    .replace(OPAQUE, '[token]');
}

const SECRET_KEY = /pass|secret|token|authori[sz]ation|cookie|kode|code|key|kunci|nik|identitas|email|telepon|phone|alamat|nama/i;

/** A copy of a meta value with secret-looking fields removed and strings redacted. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 4) return '[…]';
  if (value instanceof Error) return { name: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  if (Array.isArray(value)) return value.slice(0, 50).map((v) => redactValue(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = SECRET_KEY.test(k) ? '[disaring]' : redactValue(v, depth + 1);
  return out;
}

const RESERVED = new Set(['level', 'message', 'timestamp', 'splat']);

/** The JSON object of one log entry (winston's `info`), its request id if any. */
export function logEntry(info: Record<string | symbol, unknown>, requestId: string | null, now = new Date()): Record<string, unknown> {
  const entry: Record<string, unknown> = {
    time: now.toISOString(),
    level: String(info.level ?? 'info'),
    msg: redactText(typeof info.message === 'string' ? info.message : JSON.stringify(redactValue(info.message)) ?? ''),
  };
  if (requestId) entry.requestId = requestId;
  for (const [k, v] of Object.entries(info)) {
    if (RESERVED.has(k) || k in entry) continue;
    entry[k] = SECRET_KEY.test(k) ? '[disaring]' : redactValue(v);
  }
  return entry;
}

/** A client's X-Request-Id is kept only if it is a plain token; otherwise a new id is made. */
export function acceptRequestId(header: unknown): string | null {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : null;
}
