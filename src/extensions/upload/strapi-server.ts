/**
 * Upload plugin extension (Strapi's documented `src/extensions/<plugin>/strapi-server` hook):
 * - the `upload` service checks every file's bytes before storing it (src/uploads/service-guard.ts);
 * - files used by an approved or online workflow document cannot be replaced, re-described or
 *   deleted, one by one or in bulk (src/workflow/file-guard.ts).
 * Every route (admin Media Library, content API, bulk and folder deletes) reaches files through
 * these services, which Strapi resolves at call time.
 */
import type { Core } from '@strapi/strapi';
import { guardUploadService } from '../../uploads/service-guard';
import { workflowRuntime } from '../../workflow';
import { createFileGuard, guardBulkDeletes, guardFileChanges } from '../../workflow/file-guard';

type ServiceFactory = (deps: { strapi: Core.Strapi }) => any;

export default (plugin: { services: Record<string, any> }) => {
  const factory: ServiceFactory = plugin.services.upload;
  if (typeof factory !== 'function' || typeof plugin.services.file?.deleteByIds !== 'function' || typeof plugin.services.folder?.deleteByIds !== 'function') {
    throw new Error(
      '[ppid] uploads: the upload plugin no longer has the `upload` service factory and the `file`/`folder` deleteByIds services (checked against Strapi 5.54); the upload checks cannot be installed.',
    );
  }
  const fileGuard = (strapi: Core.Strapi) => createFileGuard(strapi, () => workflowRuntime(strapi).registry);
  plugin.services.upload = (deps: { strapi: Core.Strapi }) => guardFileChanges(fileGuard(deps.strapi), guardUploadService(deps.strapi, factory(deps)));
  guardBulkDeletes(plugin.services.file, plugin.services.folder, () => fileGuard((globalThis as any).strapi));
  return plugin;
};
