import type { Core } from '@strapi/strapi';
import { exceedsDepth, MAX_BODY_DEPTH } from '../http/json-depth';

/**
 * Refuses a request body nested deeper than any real form with a 400 (Strapi's error shape),
 * before a route handler walks it. Registered right after strapi::body in config/middlewares.ts.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const body = ctx.request?.body;
    if (body && typeof body === 'object' && exceedsDepth(body, MAX_BODY_DEPTH)) {
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: `Isi permintaan bersarang terlalu dalam (lebih dari ${MAX_BODY_DEPTH} tingkat) dan ditolak.`,
          details: { code: 'BODY_TOO_DEEP' },
        },
      };
      return;
    }
    await next();
  };
};
