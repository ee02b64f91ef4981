/**
 * Where uploaded files are kept (pure: reads an environment object, no Strapi).
 *
 * - `local` (default): Strapi's local provider, `public/uploads/`.
 * - `s3`: `@strapi/provider-upload-aws-s3` on an S3-compatible bucket that stays **private**
 *   (objects written with the `private` ACL, no public bucket policy). File URLs stay
 *   `/uploads/<hash><ext>` (the provider's `baseUrl`), so the same gate decides who reads a file on
 *   both backends (src/middlewares/upload-serving.ts): anonymous visitors only files of published,
 *   non-exempt entries, signed-in editors through the short-lived signed URLs of src/uploads/signed-url.ts.
 *   The CMS streams the object from the bucket with the same hardened headers as local files.
 *
 * README: "Uploads on S3-compatible storage".
 */

export const UPLOAD_URL_PREFIX = '/uploads';

export interface S3Storage {
  kind: 's3';
  bucket: string;
  region: string;
  /** Endpoint of an S3-compatible service (MinIO, Ceph, R2…); unset = AWS. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Static credentials; unset = the AWS SDK's default chain (instance role, AWS_* variables). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** ACL sent with every object: `private` unless the bucket refuses ACLs (`none`). */
  acl: 'private' | 'none';
}

export type Storage = { kind: 'local' } | S3Storage;

export class StorageConfigError extends Error {
  constructor(message: string) {
    super(`[ppid] konfigurasi penyimpanan unggahan: ${message}`);
    this.name = 'StorageConfigError';
  }
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function bool(raw: string | undefined, fallback: boolean, name: string): boolean {
  if (raw === undefined || raw.trim() === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(v)) return true;
  if (['false', '0', 'no'].includes(v)) return false;
  throw new StorageConfigError(`${name} harus true atau false, bukan "${raw}".`);
}

/** The storage the environment asks for; throws a clear message for an incomplete S3 setup. */
export function storageFromEnv(env: NodeJS.ProcessEnv): Storage {
  const kind = (env.PPID_UPLOAD_STORAGE ?? 'local').trim().toLowerCase() || 'local';
  if (kind === 'local') return { kind: 'local' };
  if (kind !== 's3') throw new StorageConfigError(`PPID_UPLOAD_STORAGE harus "local" atau "s3", bukan "${env.PPID_UPLOAD_STORAGE}".`);
  const bucket = (env.S3_BUCKET ?? '').trim();
  if (!BUCKET_NAME.test(bucket)) throw new StorageConfigError(`S3_BUCKET harus nama bucket yang sah (huruf kecil, angka, titik, tanda hubung; 3–63 karakter), bukan "${bucket}".`);
  const endpoint = (env.S3_ENDPOINT ?? '').trim() || undefined;
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint)) throw new StorageConfigError(`S3_ENDPOINT harus URL http(s), bukan "${endpoint}".`);
  const accessKeyId = (env.S3_ACCESS_KEY_ID ?? '').trim();
  const secretAccessKey = (env.S3_SECRET_ACCESS_KEY ?? '').trim();
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new StorageConfigError('S3_ACCESS_KEY_ID dan S3_SECRET_ACCESS_KEY harus diisi keduanya, atau dikosongkan keduanya (kredensial bawaan AWS SDK).');
  const acl = (env.S3_OBJECT_ACL ?? 'private').trim().toLowerCase();
  if (acl !== 'private' && acl !== 'none') throw new StorageConfigError(`S3_OBJECT_ACL harus "private" atau "none" (bucket tanpa ACL), bukan "${env.S3_OBJECT_ACL}". Berkas tidak pernah disimpan publik di bucket.`);
  return {
    kind: 's3',
    bucket,
    region: (env.S3_REGION ?? '').trim() || 'us-east-1',
    endpoint,
    forcePathStyle: bool(env.S3_FORCE_PATH_STYLE, Boolean(endpoint), 'S3_FORCE_PATH_STYLE'),
    credentials: accessKeyId ? { accessKeyId, secretAccessKey } : undefined,
    acl,
  };
}

/** Options for the AWS SDK's S3Client (the provider's `s3Options`, without `params`). */
export function s3ClientOptions(s: S3Storage): Record<string, unknown> {
  return {
    region: s.region,
    ...(s.endpoint ? { endpoint: s.endpoint } : {}),
    forcePathStyle: s.forcePathStyle,
    ...(s.credentials ? { credentials: { ...s.credentials } } : {}),
  };
}

/** The upload plugin's `provider`/`providerOptions` for config/plugins.ts. */
export function uploadProviderConfig(s: Storage): { provider: string; providerOptions: Record<string, unknown> } {
  if (s.kind === 'local') return { provider: 'local', providerOptions: {} };
  return {
    provider: 'aws-s3',
    providerOptions: {
      // The URL recorded for every file: the CMS path, never the bucket's address.
      baseUrl: UPLOAD_URL_PREFIX,
      s3Options: {
        ...s3ClientOptions(s),
        // ACL `private` explicitly: the provider's default is public-read.
        params: { Bucket: s.bucket, ...(s.acl === 'private' ? { ACL: 'private' } : { ACL: undefined }) },
      },
    },
  };
}

/** The object key of a stored name under /uploads (the provider's key is `<hash><ext>`), or null. */
export function objectKeyOf(name: string): string | null {
  if (!name || name.includes('/') || name.includes('\\') || name === '.' || name === '..') return null;
  return name;
}
