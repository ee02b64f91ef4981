/**
 * Cross-origin rules (pure).
 *
 * - CORS: the public site's origins may read the public content API (`/api/…`) with simple,
 *   credential-less GETs. Nothing else answers a cross-origin request: no Access-Control-Allow-Origin
 *   for /admin, the admin API of the plugins, or /uploads, and never Allow-Credentials.
 * - Fetch metadata: a state-changing request to /admin (where the refresh cookie lives) that the
 *   browser marks as coming from another site or another origin of the same site is refused. The
 *   public site on another port or subdomain is *same-site*, so SameSite cookies alone would not
 *   keep it out.
 */

export function isUnder(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The content-API paths the public site may POST to across origins: the request form and tracking. */
export const CROSS_ORIGIN_POST_PATHS: readonly string[] = ['/api/permohonan-informasi', '/api/permohonan-informasi/status'];

/**
 * Origins allowed for this request: the site's origins on the content API, none elsewhere. A POST
 * (or a preflight asking for one) gets an origin only on the paths the site's forms post to, so no
 * other write of the content API is ever readable cross-origin, whatever its permissions.
 */
export function corsOriginsFor(
  pathname: string,
  siteOrigins: readonly string[],
  apiPrefix = '/api',
  request: { method?: string; preflightMethod?: string | null } = {},
): string[] {
  if (!isUnder(pathname, apiPrefix)) return [];
  const method = (request.method === 'OPTIONS' ? request.preflightMethod : request.method)?.toUpperCase();
  if (method && !SAFE_METHODS.has(method) && !CROSS_ORIGIN_POST_PATHS.includes(pathname.replace(/\/+$/, ''))) return [];
  return [...siteOrigins];
}

/** True when a browser request to the admin from another origin must be refused. */
export function refuseCrossOriginAdminWrite(req: { method: string; path: string; secFetchSite?: string | null }, adminPath = '/admin'): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  if (!isUnder(req.path, adminPath)) return false;
  const site = (req.secFetchSite ?? '').toLowerCase();
  return site === 'cross-site' || site === 'same-site';
}
