import type { Core } from '@strapi/strapi';
import { prepareEnvironment } from '../src/config/env-setup';
import { cronTasks } from '../src/cron';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  prepareEnvironment();
  return {
    // Loopback by default: put a reverse proxy in front, or set HOST=0.0.0.0 deliberately.
    host: env('HOST', '127.0.0.1'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Strapi 5 reads server.proxy.koa (a bare boolean here was ignored): behind nginx the client's
    // address then comes from X-Forwarded-For, which the rate limits and the audit trail key on.
    // Only the last TRUST_PROXY_HOPS addresses of X-Forwarded-For are believed (the ones our own
    // proxies appended): a client cannot pick its address by sending the header itself.
    proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
    app: { keys: env.array('APP_KEYS') },
    cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  };
};
