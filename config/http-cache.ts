import type { Core } from '@strapi/strapi';
import { readHttpCacheSettings } from '../src/cache/rules';

/** HTTP caching of the public content API (README "Performance and HTTP caching"); checked at start-up. */
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const { settings, problems } = readHttpCacheSettings(env as any);
  return { ...settings, problems };
};
