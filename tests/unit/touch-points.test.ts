import { runSelfChecks } from '../../src/compat/self-check';
import { GATED_ADMIN_ROUTES, securityTouchPoints } from '../../src/security/touch-points';

/**
 * Each internal of Strapi's that the security wiring relies on, made to vanish or change shape:
 * start-up (runSelfChecks, called first thing in registerSecurity) must stop with a message naming
 * the running Strapi version and the touch point. The real Strapi passes the same checks at every
 * integration test's start-up.
 */
const fn = () => undefined;
const sessionAuth = {
  REFRESH_COOKIE_NAME: 'strapi_admin_refresh',
  buildCookieOptionsWithExpiry: fn,
  getRefreshCookieOptions: fn,
  buildSessionMetadataFromContext: fn,
  getAccessCookieName: fn,
  getAccessCookiePath: fn,
};

function fakeStrapi() {
  const routes = GATED_ADMIN_ROUTES.map(([method, path]) => ({
    method,
    path,
    config: { middlewares: path === '/login' ? ['admin::rateLimit'] : [] },
  }));
  const services: Record<string, unknown> = {
    'admin::user': { create: fn, createFirstAdmin: fn, updateById: fn, resetPasswordByEmail: fn, sanitizeUser: fn },
    'admin::auth': { checkCredentials: fn, validatePassword: fn },
  };
  const strapi: any = {
    config: { get: (key: string) => (key === 'info.strapi' ? '5.99.0' : undefined) },
    admin: { routes: { admin: { routes } } },
    service: (uid: string) => services[uid],
    getModel: (uid: string) => (uid === 'admin::session' ? { attributes: { userId: {}, origin: {}, sessionId: {} } } : undefined),
    sessionManager: () => ({ generateRefreshToken: fn, generateAccessToken: fn, invalidateRefreshToken: fn }),
  };
  return { strapi, routes, services };
}

const check = (strapi: any, loader: () => unknown = () => sessionAuth) => () => runSelfChecks(strapi, securityTouchPoints(loader));

test('the expected shapes pass', () => {
  expect(check(fakeStrapi().strapi)).not.toThrow();
});

test.each([
  ['the session-auth module moved', (_s: any) => null, /session cookie helpers .*: the module is not at that path any more/],
  ['a session-auth helper renamed', (_s: any) => ({ ...sessionAuth, getRefreshCookieOptions: undefined }), /has no getRefreshCookieOptions\(\)/],
])('%s: start-up stops naming the version and the touch point', (_label, loader, message) => {
  expect(check(fakeStrapi().strapi, () => loader(null))).toThrow(message);
  expect(check(fakeStrapi().strapi, () => loader(null))).toThrow(/Strapi 5\.99\.0 \(this PPID code was checked against Strapi 5\.54\.0\)/);
});

test.each([
  ['the admin routes table is gone', (f: ReturnType<typeof fakeStrapi>) => delete f.strapi.admin.routes, /strapi\.admin\.routes\.admin\.routes is missing/],
  ['a session-opening route moved', (f: ReturnType<typeof fakeStrapi>) => (f.routes.find((r) => r.path === '/register')!.path = '/auth/register'), /no route POST \/register/],
  ['the login rate limit is no longer a route middleware', (f: ReturnType<typeof fakeStrapi>) => (f.routes.find((r) => r.path === '/login')!.config.middlewares = []), /admin::rateLimit/],
  ['the user service lost a password method', (f: ReturnType<typeof fakeStrapi>) => delete (f.services['admin::user'] as any).resetPasswordByEmail, /service\('admin::user'\) has no resetPasswordByEmail\(\)/],
  ['the credential check moved', (f: ReturnType<typeof fakeStrapi>) => delete f.services['admin::auth'], /service\('admin::auth'\) is missing/],
  ['the session model changed shape', (f: ReturnType<typeof fakeStrapi>) => (f.strapi.getModel = () => ({ attributes: { user: {}, origin: {}, sessionId: {} } })), /admin::session has no attribute userId/],
  ['the session manager is gone', (f: ReturnType<typeof fakeStrapi>) => (f.strapi.sessionManager = () => undefined), /sessionManager\('admin'\) is missing/],
])('%s: start-up stops with a clear message', (_label, breakIt, message) => {
  const f = fakeStrapi();
  breakIt(f);
  expect(check(f.strapi)).toThrow(message);
  expect(check(f.strapi)).toThrow(/See the README, "Internal touch points"/);
});

test('several broken touch points are all named at once', () => {
  const f = fakeStrapi();
  delete f.services['admin::auth'];
  f.strapi.sessionManager = () => undefined;
  try {
    check(f.strapi)();
    throw new Error('did not stop');
  } catch (error) {
    expect((error as Error).message.match(/\n - /g)).toHaveLength(2);
  }
});

test("the admin panel's one unstable hook (unstable_useDocument, used by the workflow panel) is still exported by the installed Strapi", () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  // The package's exports map hides dist/: find it next to its package.json.
  const root = path.dirname(require.resolve('@strapi/content-manager/package.json'));
  const entry = path.join(root, 'dist/admin/index.js');
  expect(fs.readFileSync(entry, 'utf8')).toMatch(/exports\.unstable_useDocument\s*=/);
});
