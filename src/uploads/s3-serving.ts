/**
 * Serving /uploads/<name> from a private S3-compatible bucket (glue around the AWS SDK).
 *
 * Called by the upload-serving middleware once it has decided the request may read the file
 * (public file, admin Bearer, or a valid signed URL): the object is streamed through the CMS, so
 * the bucket never needs to be readable from outside and the same hardened headers apply as on
 * local disk. Conditional requests (If-None-Match / If-Modified-Since) are passed to the bucket.
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Core } from '@strapi/strapi';
import { objectKeyOf, s3ClientOptions, storageFromEnv, type S3Storage, type Storage } from './storage';

interface Backend {
  storage: S3Storage;
  client: S3Client;
}

const backends = new WeakMap<object, Backend | null>();

/** The S3 backend this instance was started with, or null for local disk. */
export function s3Backend(strapi: Core.Strapi): Backend | null {
  if (backends.has(strapi)) return backends.get(strapi) ?? null;
  // The same environment config/plugins.ts configured the upload provider from.
  const storage: Storage = storageFromEnv(process.env);
  const backend = storage.kind === 's3' ? { storage, client: new S3Client(s3ClientOptions(storage) as any) } : null;
  backends.set(strapi, backend);
  return backend;
}

/** Closes the bucket client's connections (Strapi's destroy). */
export function closeS3Backend(strapi: Core.Strapi): void {
  backends.get(strapi)?.client.destroy();
  backends.delete(strapi);
}

/** Answers the request from the bucket: 200/304 with the object, or 404. */
export async function serveFromBucket(backend: Backend, ctx: any, name: string): Promise<void> {
  const key = objectKeyOf(name);
  if (!key) {
    ctx.status = 404;
    return;
  }
  const since = ctx.get('if-modified-since') ? new Date(ctx.get('if-modified-since')) : null;
  try {
    const out = await backend.client.send(
      new GetObjectCommand({
        Bucket: backend.storage.bucket,
        Key: key,
        ...(ctx.get('if-none-match') ? { IfNoneMatch: ctx.get('if-none-match') } : {}),
        // A malformed date is ignored, as HTTP says (no 500 from the SDK).
        ...(since && !Number.isNaN(since.getTime()) && !ctx.get('if-none-match') ? { IfModifiedSince: since } : {}),
      }),
    );
    if (out.ETag) ctx.set('ETag', out.ETag);
    if (out.LastModified) ctx.set('Last-Modified', out.LastModified.toUTCString());
    ctx.status = 200;
    if (typeof out.ContentLength === 'number') ctx.length = out.ContentLength;
    if (ctx.method === 'HEAD') {
      (out.Body as any)?.destroy?.();
      return;
    }
    ctx.body = out.Body;
  } catch (error: any) {
    const status = error?.$metadata?.httpStatusCode;
    if (status === 304) {
      ctx.status = 304;
      return;
    }
    if (status === 404 || error?.name === 'NoSuchKey' || error?.name === 'NotFound') {
      ctx.status = 404;
      return;
    }
    throw error;
  }
}
