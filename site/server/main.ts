/**
 * `npm run rebuild-service` (and `npm run demo`): the live public site and its rebuild service.
 * - builds the site once at start, then on every relevant CMS webhook (debounced);
 * - serves site/live (a symlink to the last good build) on SITE_HOST:SITE_PORT;
 * - listens for the CMS's webhook on SITE_REBUILD_HOST:SITE_REBUILD_PORT (POST /hooks/strapi,
 *   GET /status, POST /rebuild).
 */
import { createRebuildService } from './rebuild-service.ts';
import { listen } from './net.ts';
import { normaliseApiUrl } from '../src/lib/api.ts';

const service = createRebuildService({
  apiUrl: normaliseApiUrl(process.env.PPID_API_URL),
  token: process.env.PPID_SITE_REBUILD_TOKEN ?? '',
  debounceMs: Number(process.env.SITE_REBUILD_DEBOUNCE_MS ?? 2000),
});
const hookUrl = await service.listen(process.env.SITE_REBUILD_HOST || '127.0.0.1', process.env.SITE_REBUILD_PORT || '4322');
const site = service.siteServer();
const siteUrl = await listen(site, process.env.SITE_HOST || '127.0.0.1', process.env.SITE_PORT || '8080');
console.log(`[situs] public site: ${siteUrl}/  webhook: ${hookUrl}/hooks/strapi`);
service.requestBuild('mulai layanan');
const stop = async () => {
  await service.close();
  site.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
