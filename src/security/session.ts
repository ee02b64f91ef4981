/**
 * Opening an admin session exactly as Strapi's own login does (same refresh cookie, same
 * access token), but only from behind the 2FA gate.
 *
 * Defence in depth: Strapi's session manager is wrapped so that *any* code path that tries to
 * create an admin refresh session (a route we did not think of, a plugin, EE SSO) is refused for
 * an account that still owes a second factor or a password change, unless the call comes from
 * `openSession` below.
 */
import { runInScope, scopeField } from '../context/store';
import crypto from 'node:crypto';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Strapi's own cookie/session helpers (@strapi/admin 5.54, dist/server/shared/utils/session-auth.js).
 * The package's `exports` map hides them, so they are loaded by absolute path; using them keeps the
 * refresh cookie byte-for-byte what `POST /admin/login` sets (name, path, SameSite, Secure, expiry).
 */
interface SessionAuth {
  REFRESH_COOKIE_NAME: string;
  buildCookieOptionsWithExpiry(type: 'refresh' | 'session', absoluteExpiresAt: string | undefined, secureRequest?: boolean): any;
  getRefreshCookieOptions(secureRequest?: boolean): any;
  buildSessionMetadataFromContext(ctx: any): any;
  getAccessCookieName(): string;
  getAccessCookiePath(): string;
}

let sessionAuth: SessionAuth | null = null;

/** The helpers, or null when the module is not where Strapi 5.54 has it (see the self-check). */
export function loadStrapiSessionAuth(): SessionAuth | null {
  if (sessionAuth) return sessionAuth;
  try {
    const root = path.dirname(require.resolve('@strapi/admin/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    sessionAuth = require(path.join(root, 'dist/server/shared/utils/session-auth.js')) as SessionAuth;
  } catch {
    return null;
  }
  return sessionAuth;
}

export function strapiSessionAuth(): SessionAuth {
  const helpers = loadStrapiSessionAuth();
  if (!helpers) throw new Error("[ppid] security: Strapi's session-auth helpers are missing (see the start-up self-check)");
  return helpers;
}

export interface SessionOptions {
  deviceId: string | null;
  rememberMe: boolean;
}

export interface SessionAnswer {
  token: string;
  accessToken: string;
  user: any;
}

/** Creates the refresh session, sets Strapi's refresh cookie, returns Strapi's login `data`. */
export async function openSession(strapi: Core.Strapi, ctx: any, user: any, opts: SessionOptions): Promise<SessionAnswer> {
  const helpers = strapiSessionAuth();
  const manager = strapi.sessionManager('admin');
  const type = opts.rememberMe ? 'refresh' : 'session';
  const { token: refreshToken, absoluteExpiresAt } = await runInScope({ gatePassed: true }, () =>
    manager.generateRefreshToken(String(user.id), opts.deviceId || crypto.randomUUID(), {
      type,
      metadata: helpers.buildSessionMetadataFromContext(ctx),
    }),
  );
  ctx.cookies.set(helpers.REFRESH_COOKIE_NAME, refreshToken, helpers.buildCookieOptionsWithExpiry(type, absoluteExpiresAt, ctx.request.secure));
  const access = await manager.generateAccessToken(refreshToken);
  if ('error' in access) throw new errors.ApplicationError('Sesi tidak dapat dibuat. Silakan coba lagi.');
  const sanitized = strapi.service('admin::user').sanitizeUser(user);
  strapi.eventHub.emit('admin.auth.success', { user: sanitized, provider: 'local' });
  return { token: access.token, accessToken: access.token, user: sanitized };
}

/** Expires the refresh cookie (used when a refresh is refused). */
export function clearRefreshCookie(ctx: any): void {
  const helpers = strapiSessionAuth();
  ctx.cookies.set(helpers.REFRESH_COOKIE_NAME, '', { ...helpers.getRefreshCookieOptions(ctx.request.secure), expires: new Date(0) });
}

export async function revokeSessions(strapi: Core.Strapi, userId: number | string): Promise<void> {
  if (strapi.sessionManager?.hasOrigin?.('admin')) {
    await strapi.sessionManager('admin').invalidateRefreshToken(String(userId));
  }
}

const SESSION_UID = 'admin::session';
let currentCheck: ((userId: string) => Promise<boolean>) | null = null;
const subscribed = new WeakSet<object>();

/**
 * Last line of defence, on Strapi's public database lifecycles: a new admin session row created
 * outside `openSession` (a route or plugin we did not think of) is refused for a user for whom
 * `mustPassGate` is true. Strapi's session manager stores every session, refresh rotations
 * included, through the query engine's `create` on `admin::session`.
 */
export function installSessionGate(strapi: Core.Strapi, mustPassGate: (userId: string) => Promise<boolean>): void {
  currentCheck = mustPassGate;
  if (subscribed.has(strapi.db)) return;
  subscribed.add(strapi.db);
  strapi.db.lifecycles.subscribe({
    models: [SESSION_UID],
    async beforeCreate(event: any) {
      const data = event?.params?.data ?? {};
      if (data.origin !== 'admin' || scopeField('gatePassed') || !currentCheck) return;
      // A refresh rotates a session into a child of the same device: it continues a session the
      // gate opened (the access-token guard judges the refresh itself), so only new ones are held.
      const continuing =
        data.deviceId &&
        (await strapi.db.query(SESSION_UID).count({ where: { userId: String(data.userId), deviceId: data.deviceId, origin: 'admin', status: 'active' } })) > 0;
      if (continuing) return;
      if (await currentCheck(String(data.userId))) {
        strapi.log.warn(`[ppid] refused to open an admin session for user ${data.userId} outside the 2FA gate`);
        throw new errors.ForbiddenError('Sesi admin hanya dibuka setelah verifikasi dua langkah.');
      }
    },
  });
}
