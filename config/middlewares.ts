import type { Core } from '@strapi/strapi';
import { corsOriginsFor } from '../src/security/surface-rules';

/**
 * Directive values are strings on purpose: strapi::security merges this config into its defaults
 * with lodash defaultsDeep, which merges arrays index by index, so a shorter array would silently
 * get Strapi's extra sources (e.g. connect-src https:) appended. A string replaces the default.
 * In development/test Strapi itself widens script-src/connect-src on admin GET requests for Vite.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const siteOrigins = env.array('SITE_ORIGINS', ['http://127.0.0.1:8080', 'http://localhost:8080']);
  return middlewares(env, siteOrigins);
};

const middlewares = (env: Core.Config.Shared.ConfigParams['env'], siteOrigins: string[]) => [
  // strapi::logger's line, with secret and personal query values left out (a request's ?kode=).
  'global::request-log',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'default-src': "'self'",
          'base-uri': "'self'",
          // API calls go to this server only (also the admin panel's).
          'connect-src': "'self'",
          // The admin panel renders uploads and previews from blob:/data: URLs; the QR code is a data: URL.
          'img-src': "'self' data: blob:",
          'media-src': "'self' data: blob:",
          'font-src': "'self' data:",
          // No inline or third-party script anywhere (the sign-in page loads its script as a file).
          'script-src': "'self'",
          'script-src-attr': "'none'",
          // The admin panel (styled-components) injects <style> elements at run time.
          'style-src': "'self' 'unsafe-inline'",
          'object-src': "'none'",
          'frame-src': "'self'",
          'frame-ancestors': "'none'",
          'form-action': "'self'",
          'worker-src': "'self' blob:",
          'manifest-src': "'self'",
          // Only where the site is served over TLS (behind the reverse proxy in production).
          upgradeInsecureRequests: env.bool('PPID_CSP_UPGRADE_INSECURE', env('NODE_ENV') === 'production') ? [] : null,
        },
      },
      frameguard: { action: 'deny' },
      hsts: { maxAge: 31536000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
      crossOriginOpenerPolicy: { policy: 'same-origin' },
      // The public site (another origin) embeds uploaded files, so resources stay cross-origin readable.
      crossOriginResourcePolicy: false,
      noSniff: true,
      dnsPrefetchControl: { allow: false },
      permittedCrossDomainPolicies: { permittedPolicies: 'none' },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // The public site's origin(s) may read the public content API (/api/…) with simple GETs and
      // no credentials; /admin, the plugins' admin API and /uploads answer no cross-origin request.
      origin: (ctx: { path: string; method: string; get(name: string): string }) =>
        corsOriginsFor(ctx.path, siteOrigins, '/api', { method: ctx.method, preflightMethod: ctx.get('Access-Control-Request-Method') || null }),
      credentials: false,
      // POST: the site's request form and tracking page send JSON to /api/permohonan-informasi[/status]
      // (corsOriginsFor gives no origin to a cross-origin POST anywhere else).
      methods: ['GET', 'HEAD', 'OPTIONS', 'POST'],
      headers: ['Content-Type', 'Accept'],
      maxAge: 600,
    },
  },
  // State-changing requests to /admin from another origin (even of the same site) are refused.
  'global::admin-origin',
  // Who may fetch /uploads/…, and headers under which a stored file cannot act.
  'global::upload-serving',
  // No 'strapi::poweredBy': the X-Powered-By header only advertises the software.
  'strapi::query',
  // ETag, Cache-Control and the response cache of the public read routes (src/cache/).
  'global::http-cache',
  'strapi::body',
  // A body nested deeper than any form gets a 400 before a handler recurses through it.
  'global::body-depth',
  // Every uploaded file is checked by its bytes before any route sees it.
  'global::upload-content',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
