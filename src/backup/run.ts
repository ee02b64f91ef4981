/**
 * `npm run backup` / `npm run restore` (scripts/backup.js, scripts/restore.js): the database
 * (SQLite through better-sqlite3's online backup API, PostgreSQL through pg_dump/pg_restore), the
 * uploaded files (public/uploads or the S3 bucket) and manifest.json (src/backup/manifest.ts).
 * Runs without Strapi: restore writes into an empty database that Strapi then opens as it is.
 *
 * Every check of a restore (manifest, checksums, keys, database kind, empty target) runs before
 * anything is written; a refusal changes nothing.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import { parseAuditKeys } from '../audit/keys';
import { servingTypeFor } from '../uploads/file-types';
import { s3ClientOptions, storageFromEnv, type S3Storage, type Storage } from '../uploads/storage';
import { compareKeys, keyEntries, manifestProblems, MANIFEST_FORMAT, pgDumpProblem, pgMajor, refusalMessage, safeName, type FileEntry, type Manifest } from './manifest';

// better-sqlite3 ships no types here (Strapi's own SQLite driver).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const Database: any = require('better-sqlite3');

export class BackupRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefused';
  }
}

export interface Context {
  root: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

/* ------------------------------------------------------------------ configuration */

type Db =
  | { client: 'sqlite'; file: string }
  | { client: 'postgres'; schema: string; url?: string; host: string; port: number; database: string; user: string; password: string; ssl: boolean };

function databaseOf(ctx: Context): Db {
  const env = ctx.env;
  const client = (env.DATABASE_CLIENT ?? 'sqlite').trim() || 'sqlite';
  if (client === 'sqlite') return { client, file: path.resolve(ctx.root, env.DATABASE_FILENAME || '.tmp/data.db') };
  if (client !== 'postgres') throw new BackupRefused(`DATABASE_CLIENT harus "sqlite" atau "postgres", bukan "${client}".`);
  return {
    client,
    schema: env.DATABASE_SCHEMA || 'public',
    url: env.DATABASE_URL || undefined,
    host: env.DATABASE_HOST || '127.0.0.1',
    port: Number(env.DATABASE_PORT || 5432),
    database: env.DATABASE_NAME || 'ppid',
    user: env.DATABASE_USERNAME || 'postgres',
    password: env.DATABASE_PASSWORD || '',
    ssl: ['true', '1'].includes(String(env.DATABASE_SSL ?? '').toLowerCase()),
  };
}

type PgDb = Extract<Db, { client: 'postgres' }>;

function pgClient(db: PgDb): Client {
  return db.url
    ? new Client({ connectionString: db.url, ssl: db.ssl ? { rejectUnauthorized: false } : undefined })
    : new Client({ host: db.host, port: db.port, database: db.database, user: db.user, password: db.password, ssl: db.ssl ? { rejectUnauthorized: false } : undefined });
}

/** Environment for pg_dump/pg_restore: the connection, never on the command line (no password in `ps`). */
function pgEnv(db: PgDb, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (db.url) {
    const u = new URL(db.url);
    return {
      ...env,
      PGHOST: u.hostname,
      PGPORT: u.port || '5432',
      PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
      PGUSER: decodeURIComponent(u.username),
      PGPASSWORD: decodeURIComponent(u.password),
      ...(db.ssl ? { PGSSLMODE: 'require' } : {}),
    };
  }
  return { ...env, PGHOST: db.host, PGPORT: String(db.port), PGDATABASE: db.database, PGUSER: db.user, PGPASSWORD: db.password, ...(db.ssl ? { PGSSLMODE: 'require' } : {}) };
}

function tool(name: string, args: string[], env: NodeJS.ProcessEnv): string {
  const bin = env[`PPID_${name.toUpperCase()}`] || name;
  const r = spawnSync(bin, args, { env, encoding: 'utf8' });
  if (r.error) throw new BackupRefused(`${name} tidak dapat dijalankan (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}): pasang paket postgresql-client yang versinya sama dengan server.`);
  if (r.status !== 0) throw new Error(`${name} gagal (kode ${r.status}): ${String(r.stderr).trim().slice(0, 2000)}`);
  return String(r.stdout);
}

async function pgServerVersion(db: PgDb): Promise<string> {
  const c = pgClient(db);
  await c.connect();
  try {
    return String((await c.query('SHOW server_version')).rows[0].server_version);
  } finally {
    await c.end();
  }
}

async function pgTableCount(db: PgDb): Promise<number> {
  const c = pgClient(db);
  await c.connect();
  try {
    const r = await c.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [db.schema]);
    return Number(r.rows[0].n);
  } finally {
    await c.end();
  }
}

function auditKeyIds(env: NodeJS.ProcessEnv): string[] {
  const { keyring } = parseAuditKeys(env.PPID_AUDIT_KEY ?? '', env.PPID_AUDIT_KEYS_OLD ?? '');
  return keyring ? [...keyring.byId.keys()] : [];
}

const uploadsDir = (ctx: Context) => path.join(ctx.root, 'public', 'uploads');
const s3Of = (s: S3Storage) => new S3Client(s3ClientOptions(s) as any);

/* ------------------------------------------------------------------ helpers */

async function sha256File(file: string): Promise<{ sha256: string; size: number }> {
  const hash = crypto.createHash('sha256');
  let size = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function appInfo(root: string): Manifest['app'] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  return { name: pkg.name, version: pkg.version, strapi: String(pkg.dependencies?.['@strapi/strapi'] ?? '') };
}

/* ------------------------------------------------------------------ backup */

export async function backup(ctx: Context, opts: { out?: string; now?: Date } = {}): Promise<{ dir: string; manifest: Manifest }> {
  const now = opts.now ?? new Date();
  const db = databaseOf(ctx);
  const storage: Storage = storageFromEnv(ctx.env);
  const dir = path.resolve(opts.out ?? path.join(ctx.root, 'cadangan', `ppid-${stamp(now)}`));
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw new BackupRefused(`Direktori cadangan ${dir} sudah berisi berkas; pilih direktori baru (--out).`);
  if (db.client === 'sqlite' && !fs.existsSync(db.file)) throw new BackupRefused(`Berkas database SQLite ${db.file} tidak ada (DATABASE_FILENAME).`);
  fs.mkdirSync(path.join(dir, 'uploads'), { recursive: true, mode: 0o700 });
  try {
    return await writeBackup(ctx, dir, db, storage, now);
  } catch (error) {
    // No half-made backup is left behind to be mistaken for a good one.
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function writeBackup(ctx: Context, dir: string, db: Db, storage: Storage, now: Date): Promise<{ dir: string; manifest: Manifest }> {

  // Database.
  let database: Manifest['database'];
  if (db.client === 'sqlite') {
    const file = 'database.sqlite';
    const source = new Database(db.file, { readonly: true, fileMustExist: true });
    try {
      // The online backup API: a consistent copy while the CMS keeps writing (WAL included).
      await source.backup(path.join(dir, file));
    } finally {
      source.close();
    }
    const copy = new Database(path.join(dir, file), { readonly: true });
    try {
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`salinan database tidak utuh: ${check}`);
    } finally {
      copy.close();
    }
    database = { client: 'sqlite', file, ...(await sha256File(path.join(dir, file))) };
  } else {
    const serverVersion = await pgServerVersion(db);
    const env = pgEnv(db, ctx.env);
    const dumpVersion = tool('pg_dump', ['--version'], env).trim();
    const problem = pgDumpProblem(dumpVersion, serverVersion);
    if (problem) throw new BackupRefused(`Cadangan DITOLAK: ${problem}.`);
    const file = 'database.pgdump';
    // The whole database for the default schema (a dump of `public` alone would recreate it and
    // collide with the target's own); only the configured schema otherwise.
    const schemaArgs = db.schema === 'public' ? [] : [`--schema=${db.schema}`];
    tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', ...schemaArgs, `--file=${path.join(dir, file)}`], env);
    database = { client: 'postgres', file, ...(await sha256File(path.join(dir, file))), serverVersion, dumpVersion, schema: db.schema };
  }
  ctx.log(`database (${database.client}) dicadangkan: ${database.file}, ${database.size} bita`);

  // Uploaded files.
  const files: FileEntry[] = [];
  if (storage.kind === 'local') {
    const src = uploadsDir(ctx);
    const names = fs.existsSync(src) ? fs.readdirSync(src, { withFileTypes: true }).filter((e) => e.isFile() && e.name !== '.gitkeep').map((e) => e.name) : [];
    for (const name of names.sort()) {
      await fs.promises.copyFile(path.join(src, name), path.join(dir, 'uploads', name));
      files.push({ name, ...(await sha256File(path.join(dir, 'uploads', name))) });
    }
  } else {
    const client = s3Of(storage);
    try {
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: storage.bucket, ContinuationToken: token }));
        for (const obj of page.Contents ?? []) {
          const name = obj.Key ?? '';
          if (!safeName(name)) {
            ctx.log(`dilewati (bukan berkas unggahan CMS): ${name}`);
            continue;
          }
          const out = await client.send(new GetObjectCommand({ Bucket: storage.bucket, Key: name }));
          await pipeline(out.Body as NodeJS.ReadableStream, fs.createWriteStream(path.join(dir, 'uploads', name)));
          files.push({ name, ...(await sha256File(path.join(dir, 'uploads', name))) });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } finally {
      client.destroy();
    }
  }
  ctx.log(`${files.length} berkas unggahan dicadangkan (${storage.kind === 's3' ? `bucket ${storage.bucket}` : 'public/uploads'})`);

  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    createdAt: now.toISOString(),
    app: appInfo(ctx.root),
    database,
    uploads: { storage: storage.kind, ...(storage.kind === 's3' ? { bucket: storage.bucket } : {}), directory: 'uploads', files },
    keys: keyEntries(ctx.env),
    auditKeyIds: auditKeyIds(ctx.env),
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  ctx.log(`cadangan selesai: ${dir}`);
  return { dir, manifest };
}

/* ------------------------------------------------------------------ restore */

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new BackupRefused(`Pemulihan DITOLAK: ${file} tidak ada; arahkan ke direktori cadangan yang dibuat oleh npm run backup.`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    throw new BackupRefused('Pemulihan DITOLAK: manifest.json bukan JSON yang sah.');
  }
  const problems = manifestProblems(raw);
  if (problems.length) throw new BackupRefused(`Pemulihan DITOLAK: ${problems.join('; ')}.`);
  return raw as Manifest;
}

/** Every check; nothing is written. Returns what restore will do. */
export async function planRestore(ctx: Context, from: string, opts: { replace?: boolean } = {}) {
  const dir = path.resolve(from);
  const manifest = readManifest(dir);

  // Checksums: a damaged or incomplete backup is refused before anything is touched.
  const damaged: string[] = [];
  const dbFile = path.join(dir, manifest.database.file);
  if (!fs.existsSync(dbFile) || (await sha256File(dbFile)).sha256 !== manifest.database.sha256) damaged.push(manifest.database.file);
  for (const f of manifest.uploads.files) {
    const p = path.join(dir, manifest.uploads.directory, f.name);
    if (!fs.existsSync(p) || (await sha256File(p)).sha256 !== f.sha256) damaged.push(`${manifest.uploads.directory}/${f.name}`);
  }
  if (damaged.length) throw new BackupRefused(`Pemulihan DITOLAK: cadangan rusak atau tidak lengkap (checksum tidak cocok): ${damaged.slice(0, 10).join(', ')}${damaged.length > 10 ? ` dan ${damaged.length - 10} lainnya` : ''}. Tidak ada yang diubah.`);

  const keys = compareKeys(manifest, keyEntries(ctx.env), auditKeyIds(ctx.env));
  if (keys.refused.length) throw new BackupRefused(refusalMessage(keys.refused));

  const db = databaseOf(ctx);
  if (db.client !== manifest.database.client) {
    throw new BackupRefused(`Pemulihan DITOLAK: cadangan ini berisi database ${manifest.database.client}, sedangkan DATABASE_CLIENT di sini ${db.client}. Pulihkan ke jenis database yang sama.`);
  }
  const storage = storageFromEnv(ctx.env);
  if (db.client === 'sqlite') {
    const exists = fs.existsSync(db.file) && fs.statSync(db.file).size > 0;
    if (exists && !opts.replace) {
      throw new BackupRefused(`Pemulihan DITOLAK: database ${db.file} sudah ada. Hentikan CMS, lalu ulangi dengan --ganti (berkas lama disimpan di sampingnya), atau atur DATABASE_FILENAME ke berkas baru.`);
    }
  } else {
    const restoreVersion = tool('pg_restore', ['--version'], pgEnv(db, ctx.env)).trim();
    const need = pgMajor(manifest.database.dumpVersion ?? '');
    const have = pgMajor(restoreVersion);
    if (need !== null && have !== null && have < need) throw new BackupRefused(`Pemulihan DITOLAK: pg_restore ${have} lebih tua daripada pg_dump ${need} yang membuat cadangan; pasang postgresql-client-${need}.`);
    const tables = await pgTableCount(db);
    if (tables > 0 && !opts.replace) {
      throw new BackupRefused(`Pemulihan DITOLAK: skema "${db.schema}" database tujuan sudah berisi ${tables} tabel. Hentikan CMS, lalu ulangi dengan --ganti (tabel lama dihapus), atau pulihkan ke database kosong.`);
    }
  }
  return { dir, manifest, db, storage, warnings: keys.warnings };
}

export async function restore(ctx: Context, from: string, opts: { replace?: boolean; now?: Date } = {}): Promise<{ manifest: Manifest }> {
  const { dir, manifest, db, storage, warnings } = await planRestore(ctx, from, opts);
  const dbFile = path.join(dir, manifest.database.file);

  if (db.client === 'sqlite') {
    fs.mkdirSync(path.dirname(db.file), { recursive: true });
    if (fs.existsSync(db.file)) {
      const aside = `${db.file}.sebelum-pemulihan-${stamp(opts.now ?? new Date())}`;
      fs.renameSync(db.file, aside);
      for (const s of ['-wal', '-shm', '-journal']) fs.rmSync(db.file + s, { force: true });
      ctx.log(`database lama disimpan sebagai ${aside}`);
    }
    const tmp = `${db.file}.pemulihan`;
    fs.copyFileSync(dbFile, tmp);
    fs.renameSync(tmp, db.file);
  } else {
    const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', ...(opts.replace ? ['--clean', '--if-exists'] : []), `--dbname=${pgEnv(db, ctx.env).PGDATABASE}`, dbFile];
    tool('pg_restore', args, pgEnv(db, ctx.env));
  }
  ctx.log(`database (${db.client}) dipulihkan`);

  // Uploaded files.
  if (storage.kind === 'local') {
    const target = uploadsDir(ctx);
    fs.mkdirSync(target, { recursive: true });
    for (const f of manifest.uploads.files) {
      const tmp = path.join(target, `.${f.name}.pemulihan`);
      fs.copyFileSync(path.join(dir, manifest.uploads.directory, f.name), tmp);
      fs.renameSync(tmp, path.join(target, f.name));
    }
  } else {
    const client = s3Of(storage);
    try {
      for (const f of manifest.uploads.files) {
        const body = fs.readFileSync(path.join(dir, manifest.uploads.directory, f.name));
        await client.send(
          new PutObjectCommand({
            Bucket: storage.bucket,
            Key: f.name,
            Body: body,
            ContentType: servingTypeFor(f.name).contentType,
            ...(storage.acl === 'private' ? { ACL: 'private' } : {}),
          }),
        );
      }
    } finally {
      client.destroy();
    }
  }
  ctx.log(`${manifest.uploads.files.length} berkas unggahan dipulihkan (${storage.kind === 's3' ? `bucket ${storage.bucket}` : 'public/uploads'})`);

  // Moving between disk and bucket: the file rows name the provider that serves them.
  if (manifest.uploads.storage !== storage.kind) {
    const provider = storage.kind === 's3' ? 'aws-s3' : 'local';
    if (db.client === 'sqlite') {
      const conn = new Database(db.file);
      try {
        conn.prepare('UPDATE files SET provider = ?').run(provider);
      } finally {
        conn.close();
      }
    } else {
      const c = pgClient(db);
      await c.connect();
      try {
        await c.query(`UPDATE "${db.schema.replace(/"/g, '""')}".files SET provider = $1`, [provider]);
      } finally {
        await c.end();
      }
    }
    ctx.log(`berkas dipindah dari ${manifest.uploads.storage} ke ${storage.kind}: kolom provider diperbarui`);
  }

  if (warnings.length) ctx.log(`Perhatian: ${warnings.join(', ')} berbeda dari saat cadangan dibuat: semua pengguna harus masuk lagi.`);
  ctx.log('Pemulihan selesai. Periksa jejak audit dengan: npm run audit:verify');
  return { manifest };
}
