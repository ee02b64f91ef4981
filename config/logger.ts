import type { Core } from '@strapi/strapi';
import { winston } from '@strapi/logger';
import { logEntry, logFormat } from '../src/ops/json-log';

/**
 * LOG_LEVEL: error | warn | info | http (default) | verbose | debug | silly.
 * PPID_LOG_FORMAT: `json` (default when NODE_ENV=production: one JSON object per line with the
 * request id, personal data and secrets removed, src/ops/json-log.ts) or `text` (Strapi's own).
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
  ...(logFormat(process.env) === 'json'
    ? {
        format: winston.format.printf((info) => {
          const ctx = (globalThis as { strapi?: { requestContext?: { get(): any } } }).strapi?.requestContext?.get();
          return JSON.stringify(logEntry(info, ctx?.state?.requestId ?? null));
        }),
      }
    : {}),
});
