/**
 * Global middleware: a browser request that changes state under /admin (login, refresh, logout,
 * 2FA…) and that the browser marks as coming from another origin (`Sec-Fetch-Site: cross-site` or
 * `same-site`) is refused with 403. The refresh cookie lives on /admin, and the public site (another
 * port or subdomain of the same site) is same-site, so SameSite alone would let its pages send
 * the cookie; CORS only hides the answer, this stops the request. See src/security/surface-rules.ts.
 */
import type { Core } from '@strapi/strapi';
import { refuseCrossOriginAdminWrite } from '../security/surface-rules';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const adminPath = String(strapi.config.get('admin.path', '/admin') || '/admin').replace(/\/+$/, '') || '/admin';
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (refuseCrossOriginAdminWrite({ method: ctx.method, path: ctx.path, secFetchSite: ctx.get('sec-fetch-site') }, adminPath)) {
      ctx.status = 403;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: null,
        error: { status: 403, name: 'ForbiddenError', message: 'Permintaan dari situs lain ke panel admin ditolak.', details: { code: 'CROSS_ORIGIN_REFUSED' } },
      };
      return;
    }
    return next();
  };
};
