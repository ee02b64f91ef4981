/**
 * Global middleware: HTTP caching of the public content API (README "Performance and HTTP
 * caching"). Anonymous GETs of the public read routes get an ETag, a CDN-friendly Cache-Control,
 * `304 Not Modified` to a matching If-None-Match, and are answered from the response cache when
 * it holds them. The same routes read with an Authorization header or asking for drafts get
 * `private, no-store`; nothing else is touched. CORS and security headers are set per request by
 * the middlewares before this one, so they are never cached.
 */
import type { Core } from '@strapi/strapi';
import { getHttpCache, httpCacheSettings } from '../cache';
import {
  PRIVATE_CACHE_CONTROL,
  cacheKey,
  classifyRequest,
  etagOf,
  ifNoneMatchMatches,
  publicCacheControl,
  type CachedResponse,
} from '../cache/rules';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = httpCacheSettings(strapi);
  if (!settings.enabled) return async (_ctx: any, next: () => Promise<unknown>) => next();
  const cacheControl = publicCacheControl(settings);

  const send = (ctx: any, entry: CachedResponse, state: 'HIT' | 'MISS' | 'BYPASS') => {
    ctx.set('ETag', entry.etag);
    ctx.set('Cache-Control', cacheControl);
    ctx.vary('Accept-Encoding');
    ctx.set('X-Cache', state);
    if (ifNoneMatchMatches(ctx.get('if-none-match'), entry.etag)) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
    ctx.status = 200;
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = entry.body;
  };

  return async (ctx: any, next: () => Promise<unknown>) => {
    const kind = classifyRequest(
      { method: ctx.method, path: ctx.path, querystring: ctx.querystring, hasAuthorization: Boolean(ctx.get('authorization')) },
      settings.paths,
    );
    if (kind === 'other') return next();
    if (kind === 'private') {
      await next();
      ctx.set('Cache-Control', PRIVATE_CACHE_CONTROL);
      return;
    }

    const store = getHttpCache(strapi)?.store ?? null;
    const key = cacheKey(ctx.path, ctx.querystring);
    let generation = '';
    if (store) {
      const found = store.lookup(key);
      const hit = found instanceof Promise ? await found : found;
      if (hit.entry) return send(ctx, hit.entry, 'HIT');
      generation = hit.generation;
    }

    await next();
    const body = ctx.body;
    // Only whole JSON answers (not errors, streams or files) are validated and kept.
    if (ctx.status !== 200 || body === null || typeof body !== 'object' || Buffer.isBuffer(body) || typeof body.pipe === 'function') {
      ctx.set('Cache-Control', PRIVATE_CACHE_CONTROL);
      return;
    }
    const text = JSON.stringify(body);
    const entry: CachedResponse = { etag: etagOf(text), body: text };
    if (store) {
      const stored = store.store(key, generation, entry);
      if (stored instanceof Promise) await stored;
    }
    send(ctx, entry, store ? 'MISS' : 'BYPASS');
  };
};
