/**
 * Signed file URLs in the answers of privileged callers only (admin panel, admin and API tokens).
 *
 * With a private provider, Strapi's upload plugin installs a Document Service middleware at
 * bootstrap that walks every entry every read returns (traverseEntity over all attributes, and a
 * deep clone of each file) to sign its media URLs, whoever asked. Public answers never carry a
 * signature (signedUrlFor keeps their plain URL), so for the public API that walk was pure cost:
 * the largest of this project's overheads against plain Strapi (bench/README.md).
 *
 * So the provider reports itself private only inside a privileged request (src/uploads/index.ts):
 * at bootstrap, outside any request, the plugin finds it public and installs nothing, while its
 * file service still signs the Media Library's answers for admins. This middleware takes over the
 * plugin's, with the same answer shapes, and does nothing unless the caller is privileged.
 * The start-up self-check (bootstrapUploads) proves both halves on the running Strapi version.
 */
import type { Core } from '@strapi/strapi';
import { traverseEntity } from '@strapi/utils';
import { isPrivilegedRequest } from './access';

const FILE_UID = 'plugin::upload.file';
/** Actions answering one entry, and those answering `{ entries: [...] }` (as in @strapi/upload 5.54). */
const ONE_ENTRY = new Set(['findFirst', 'findOne', 'create', 'update']);
const ENTRIES = new Set(['delete', 'clone', 'publish', 'unpublish', 'discardDraft']);

type AnyEntry = Record<string, any>;

export function signMediaForPrivilegedCallers(strapi: Core.Strapi) {
  const sign = (file: AnyEntry) => strapi.plugin('upload').service('file').signFileUrls(file);
  const getModel = strapi.getModel.bind(strapi) as any;

  const signEntry = async (entry: AnyEntry | null | undefined, uid: string): Promise<any> => {
    if (!entry) return entry;
    if (uid === FILE_UID) return sign(entry);
    const visitor = async ({ key, value, attribute }: any, { set }: any) => {
      if (!value || attribute?.type !== 'media') return;
      set(key, attribute.multiple ? await Promise.all((value as AnyEntry[]).map(sign)) : await sign(value));
    };
    return traverseEntity(visitor, { schema: strapi.getModel(uid as any), getModel } as any, entry);
  };

  return async (ctx: { uid: string; action: string }, next: () => Promise<any>) => {
    const result = await next();
    if (!result || !isPrivilegedRequest(strapi)) return result;
    if (ctx.action === 'findMany') return Promise.all((result as AnyEntry[]).map((entry) => signEntry(entry, ctx.uid)));
    if (ONE_ENTRY.has(ctx.action)) return signEntry(result, ctx.uid);
    if (ENTRIES.has(ctx.action) && Array.isArray(result.entries)) {
      return { ...result, entries: await Promise.all(result.entries.map((entry: AnyEntry) => signEntry(entry, ctx.uid))) };
    }
    return result;
  };
}
