import type { Core } from '@strapi/strapi';

/** LOG_LEVEL: error | warn | info | http (default) | verbose | debug | silly. */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
