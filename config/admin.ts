import type { Core } from '@strapi/strapi';
import { prepareEnvironment } from '../src/config/env-setup';

export default ({ env }: Core.Config.Shared.ConfigParams) => {
  prepareEnvironment();
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET'),
      // The refresh cookie (strapi_admin_refresh, httpOnly, Path=/admin) is only ever needed by the
      // admin SPA and the PPID sign-in page, both on this origin: Strict keeps it off every request a
      // page of another site starts, navigations included (README, "Transport and surface").
      cookie: { sameSite: 'strict' },
    },
    // Strapi's login limit (route middleware admin::rateLimit): 5 tries per 5 minutes for one
    // e-mail from one IP, per process, or shared by every instance through Redis when REDIS_URL is
    // set (src/security/shared-login-limit.ts). The e-mail is normalised before it is counted.
    rateLimit: { enabled: true, interval: { min: 5 }, max: 5 },
    apiToken: { salt: env('API_TOKEN_SALT') },
    transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
    secrets: { encryptionKey: env('ENCRYPTION_KEY') },
    flags: { nps: false, promoteEE: false },
    autoOpen: false,
  };
};
