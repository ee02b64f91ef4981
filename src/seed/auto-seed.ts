import type { Core } from '@strapi/strapi';
import { runSeed } from './index';

/**
 * A fresh development database seeds itself, so `npm run develop` on a new clone shows a working
 * PPID. Never in production or tests, and PPID_AUTO_SEED=false turns it off.
 */
export async function autoSeedIfEmpty(strapi: Core.Strapi): Promise<void> {
  const env = process.env.NODE_ENV ?? 'development';
  if (env === 'production' || env === 'test' || process.env.PPID_AUTO_SEED === 'false') return;
  const units = await strapi.db.query('api::bidang.bidang').count();
  if (units > 0) return;
  strapi.log.info('[seed] empty development database: loading demo data');
  await runSeed(strapi, { withDemoAdmins: true });
}
