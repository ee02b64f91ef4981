/**
 * Uploads that cannot act (issue #8), wired in from src/index.ts:
 * - the upload allow-list by content: `upload-content` global middleware (every multipart request)
 *   and the guarded upload service (src/extensions/upload), see service-guard.ts;
 * - private files: `upload-serving` global middleware in front of Strapi's /uploads static serving,
 *   signed URLs for admin answers (the local provider becomes a "private" provider), see access.ts.
 * README: "Uploads".
 */
import { ensureIndex } from '../db/indexes';
import type { Core } from '@strapi/strapi';
import { PRIVATE_MEDIA_FIELDS, PUBLIC_MEDIA_SOURCES } from './public-files';
import { GUARDED } from './service-guard';
import { isPrivilegedRequest, morphTableOf, publicCache, publishedAttachments, signedUrlFor } from './access';
import { signMediaForPrivilegedCallers } from './sign-media';
import { closeS3Backend, s3Backend } from './s3-serving';
import { UPLOAD_URL_PREFIX } from './storage';
import { HeadBucketCommand } from '@aws-sdk/client-s3';

const FILE_UID = 'plugin::upload.file';

function strapiVersion(strapi: Core.Strapi): string {
  return String(strapi.config.get('info.strapi', '') || 'unknown');
}

/** Stops start-up with a message naming the Strapi version and the touch point. */
export function selfCheckFailed(strapi: Core.Strapi, touchPoint: string, what: string): never {
  throw new Error(
    `[ppid] uploads: start-up self-check failed at ${touchPoint} (written for Strapi 5.54, running ${strapiVersion(strapi)}): ${what}. ` +
      'Files could be served or stored unchecked, so start-up stops. Review src/uploads/ against this Strapi version.',
  );
}

export function registerUploads(strapi: Core.Strapi): void {
  // Touch point: the provider object Strapi's upload plugin builds in register() (baseProvider.extend,
  // isPrivate, getSignedUrl; @strapi/upload 5.54 dist/server/register.js). The provider is private
  // to privileged callers: the plugin's file service then signs the URLs it hands them (Media
  // Library lists, uploads), and our Document Service middleware signs media fields in their
  // entries. Anonymous answers keep plain URLs and skip the signing walk (see sign-media.ts).
  const provider = (strapi.plugin('upload') as any)?.provider;
  if (!provider || typeof provider.extend !== 'function') {
    selfCheckFailed(strapi, "strapi.plugin('upload').provider.extend", 'the upload provider has no extend() method');
  }
  provider.extend({
    isPrivate: () => isPrivilegedRequest(strapi),
    getSignedUrl: (file: { url?: string | null }) => signedUrlFor(strapi, file),
  });
  strapi.documents.use(signMediaForPrivilegedCallers(strapi) as any);

  // Publishing, unpublishing, editing or deleting a DIP entry can change which files are public.
  // Cleared at once and again when the surrounding transaction commits, so a request answered
  // between the write and the commit cannot leave the old decision behind.
  const forget = async () => {
    const cache = publicCache(strapi);
    cache.clear();
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => cache.clear()));
  };
  const watched = new Set([...PUBLIC_MEDIA_SOURCES.map((s) => s.uid), ...PRIVATE_MEDIA_FIELDS.map((f) => f.uid)]);
  const writes = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
  strapi.documents.use(async (ctx: any, next: () => Promise<any>) => {
    const result = await next();
    if (watched.has(ctx.uid) && writes.has(ctx.action)) await forget();
    return result;
  });
  strapi.db.lifecycles.subscribe({
    models: [FILE_UID],
    afterCreate: forget,
    afterUpdate: forget,
    afterUpdateMany: forget,
    afterDelete: forget,
    afterDeleteMany: forget,
  } as any);
}

export async function bootstrapUploads(strapi: Core.Strapi): Promise<void> {
  const service: any = strapi.plugin('upload').service('upload');
  if (!service?.[GUARDED]) {
    selfCheckFailed(strapi, 'src/extensions/upload/strapi-server (plugin::upload service "upload")', 'the upload service is not the guarded one');
  }
  await checkSigning(strapi);
  const route = (strapi.server as any).listRoutes?.().find((layer: any) => String(layer.path).startsWith('/uploads/'));
  if (!route) selfCheckFailed(strapi, 'GET /uploads/(.*) route of the upload plugin', 'the static /uploads route was not found');

  await checkBucket(strapi);

  for (const source of PUBLIC_MEDIA_SOURCES) {
    const attributes: any = (strapi.contentType(source.uid as any) as any)?.attributes ?? {};
    if (attributes[source.field]?.type !== 'media') throw new Error(`[ppid] uploads: PUBLIC_MEDIA_SOURCES names ${source.uid}.${source.field}, which is not a media attribute`);
    for (const a of source.attributes) if (!attributes[a]) throw new Error(`[ppid] uploads: PUBLIC_MEDIA_SOURCES reads ${source.uid}.${a}, which does not exist`);
  }
  try {
    morphTableOf(strapi);
    await publishedAttachments(strapi, 0);
  } catch (error) {
    selfCheckFailed(strapi, "database metadata of plugin::upload.file 'related' (files_related_mph)", (error as Error).message);
  }

  // The public-file lookup goes by files.hash; Strapi indexes name, ext, size, dates, folder path only.
  await ensureIndex(strapi, FILE_UID, { name: 'ppid_hash_idx', attributes: ['hash'] });
}

/**
 * The file service signs a file URL for an admin request (through our getSignedUrl) and leaves it
 * plain for an anonymous one; the plugin's own signing walk was not installed (sign-media.ts).
 */
async function checkSigning(strapi: Core.Strapi): Promise<void> {
  const fileService = strapi.plugin('upload').service('file');
  const probe = () => ({ provider: strapi.config.get('plugin::upload.provider'), url: '/uploads/ppid-self-check.png' });
  const adminRequest = { state: { auth: { strategy: { name: 'admin' }, credentials: { id: 0 } } } };
  const signed: any = await strapi.requestContext.run(adminRequest as any, () => fileService.signFileUrls(probe()));
  if (signed?.isUrlSigned !== true || !/[?&]ppid_sig=/.test(String(signed?.url))) {
    selfCheckFailed(strapi, "plugin::upload service 'file'.signFileUrls", 'file URLs handed to an admin are not passed through getSignedUrl');
  }
  const plain: any = await fileService.signFileUrls(probe());
  if (plain?.isUrlSigned !== false || plain?.url !== probe().url) {
    selfCheckFailed(strapi, "plugin::upload service 'file'.signFileUrls", 'a file URL outside an admin request was changed');
  }
}

/**
 * S3 storage (PPID_UPLOAD_STORAGE=s3): the provider is @strapi/provider-upload-aws-s3 with every
 * method the upload plugin calls, its URLs are the CMS's /uploads paths (never the bucket's), and the
 * bucket answers. Stops start-up otherwise, naming what is wrong.
 */
async function checkBucket(strapi: Core.Strapi): Promise<void> {
  const backend = s3Backend(strapi);
  if (!backend) return;
  const config: any = strapi.config.get('plugin::upload');
  if (config?.provider !== 'aws-s3' || config?.providerOptions?.baseUrl !== UPLOAD_URL_PREFIX) {
    selfCheckFailed(strapi, 'plugin::upload provider config', `S3 storage needs provider "aws-s3" with baseUrl "${UPLOAD_URL_PREFIX}"`);
  }
  const provider: any = (strapi.plugin('upload') as any).provider;
  const missing = ['upload', 'uploadStream', 'delete', 'checkFileSize', 'getSignedUrl', 'isPrivate'].filter((m) => typeof provider?.[m] !== 'function');
  if (missing.length) selfCheckFailed(strapi, '@strapi/provider-upload-aws-s3 provider interface', `missing ${missing.join(', ')}`);
  try {
    await backend.client.send(new HeadBucketCommand({ Bucket: backend.storage.bucket }));
  } catch (error: any) {
    throw new Error(
      `[ppid] penyimpanan S3: bucket "${backend.storage.bucket}" di ${backend.storage.endpoint ?? 'AWS ' + backend.storage.region} tidak dapat dibaca ` +
        `(${error?.name ?? 'error'} ${error?.$metadata?.httpStatusCode ?? ''}). Periksa S3_BUCKET, S3_ENDPOINT dan kredensialnya; start-up dihentikan.`,
    );
  }
}

export function destroyUploads(strapi: Core.Strapi): void {
  closeS3Backend(strapi);
}
