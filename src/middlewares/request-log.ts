import type { Core } from '@strapi/strapi';
import { redactUrl } from '../http/log-redaction';

/**
 * The HTTP request log (in place of strapi::logger, same line format and level): method, URL with
 * secret and personal query values replaced (src/http/log-redaction.ts), duration, status. The
 * tracking code of an information request sent as `?kode=` never reaches the log. Bodies are
 * never logged.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: any, next: () => Promise<void>) => {
    const start = Date.now();
    try {
      await next();
    } finally {
      const delta = Math.ceil(Date.now() - start);
      strapi.log.http(`${ctx.method} ${redactUrl(String(ctx.originalUrl ?? ctx.url))} (${delta} ms) ${ctx.status}`);
    }
  };
};
