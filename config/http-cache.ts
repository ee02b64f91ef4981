import type { Core } from '@strapi/strapi';
import { readHttpCacheSettings } from '../src/cache/rules';
import { readCdnPurgeSettings } from '../src/cache/cdn-purge';

/** HTTP caching of the public content API (README "Performance and HTTP caching"); checked at start-up. */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const { settings, problems } = readHttpCacheSettings(env as any);
  const cdn = readCdnPurgeSettings(env as any);
  return { ...settings, cdnPurge: cdn.settings, problems: [...problems, ...cdn.problems] };
};
