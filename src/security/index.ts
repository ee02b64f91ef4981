import type { Core } from '@strapi/strapi';
import { createHandlers, mustPassGate } from './handlers';
import { ASSET_DIR, loginPageHtml, readLoginScript, SCRIPT_FILE } from './login-page';
import { passwordPrecheck, wrapUserService } from './passwords';
import { normalizeLoginEmail, superAdminOnly } from './login-identity';
import { installSessionGate, strapiSessionAuth } from './session';
import { ACCOUNT_UID, CHALLENGE_UID, guardSecurityTypes, settings } from './store';
import { runSelfChecks } from '../compat/self-check';
import { SECURITY_TOUCH_POINTS } from './touch-points';

/**
 * Account security (SOP: complex password, 2FA, periodic change), wired in from src/index.ts:
 * - Strapi's session-opening admin routes answer with a challenge until the second factor
 *   (and any overdue password change) is done: /login, /register-admin, /register, /reset-password;
 * - /admin/mfa/* routes finish the challenge; /admin/mfa/me* and /admin/mfa/users/:id/reset manage 2FA;
 * - the password policy runs on every password write (route pre-checks + the admin user service);
 * - an Indonesian sign-in page replaces the SPA's own forms (the SPA cannot handle a challenge).
 * See the README, "Account security".
 */
export function registerSecurity(strapi: Core.Strapi): void {
  // Fail closed: a Strapi upgrade that moved an internal this wiring relies on stops start-up.
  runSelfChecks(strapi, SECURITY_TOUCH_POINTS);
  guardSecurityTypes(strapi);
  wrapUserService(strapi);
  const h = createHandlers(strapi);
  wireAdminRoutes(strapi, h);
  servePages(strapi);
}

export async function bootstrapSecurity(strapi: Core.Strapi): Promise<void> {
  wrapUserService(strapi); // no-op when register() already wrapped it
  installSessionGate(strapi, (userId) => mustPassGate(strapi, userId));
  // A deleted admin leaves no secrets behind.
  strapi.eventHub.on('user.delete', async (payload: any) => {
    const ids = [payload?.user, ...(payload?.users ?? [])].filter(Boolean).map((u: any) => Number(u.id));
    if (ids.length === 0) return;
    await strapi.db.query(ACCOUNT_UID as any).deleteMany({ where: { userId: { $in: ids } } });
    await strapi.db.query(CHALLENGE_UID as any).deleteMany({ where: { userId: { $in: ids } } });
  });
}

type Handlers = ReturnType<typeof createHandlers>;

/** Touch point: Strapi's admin routes table (checked by SECURITY_TOUCH_POINTS before this runs). */
function wireAdminRoutes(strapi: Core.Strapi, h: Handlers): void {
  const routers = (strapi as any).admin.routes as Record<string, { routes?: any[] }>;
  const adminRouter = routers.admin as { routes: any[] };
  const all = Object.values(routers).flatMap((r) => r.routes ?? []);
  const find = (method: string, path: string) => {
    const route = all.find((r) => r.method === method && r.path === path);
    route.config = route.config ?? {};
    route.config.middlewares = route.config.middlewares ?? [];
    return route;
  };

  // Strapi's login rate limit is the route middleware 'admin::rateLimit', keyed on the body's
  // e-mail; the e-mail is normalised in front of it.
  const login = find('POST', '/login');
  login.handler = h.login;
  for (const [method, path] of [['POST', '/login'], ['POST', '/register-admin'], ['POST', '/forgot-password']] as const) {
    find(method, path).config.middlewares.unshift(normalizeLoginEmail);
  }
  // Least exposure: environment, versions and dependencies for the super admin only.
  find('GET', '/information').config.middlewares.unshift(superAdminOnly);
  find('POST', '/register-admin').handler = h.registerAdmin;
  find('POST', '/register').handler = h.register;
  find('POST', '/reset-password').handler = h.resetPassword;
  find('POST', '/access-token').config.middlewares.unshift(h.accessTokenGuard);
  find('PUT', '/users/me').config.middlewares.unshift(passwordPrecheck(strapi, 'me'));
  find('POST', '/users').config.middlewares.unshift(passwordPrecheck(strapi, 'create'));
  find('PUT', '/users/:id').config.middlewares.unshift(passwordPrecheck(strapi, 'update'));

  const open = { auth: false };
  const signedIn = { policies: ['admin::isAuthenticatedAdmin'] };
  adminRouter.routes.push(
    { method: 'POST', path: '/mfa/setup', handler: h.setup, config: open },
    { method: 'POST', path: '/mfa/verify', handler: h.verify, config: open },
    { method: 'POST', path: '/mfa/change-password', handler: h.changePassword, config: open },
    { method: 'GET', path: '/mfa/me', handler: h.status, config: signedIn },
    { method: 'POST', path: '/mfa/me/setup', handler: h.meSetup, config: signedIn },
    { method: 'POST', path: '/mfa/me/enable', handler: h.meEnable, config: signedIn },
    { method: 'POST', path: '/mfa/me/recovery-codes', handler: h.meRecoveryCodes, config: signedIn },
    { method: 'POST', path: '/mfa/me/disable', handler: h.meDisable, config: signedIn },
    { method: 'POST', path: '/mfa/users/:id/reset', handler: h.adminReset, config: signedIn },
  );
}

const PAGE_MODES = ['login', 'register-admin', 'register', 'reset-password'];

function adminPath(strapi: Core.Strapi): string {
  return String(strapi.config.get('admin.path', '/admin') || '/admin').replace(/\/+$/, '') || '/admin';
}

/**
 * The sign-in page and its script are ordinary routes (so strapi::security sets the CSP on them);
 * the SPA's catch-all route awaits downstream first and leaves a response that already has a body.
 * The SPA hands its own sign-in forms over to this page itself (src/admin/auth-handover.ts).
 */
function servePages(strapi: Core.Strapi): void {
  const base = adminPath(strapi);
  const noStore = (ctx: any) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
  };
  const page = async (ctx: any) => {
    const cfg = settings(strapi);
    const helpers = strapiSessionAuth();
    noStore(ctx);
    ctx.type = 'html';
    ctx.body = loginPageHtml({
      adminPath: base,
      cookieName: helpers.getAccessCookieName(),
      cookiePath: helpers.getAccessCookiePath(),
      cookieDomain: (strapi.config.get('admin.auth.cookie.domain') as string) || (strapi.config.get('admin.auth.domain') as string) || null,
      minLength: cfg.password.minLength,
      historySize: cfg.password.historySize,
      maxAgeDays: cfg.password.maxAgeDays,
      issuer: cfg.mfa.issuer,
    });
  };
  // Read once at start-up: a missing bundle stops the server here, not at a user's first sign-in.
  const loginScript = readLoginScript(strapi.dirs.dist.root);
  const script = async (ctx: any) => {
    ctx.set('Cache-Control', 'no-cache');
    ctx.type = 'application/javascript; charset=utf-8';
    ctx.body = loginScript;
  };
  strapi.server.routes([
    ...PAGE_MODES.map((mode) => ({ method: 'GET' as const, path: `${base}/auth/${mode}`, handler: page, config: { auth: false } })),
    { method: 'GET', path: `${base}/${ASSET_DIR}/${SCRIPT_FILE}`, handler: script, config: { auth: false } },
  ] as any);

  // helmet 6 (strapi::security) has no Permissions-Policy; the CMS needs none of these features.
  strapi.server.use(async (ctx: any, next: () => Promise<unknown>) => {
    ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    await next();
  });
}
