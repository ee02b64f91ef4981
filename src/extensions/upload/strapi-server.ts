/**
 * Upload plugin extension (Strapi's documented `src/extensions/<plugin>/strapi-server` hook):
 * the `upload` service checks every file's bytes before storing it. See src/uploads/service-guard.ts.
 */
import type { Core } from '@strapi/strapi';
import { guardUploadService } from '../../uploads/service-guard';

type ServiceFactory = (deps: { strapi: Core.Strapi }) => any;

export default (plugin: { services: Record<string, ServiceFactory> }) => {
  const factory = plugin.services.upload;
  if (typeof factory !== 'function') {
    throw new Error('[ppid] uploads: the upload plugin has no `upload` service factory (checked against Strapi 5.54); the upload checks cannot be installed.');
  }
  plugin.services.upload = (deps) => guardUploadService(deps.strapi, factory(deps));
  return plugin;
};
