import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';

// s3rver 3.7.1 (devDependency) ships no types.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const S3rver: any = require('s3rver');

export interface LocalS3 {
  bucket: string;
  endpoint: string;
  /** The environment that points the CMS (and scripts) at this bucket. */
  env: Record<string, string>;
  client(): S3Client;
  /** The canned ACL (x-amz-acl) the last PUT of this key asked for, or undefined. */
  aclOf(key: string): string | undefined;
  stop(): Promise<void>;
}

/**
 * A local S3-compatible server (s3rver) on 127.0.0.1 (a free port unless one is given) with one empty bucket, its data in a
 * fresh directory under .tmp/. s3rver accepts every request (it enforces neither ACLs nor
 * signatures), so tests check what the CMS asked for (`aclOf`) and that the CMS's own gate refuses.
 */
export async function startS3rver(requestedPort = 0, bucket = `ppid-uji-${crypto.randomBytes(3).toString('hex')}`): Promise<LocalS3> {
  const directory = path.resolve(__dirname, '../../.tmp', `s3rver-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.mkdirSync(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port: requestedPort, silent: true, directory, configureBuckets: [{ name: bucket }] });
  await server.run();
  const port: number = server.httpServer.address().port;
  const acls = new Map<string, string>();
  server.httpServer.prependListener('request', (req: any) => {
    if (req.method !== 'PUT') return;
    const key = decodeURIComponent(String(req.url).split('?')[0].replace(`/${bucket}/`, ''));
    const acl = req.headers['x-amz-acl'];
    if (typeof acl === 'string') acls.set(key, acl);
    else acls.delete(key);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    PPID_UPLOAD_STORAGE: 's3',
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
  };
  return {
    bucket,
    endpoint,
    env,
    client: () =>
      new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }),
    aclOf: (key) => acls.get(key),
    async stop() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
