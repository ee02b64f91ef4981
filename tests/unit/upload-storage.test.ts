import { objectKeyOf, storageFromEnv, uploadProviderConfig } from '../../src/uploads/storage';

const s3Env = { PPID_UPLOAD_STORAGE: 's3', S3_BUCKET: 'ppid-berkas', S3_ENDPOINT: 'http://127.0.0.1:9000', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' };

test('local disk by default', () => {
  expect(storageFromEnv({})).toEqual({ kind: 'local' });
  expect(uploadProviderConfig(storageFromEnv({}))).toEqual({ provider: 'local', providerOptions: {} });
});

test('S3: the provider keeps objects private and URLs on the CMS', () => {
  const storage = storageFromEnv(s3Env);
  expect(storage).toMatchObject({ kind: 's3', bucket: 'ppid-berkas', region: 'us-east-1', forcePathStyle: true, acl: 'private' });
  const cfg = uploadProviderConfig(storage) as any;
  expect(cfg.provider).toBe('aws-s3');
  expect(cfg.providerOptions.baseUrl).toBe('/uploads');
  expect(cfg.providerOptions.s3Options.params).toEqual({ Bucket: 'ppid-berkas', ACL: 'private' });
  expect(cfg.providerOptions.s3Options.credentials).toEqual({ accessKeyId: 'a', secretAccessKey: 'b' });
  // AWS itself: virtual-hosted style, the SDK's credential chain.
  const aws = storageFromEnv({ PPID_UPLOAD_STORAGE: 's3', S3_BUCKET: 'ppid-berkas', S3_REGION: 'ap-southeast-3' });
  expect(aws).toMatchObject({ region: 'ap-southeast-3', forcePathStyle: false, credentials: undefined });
  // A bucket without ACLs: no ACL header at all, never the provider's public-read default.
  const noAcl = uploadProviderConfig(storageFromEnv({ ...s3Env, S3_OBJECT_ACL: 'none' })) as any;
  expect('ACL' in noAcl.providerOptions.s3Options.params).toBe(true);
  expect(noAcl.providerOptions.s3Options.params.ACL).toBeUndefined();
});

test('an incomplete or unsafe S3 setup is refused with a clear message', () => {
  expect(() => storageFromEnv({ PPID_UPLOAD_STORAGE: 'ftp' })).toThrow(/PPID_UPLOAD_STORAGE harus "local" atau "s3"/);
  expect(() => storageFromEnv({ PPID_UPLOAD_STORAGE: 's3' })).toThrow(/S3_BUCKET harus nama bucket yang sah/);
  expect(() => storageFromEnv({ ...s3Env, S3_BUCKET: 'Bucket_Besar' })).toThrow(/S3_BUCKET/);
  expect(() => storageFromEnv({ ...s3Env, S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT harus URL/);
  expect(() => storageFromEnv({ ...s3Env, S3_SECRET_ACCESS_KEY: '' })).toThrow(/diisi keduanya/);
  expect(() => storageFromEnv({ ...s3Env, S3_OBJECT_ACL: 'public-read' })).toThrow(/tidak pernah disimpan publik/);
  expect(() => storageFromEnv({ ...s3Env, S3_FORCE_PATH_STYLE: 'kadang' })).toThrow(/S3_FORCE_PATH_STYLE/);
});

test('object keys are plain stored names only', () => {
  expect(objectKeyOf('abc_123.pdf')).toBe('abc_123.pdf');
  expect(objectKeyOf('thumbnail_abc.png')).toBe('thumbnail_abc.png');
  for (const bad of ['', '.', '..', 'a/b.pdf', '..\\x.pdf']) expect(objectKeyOf(bad)).toBeNull();
});
