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

/** Resolves once the CMS answers its public API (it may still be starting), or after `timeoutMs`. */
async function waitForCms(apiUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${apiUrl}/api/bidangs?pagination[pageSize]=1`, { signal: AbortSignal.timeout(5000) })).ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return false;
}

const apiUrl = normaliseApiUrl(process.env.PPID_API_URL);
const service = createRebuildService({
  apiUrl,
  token: process.env.PPID_SITE_REBUILD_TOKEN ?? '',
  debounceMs: Number(process.env.SITE_REBUILD_DEBOUNCE_MS ?? 2000),
  // A starting CMS seeds and publishes before it answers: those webhooks wait for the first build.
  paused: true,
});
const hookUrl = await service.listen(process.env.SITE_REBUILD_HOST || '127.0.0.1', process.env.SITE_REBUILD_PORT || '4322');
const site = service.siteServer();
const siteUrl = await listen(site, process.env.SITE_HOST || '127.0.0.1', process.env.SITE_PORT || '8080');
console.log(`[situs] public site: ${siteUrl}/  webhook: ${hookUrl}/hooks/strapi`);
if (!(await waitForCms(apiUrl, 300000))) console.log(`[situs] the CMS at ${apiUrl} does not answer yet; building anyway`);
service.requestBuild('mulai layanan');
service.resume();
const stop = async () => {
  await service.close();
  site.close(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
