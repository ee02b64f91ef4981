/**
 * What a request log line may say about a URL: the path and the names of the query parameters,
 * never the value of a secret or of personal data (a request's tracking code, a signature, an
 * e-mail address, a NIK …). Pure. Used by src/middlewares/request-log.ts, which replaces
 * strapi::logger (that one logs `ctx.url` whole, query string included).
 */

/** Parameter names whose values are never logged (matched on the name without brackets, any case). */
const SECRET_NAMES =
  /kode|code|token|secret|rahasia|sandi|password|passwd|sig|signature|otp|nik|identitas|email|e-mail|telepon|phone|hp|nama|name|alamat|address/i;

export const REDACTED = '[disamarkan]';

function baseName(key: string): string {
  // filters[email][$eq] → every bracketed part counts as a name too.
  return key.replace(/\]/g, '').split('[').join(' ');
}

export function isSecretParam(key: string): boolean {
  return baseName(key).split(' ').some((part) => SECRET_NAMES.test(part));
}

/** `/api/x/status?nomor=007%2FPPID%2F2026&kode=K7QM-…` → `/api/x/status?nomor=007%2FPPID%2F2026&kode=[disamarkan]`. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const path = url.slice(0, q);
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  if (!query) return path;
  const parts = query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    let key = rawKey;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    } catch {
      // An undecodable name is logged as sent; its value is still checked by the raw name.
    }
    if (eq < 0) return rawKey;
    return isSecretParam(key) || isSecretParam(rawKey) ? `${rawKey}=${REDACTED}` : pair;
  });
  return `${path}?${parts.join('&')}`;
}
