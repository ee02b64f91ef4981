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
    proxy: env.bool('TRUST_PROXY', false),
    app: { keys: env.array('APP_KEYS') },
    cron: { enabled: env.bool('CRON_ENABLED', true), tasks: cronTasks },
  };
};
