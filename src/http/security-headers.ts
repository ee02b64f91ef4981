/**
 * The security headers of `strapi::security` (helmet), computed once instead of on every request. Strapi's own middleware merges its defaults into the configuration and builds
 * a new helmet (parsing every CSP directive) for each request: about 0.2 ms of CPU each time on
 * this machine. The headers depend only on the configuration and on two facts about the request
 * (a GET under /documentation or the GraphQL playground; in development/test a GET of the admin
 * panel, where Strapi widens the CSP for Vite), so Strapi's middleware is run once per such
 * variant against a recording response, and its headers are replayed.
 *
 * `strapi::security` stays in config/middlewares.ts (Strapi requires it there) with its
 * configuration; its factory is wrapped through the middleware registry's `extend`.
 *
 * Touch point (README "Internal touch points"): Strapi's middleware writes its headers through
 * koa-helmet on `ctx.res` (Node's setHeader/removeHeader). Checked on first use: if the recording
 * has no Content-Security-Policy, every request goes through Strapi's middleware as before.
 */
import type { Core } from '@strapi/strapi';

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;
interface HeaderPlan {
  set: [string, string | number | readonly string[]][];
  removed: string[];
}

/** Which of Strapi's per-request variants a request gets (mirrors @strapi/core's security middleware). */
export function securityVariant(method: string, path: string, specialPaths: string[], adminPath: string, nodeEnv: string | undefined): string {
  const get = method === 'GET';
  const special = get && specialPaths.some((p) => path.startsWith(p));
  const devAdmin = (nodeEnv === 'development' || nodeEnv === 'test') && get && path.startsWith(adminPath);
  return `${special ? 1 : 0}${devAdmin ? 1 : 0}`;
}

async function record(strapiSecurity: Middleware, method: string, path: string): Promise<HeaderPlan> {
  const headers = new Map<string, [string, any]>();
  const removed = new Set<string>();
  const res = {
    setHeader(name: string, value: any) {
      headers.set(name.toLowerCase(), [name, value]);
      removed.delete(name.toLowerCase());
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
      removed.add(name.toLowerCase());
    },
    getHeader(name: string) {
      return headers.get(name.toLowerCase())?.[1];
    },
    hasHeader(name: string) {
      return headers.has(name.toLowerCase());
    },
  };
  const req = { method, url: path, headers: {} };
  await strapiSecurity({ method, path, url: path, req, res, request: req, response: res }, async () => {});
  return { set: [...headers.values()], removed: [...removed] };
}

type Factory = (config: unknown, ctx: { strapi: Core.Strapi }) => Middleware;
export const RECORDED = Symbol.for('ppid.recordedSecurityHeaders');

export function registerSecurityHeaders(strapi: Core.Strapi): void {
  (strapi.get('middlewares') as any).extend('strapi::security', (original: Factory) => {
    const wrapped: Factory = (config, ctx) => recordedSecurityHeaders(original(config, ctx), ctx.strapi);
    (wrapped as any)[RECORDED] = true;
    return wrapped;
  });
}

export function recordedSecurityHeaders(strapiSecurity: Middleware, strapi: Core.Strapi): Middleware {
  const adminPath = String(strapi.config.get('admin.path', '/admin'));
  const plans = new Map<string, HeaderPlan>();
  let specialPaths: string[] | null = null;
  let recordingWorks = true;

  return async (ctx: any, next: () => Promise<unknown>) => {
    if (!recordingWorks) return strapiSecurity(ctx, next);
    if (!specialPaths) {
      const graphql: any = strapi.plugin('graphql');
      specialPaths = ['/documentation'];
      if (graphql?.service('utils')?.playground?.isEnabled()) specialPaths.push(graphql.config('endpoint'));
    }
    const variant = securityVariant(ctx.method, ctx.path, specialPaths, adminPath, process.env.NODE_ENV);
    let plan = plans.get(variant);
    if (!plan) {
      plan = await record(strapiSecurity, ctx.method, ctx.path);
      if (!plan.set.some(([name]) => name.toLowerCase() === 'content-security-policy')) {
        recordingWorks = false;
        strapi.log.error('[ppid] security-headers: could not record the headers of strapi::security; it now runs on every request (see README "Internal touch points")');
        return strapiSecurity(ctx, next);
      }
      plans.set(variant, plan);
    }
    for (const [name, value] of plan.set) ctx.res.setHeader(name, value);
    for (const name of plan.removed) ctx.res.removeHeader(name);
    return next();
  };
};
