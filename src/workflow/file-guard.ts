import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { WorkflowRegistry } from './registry';
import type { WorkflowDefinition } from './types';

const FILE_UID = 'plugin::upload.file';

type FileAction = 'replace' | 'update' | 'delete';

const ACTION_TEXT: Record<FileAction, string> = {
  replace: 'diganti',
  update: 'diubah keterangannya',
  delete: 'dihapus',
};

/**
 * The Media Library changes files in place, past the Document Service: replacing a file keeps its
 * URL and swaps the bytes every version that uses it serves. A file used by a workflow document
 * that is approved or online is therefore frozen; the editor uploads a new file and attaches it to
 * the document, which sends the document back for approval.
 */
export function createFileGuard(strapi: Core.Strapi, registry: () => WorkflowRegistry) {
  /** States in which a document's content counts as approved. */
  const approvedStates = (def: WorkflowDefinition) => new Set([...(def.publishableStates ?? []), ...Object.keys(def.onEditFrom ?? {})]);

  const guarded = (uid: string) => {
    const def = registry().byUid.get(uid);
    return def && approvedStates(def).size > 0 ? def : null;
  };

  /** A short name for the document an editor recognises: its first text attribute. */
  async function describe(def: WorkflowDefinition, documentId: string): Promise<string> {
    const model: any = strapi.contentType(def.uid as any);
    const titleField = Object.entries<any>(model.attributes).find(([, a]) => a.type === 'string')?.[0];
    const row = titleField ? await strapi.db.query(def.uid as any).findOne({ where: { documentId }, select: [titleField] }) : null;
    const title = row?.[titleField!] ? ` "${row[titleField!]}"` : '';
    return `${model.info?.displayName ?? def.name}${title}`;
  }

  async function isApprovedOrOnline(def: WorkflowDefinition, documentId: string): Promise<boolean> {
    const draftAndPublish = Boolean((strapi.contentType(def.uid as any) as any).options?.draftAndPublish);
    if (draftAndPublish) {
      const online = await strapi.db.query(def.uid as any).count({ where: { documentId, publishedAt: { $notNull: true } } });
      if (online > 0) return true;
    }
    const approved = await strapi.db.query(def.uid as any).count({ where: { documentId, [def.field]: { $in: [...approvedStates(def)] } } });
    return approved > 0;
  }

  /** Refuses, before anything is touched, a change to a file that an approved or online document uses. */
  async function assertFilesChangeable(fileIds: (number | string)[], action: FileAction): Promise<void> {
    for (const id of fileIds) {
      const file = await strapi.db.query(FILE_UID).findOne({ where: { id }, populate: { related: true } });
      const seen = new Set<string>();
      for (const related of (file?.related ?? []) as { __type?: string; documentId?: string }[]) {
        const def = related.__type ? guarded(related.__type) : null;
        if (!def || !related.documentId || seen.has(related.documentId)) continue;
        seen.add(related.documentId);
        if (await isApprovedOrOnline(def, related.documentId)) {
          throw new errors.ApplicationError(
            `Berkas "${file.name}" dipakai oleh ${await describe(def, related.documentId)} yang sudah disetujui atau terbit, sehingga tidak dapat ${ACTION_TEXT[action]}. ` +
              'Unggah berkas baru lalu pasang pada dokumen tersebut; dokumen akan kembali menunggu persetujuan.',
            { code: 'FILE_IN_APPROVED_DOCUMENT', fileId: Number(id), documentId: related.documentId },
          );
        }
      }
    }
  }

  return { assertFilesChangeable };
}

export type FileGuard = ReturnType<typeof createFileGuard>;

/** The upload service with replace, file-info edits and deletes asking the guard first. */
export function guardFileChanges<S extends Record<string, any>>(guard: FileGuard, service: S): S {
  const original = { replace: service.replace, updateFileInfo: service.updateFileInfo, remove: service.remove };
  return Object.assign(service, {
    async replace(id: number, ...rest: unknown[]) {
      await guard.assertFilesChangeable([id], 'replace');
      return original.replace.call(service, id, ...rest);
    },
    async updateFileInfo(id: number, ...rest: unknown[]) {
      await guard.assertFilesChangeable([id], 'update');
      return original.updateFileInfo.call(service, id, ...rest);
    },
    async remove(file: { id: number }, ...rest: unknown[]) {
      await guard.assertFilesChangeable([file.id], 'delete');
      return original.remove.call(service, file, ...rest);
    },
  });
}

/**
 * Bulk deletes (selected files, whole folders) remove files one by one: every file is checked
 * first, so a refusal deletes none.
 */
export function guardBulkDeletes(fileService: { deleteByIds: (ids: number[]) => Promise<unknown> }, folderService: { deleteByIds: (ids: number[]) => Promise<unknown> }, guard: () => FileGuard) {
  const deleteFiles = fileService.deleteByIds;
  fileService.deleteByIds = async (ids: number[] = []) => {
    await guard().assertFilesChangeable(ids, 'delete');
    return deleteFiles(ids);
  };
  const deleteFolders = folderService.deleteByIds;
  folderService.deleteByIds = async (ids: number[] = []) => {
    const strapi: Core.Strapi = (globalThis as any).strapi;
    const folders = ids.length ? await strapi.db.query('plugin::upload.folder').findMany({ where: { id: { $in: ids } }, select: ['path'] }) : [];
    if (folders.length) {
      const files = await strapi.db.query('plugin::upload.file').findMany({
        where: { $or: folders.flatMap((f: { path: string }) => [{ folderPath: { $eq: f.path } }, { folderPath: { $startsWith: `${f.path}/` } }]) },
        select: ['id'],
      });
      await guard().assertFilesChangeable(files.map((f: { id: number }) => f.id), 'delete');
    }
    return deleteFolders(ids);
  };
}
