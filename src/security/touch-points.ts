import type { Core } from '@strapi/strapi';
import { expectFunctions, type TouchPoint } from '../compat/self-check';
import { loadStrapiSessionAuth } from './session';

/** Admin routes whose handlers or route middlewares the security wiring changes (src/security/index.ts). */
export const GATED_ADMIN_ROUTES: [string, string][] = [
  ['POST', '/login'],
  ['POST', '/register-admin'],
  ['POST', '/register'],
  ['POST', '/reset-password'],
  ['POST', '/forgot-password'],
  ['POST', '/access-token'],
  ['PUT', '/users/me'],
  ['POST', '/users'],
  ['PUT', '/users/:id'],
  ['GET', '/information'],
];

function adminRoutes(strapi: Core.Strapi): any[] | null {
  const routers = (strapi as any).admin?.routes as Record<string, { routes?: any[] }> | undefined;
  if (!routers?.admin?.routes) return null;
  return Object.values(routers).flatMap((r) => r.routes ?? []);
}

/** The checks; the session-auth loader can be replaced to test a moved module. */
export function securityTouchPoints(loadSessionAuth: () => unknown = loadStrapiSessionAuth): TouchPoint[] {
  return [
    {
      name: "Strapi's admin session cookie helpers (@strapi/admin dist/server/shared/utils/session-auth.js)",
      usedBy: 'src/security/session.ts',
      problem() {
        const helpers = loadSessionAuth() as { REFRESH_COOKIE_NAME?: unknown } | null;
        if (!helpers) return 'the module is not at that path any more';
        if (typeof helpers.REFRESH_COOKIE_NAME !== 'string') return 'REFRESH_COOKIE_NAME is missing';
        return expectFunctions(
          helpers,
          [
            'buildCookieOptionsWithExpiry',
            'getRefreshCookieOptions',
            'buildSessionMetadataFromContext',
            'getAccessCookieName',
            'getAccessCookiePath',
          ],
          'the module',
        );
      },
    },
    {
      name: 'the admin routes table (strapi.admin.routes) and its session-opening routes',
      usedBy: 'src/security/index.ts',
      problem(strapi) {
        const routes = adminRoutes(strapi);
        if (!routes) return 'strapi.admin.routes.admin.routes is missing';
        const missing = GATED_ADMIN_ROUTES.filter(([m, p]) => !routes.some((r) => r.method === m && r.path === p)).map(([m, p]) => `${m} ${p}`);
        if (missing.length) return `no route ${missing.join(', ')}`;
        const login = routes.find((r) => r.method === 'POST' && r.path === '/login');
        if (!(login.config?.middlewares ?? []).includes('admin::rateLimit'))
          return "POST /login no longer has the route middleware 'admin::rateLimit' that the e-mail normalisation must precede";
        return null;
      },
    },
    {
      name: "the admin user service's password-setting methods",
      usedBy: 'src/security/passwords.ts',
      problem(strapi) {
        return expectFunctions(
          strapi.service('admin::user'),
          ['create', 'createFirstAdmin', 'updateById', 'resetPasswordByEmail', 'sanitizeUser'],
          "service('admin::user')",
        );
      },
    },
    {
      name: "the admin auth service's credential check",
      usedBy: 'src/security/handlers.ts',
      problem(strapi) {
        return expectFunctions(strapi.service('admin::auth'), ['checkCredentials', 'validatePassword'], "service('admin::auth')");
      },
    },
    {
      name: 'the admin session store (model admin::session, written through the query engine)',
      usedBy: 'src/security/session.ts',
      problem(strapi) {
        const model = (strapi as any).getModel?.('admin::session');
        if (!model) return 'the model admin::session is missing';
        const missing = ['userId', 'origin', 'sessionId'].filter((a) => !model.attributes?.[a]);
        if (missing.length) return `admin::session has no attribute ${missing.join(', ')}`;
        return expectFunctions(
          (strapi as any).sessionManager?.('admin'),
          ['generateRefreshToken', 'generateAccessToken', 'invalidateRefreshToken'],
          "sessionManager('admin')",
        );
      },
    },
  ];
}

export const SECURITY_TOUCH_POINTS: TouchPoint[] = securityTouchPoints();
