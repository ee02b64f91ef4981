/**
 * Opening an admin session exactly as Strapi's own login does (same refresh cookie, same
 * access token), but only from behind the 2FA gate.
 *
 * Defence in depth: Strapi's session manager is wrapped so that *any* code path that tries to
 * create an admin refresh session (a route we did not think of, a plugin, EE SSO) is refused for
 * an account that still owes a second factor or a password change, unless the call comes from
 * `openSession` below.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
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
export function strapiSessionAuth(): SessionAuth {
  if (!sessionAuth) {
    const root = path.dirname(require.resolve('@strapi/admin/package.json'));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    sessionAuth = require(path.join(root, 'dist/server/shared/utils/session-auth.js')) as SessionAuth;
  }
  return sessionAuth;
}

const gatePassed = new AsyncLocalStorage<true>();

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
  const { token: refreshToken, absoluteExpiresAt } = await gatePassed.run(true, () =>
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

const PATCHED = Symbol.for('ppid.sessionGate');
let currentCheck: ((userId: string) => Promise<boolean>) | null = null;

/**
 * Wraps OriginSessionManager#generateRefreshToken: for origin 'admin', outside `openSession`,
 * a user for whom `mustPassGate` is true gets no session.
 */
export function installSessionGate(strapi: Core.Strapi, mustPassGate: (userId: string) => Promise<boolean>): void {
  currentCheck = mustPassGate;
  const proto = Object.getPrototypeOf(strapi.sessionManager('admin'));
  if (!proto || proto[PATCHED]) return;
  const original = proto.generateRefreshToken;
  proto.generateRefreshToken = async function gatedGenerateRefreshToken(this: { origin: string }, userId: string, ...rest: unknown[]) {
    if (this.origin === 'admin' && !gatePassed.getStore() && currentCheck && (await currentCheck(String(userId)))) {
      strapi.log.warn(`[ppid] refused to open an admin session for user ${userId} outside the 2FA gate`);
      throw new errors.ForbiddenError('Sesi admin hanya dibuka setelah verifikasi dua langkah.');
    }
    return original.call(this, userId, ...rest);
  };
  proto[PATCHED] = true;
}
