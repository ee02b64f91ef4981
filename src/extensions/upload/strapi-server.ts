import type { Core } from '@strapi/strapi';
import { workflowRuntime } from '../../workflow';
import { createFileGuard } from '../../workflow/file-guard';

/**
 * Upload plugin extension (Strapi's documented way to extend a plugin's services): the file
 * operations that change files in place, past the Document Service, first ask the workflow's file
 * guard. Every route (admin Media Library, content API, bulk delete, folder delete) reaches files
 * through these service methods, resolved at call time.
 */
type ServiceFactory = (deps: { strapi: Core.Strapi }) => Record<string, any>;

export default function extendUpload(plugin: any) {
  const makeUploadService: ServiceFactory = plugin.services.upload;
  const guardOf = (strapi: Core.Strapi) => createFileGuard(strapi, () => workflowRuntime(strapi).registry);

  plugin.services.upload = ({ strapi }: { strapi: Core.Strapi }) => {
    const service = makeUploadService({ strapi });
    const guard = guardOf(strapi);
    return {
      ...service,
      async upload(args: { data?: Record<string, unknown> }, opts?: unknown) {
        const { fileInfo: _fileInfo, ...metas } = args?.data ?? {};
        guard.assertNoDirectAttach(metas);
        return service.upload(args, opts);
      },
      async replace(id: number, args: unknown, opts?: unknown) {
        await guard.assertFilesChangeable([id], 'replace');
        return service.replace(id, args, opts);
      },
      async updateFileInfo(id: number, info: unknown, opts?: unknown) {
        await guard.assertFilesChangeable([id], 'update');
        return service.updateFileInfo(id, info, opts);
      },
      async remove(file: { id: number }) {
        await guard.assertFilesChangeable([file.id], 'delete');
        return service.remove(file);
      },
    };
  };

  // Bulk deletes remove files one by one: check every file first, so a refusal deletes none.
  const fileService = plugin.services.file;
  const deleteFilesByIds = fileService.deleteByIds;
  fileService.deleteByIds = async (ids: number[] = []) => {
    await guardOf((globalThis as any).strapi).assertFilesChangeable(ids, 'delete');
    return deleteFilesByIds(ids);
  };
  const folderService = plugin.services.folder;
  const deleteFoldersByIds = folderService.deleteByIds;
  folderService.deleteByIds = async (ids: number[] = []) => {
    const strapi: Core.Strapi = (globalThis as any).strapi;
    const folders = ids.length ? await strapi.db.query('plugin::upload.folder').findMany({ where: { id: { $in: ids } }, select: ['path'] }) : [];
    if (folders.length) {
      const files = await strapi.db.query('plugin::upload.file').findMany({
        where: { $or: folders.flatMap((f: { path: string }) => [{ folderPath: { $eq: f.path } }, { folderPath: { $startsWith: `${f.path}/` } }]) },
        select: ['id'],
      });
      await guardOf(strapi).assertFilesChangeable(files.map((f: { id: number }) => f.id), 'delete');
    }
    return deleteFoldersByIds(ids);
  };
  return plugin;
}
