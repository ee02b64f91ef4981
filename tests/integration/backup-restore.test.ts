/**
 * Issue #13: `npm run backup` and `npm run restore` round-trip a seeded instance (SQLite with
 * `npm test`, PostgreSQL with `npm run test:postgres`): every entry, file, admin account, 2FA
 * enrolment and audit event comes back, and the audit hash chain verifies. Restore refuses, changing
 * nothing, when the configured keys do not match the manifest or the backup is damaged. A second
 * round trip moves the files from local disk into a private S3 bucket (s3rver).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Client } from 'pg';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createStrapi, type Core } from '@strapi/strapi';
import { adminToken, createAdmin, TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { image, validPdf } from '../helpers/files';
import { referenceTotp } from '../helpers/reference-totp';
import { startS3rver } from '../helpers/s3';
import { runAsSystem } from '../../src/workflow/system-context';
import { appendAuditEvent, verifyAuditTrail, AUDIT_UID } from '../../src/audit/trail';
import { checkSecondFactor, startEnrollment } from '../../src/security/mfa';
import { ACCOUNT_UID } from '../../src/security/store';
import { deriveKey, open } from '../../src/security/secret-box';

const ROOT = path.resolve(__dirname, '../..');
const UPLOADS = path.join(ROOT, 'public', 'uploads');
const DIP = 'api::dip-document.dip-document';
const FILE_UID = 'plugin::upload.file';
const postgres = process.env.DATABASE_CLIENT === 'postgres';
const tag = () => crypto.randomBytes(4).toString('hex');

let backupDir = '';
const seededFiles: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

interface Snapshot {
  entries: string[];
  files: { id: number; url: string; sha256: string }[];
  admins: string[];
  mfa: { userId: number; secret: string }[];
  audit: { count: number; head: string };
}
let before: Snapshot;

/**
 * Runs scripts/<script>.js as an operator would. Asynchronous: the S3 server these tests talk to
 * runs in this process and must keep answering meanwhile.
 */
function sh(script: 'backup' | 'restore', args: string[], env: Record<string, string | undefined> = {}): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', `${script}.js`), ...args], {
      cwd: ROOT,
      env: { ...process.env, PPID_SKIP_COMPILE: 'true', ...env },
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

async function snapshot(strapi: Core.Strapi): Promise<Snapshot> {
  const entries = (await strapi.db.query(DIP).findMany({ select: ['documentId', 'locale', 'nomor', 'publishedAt'], orderBy: { id: 'asc' } })).map(
    (r: any) => `${r.documentId}|${r.locale}|${r.nomor}|${r.publishedAt ? new Date(r.publishedAt).toISOString() : '-'}`,
  );
  const files = [];
  for (const row of await strapi.db.query(FILE_UID).findMany({ orderBy: { id: 'asc' } })) {
    const token = await adminToken(strapi, (await strapi.db.query('admin::user').findOne({ where: { isActive: true } })).id);
    const res = await request(strapi.server.httpServer)
      .get(row.url)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect({ url: row.url, status: res.status }).toEqual({ url: row.url, status: 200 });
    files.push({ id: row.id, url: row.url, sha256: sha(res.body as Buffer) });
  }
  const admins = (await strapi.db.query('admin::user').findMany({ select: ['email', 'isActive'], orderBy: { id: 'asc' } })).map((u: any) => `${u.email}|${u.isActive}`);
  const key = deriveKey(String(process.env.PPID_MFA_KEY));
  const mfa = (await strapi.db.query(ACCOUNT_UID).findMany({ where: { totpEnabled: true }, orderBy: { id: 'asc' } })).map((a: any) => ({
    userId: Number(a.userId ?? a.user?.id),
    secret: open(a.totpSecret, key),
  }));
  const events = await strapi.db.query(AUDIT_UID).findMany({ select: ['seq', 'hash'], orderBy: { seq: 'desc' } });
  return { entries, files, admins, mfa, audit: { count: events.length, head: `${events[0].seq}:${events[0].hash}` } };
}

async function seed(strapi: Core.Strapi): Promise<void> {
  const editor = await createAdmin(strapi, 'operator');
  await createAdmin(strapi, 'koordinator');
  const enrolled = await createAdmin(strapi, 'super-admin');
  const token = await adminToken(strapi, editor.id);
  const ids: number[] = [];
  for (const [bytes, name, type] of [
    [validPdf('Laporan publik'), `publik-${tag()}.pdf`, 'application/pdf'],
    [validPdf('Draf rahasia'), `draf-${tag()}.pdf`, 'application/pdf'],
    [await image('png', 300), `foto-${tag()}.png`, 'image/png'],
  ] as const) {
    const res = await request(strapi.server.httpServer).post('/upload').set('Authorization', `Bearer ${token}`).attach('files', bytes, { filename: name, contentType: type });
    expect(res.status).toBe(201);
    ids.push(res.body[0].id);
  }
  for (const row of await strapi.db.query(FILE_UID).findMany({ select: ['url', 'formats'] })) {
    seededFiles.push(path.basename(row.url));
    for (const f of Object.values<any>(row.formats ?? {})) seededFiles.push(path.basename(f.url));
  }
  const docs = strapi.documents(DIP as any) as any;
  const data = (fileId: number, nomor: string) => ({
    nomor,
    judul: `Dokumen ${nomor}`,
    ringkasan: 'Ringkasan',
    kategori: 'berkala',
    pejabatPenguasa: 'Kepala Dinas',
    penanggungJawab: 'Sub Koordinator',
    jangkaWaktuPenyimpanan: '5 tahun',
    berkas: fileId,
    statusAlur: 'disetujui',
  });
  const published = await runAsSystem<any>('test', () => docs.create({ locale: 'id', data: data(ids[0], `DIP/BK/${tag()}`) }));
  await runAsSystem('test', () => docs.publish({ documentId: published.documentId, locale: 'id' }));
  await runAsSystem('test', () => docs.create({ locale: 'id', data: data(ids[1], `DIP/BK/${tag()}`) }));
  for (let i = 0; i < 3; i += 1) await appendAuditEvent(strapi, { kategori: 'sistem', peristiwa: 'uji_cadangan', catatan: `peristiwa ${i}` });

  // A 2FA enrolment as an admin makes it (the secret is stored sealed with PPID_MFA_KEY).
  const user = await strapi.db.query('admin::user').findOne({ where: { id: enrolled.id }, populate: ['roles'] });
  const { secret } = await startEnrollment(strapi, user);
  const result = await checkSecondFactor(strapi, user, { code: referenceTotp(secret) }, async () => {});
  expect(result.enrolledNow).toBe(true);
}

/** Boots Strapi on an existing (restored) database. */
async function bootExisting(env: Record<string, string>): Promise<Core.Strapi> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  cleanups.push(() => {
    for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });
  const app = createStrapi({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), autoReload: false, serveAdminPanel: false });
  await app.load();
  await app.server.mount();
  cleanups.push(() => app.destroy());
  return app;
}

/** A fresh, empty target database: its env, and a check that it is still empty. */
async function emptyTarget(): Promise<{ env: Record<string, string>; isEmpty: () => Promise<boolean> }> {
  const t = tag();
  if (postgres) {
    const name = `ppid_t_${process.pid}_${t}_pulih`;
    const admin = () =>
      new Client({ host: process.env.DATABASE_HOST ?? '127.0.0.1', port: Number(process.env.DATABASE_PORT ?? 5432), user: process.env.DATABASE_USERNAME ?? 'postgres', password: process.env.DATABASE_PASSWORD ?? '', database: process.env.PG_ADMIN_DATABASE ?? 'postgres' });
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    cleanups.push(async () => {
      const d = admin();
      await d.connect();
      await d.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await d.end();
    });
    return {
      env: { DATABASE_NAME: name },
      isEmpty: async () => {
        const q = new Client({ host: process.env.DATABASE_HOST ?? '127.0.0.1', port: Number(process.env.DATABASE_PORT ?? 5432), user: process.env.DATABASE_USERNAME ?? 'postgres', database: name });
        await q.connect();
        const n = Number((await q.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'")).rows[0].n);
        await q.end();
        return n === 0;
      },
    };
  }
  const file = path.join(ROOT, '.tmp', `test-${process.pid}-${t}-pulih.db`);
  cleanups.push(() => {
    for (const s of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + s, { force: true });
  });
  return { env: { DATABASE_FILENAME: path.relative(ROOT, file) }, isEmpty: async () => !fs.existsSync(file) };
}

function removeSeededFiles() {
  for (const name of seededFiles) fs.rmSync(path.join(UPLOADS, name), { force: true });
}

beforeAll(async () => {
  const strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  await seed(strapi);
  before = await snapshot(strapi);
  expect(before.entries).toHaveLength(3); // the draft, its published version, a second draft
  expect(before.files.length).toBeGreaterThanOrEqual(3);
  expect(before.mfa).toHaveLength(1);
  expect(before.audit.count).toBeGreaterThanOrEqual(4);

  backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-cadangan-'));
  fs.rmdirSync(backupDir);
  const made = await sh('backup', ['--out', backupDir]);
  expect(made.out).toMatch(/cadangan selesai/);
  expect(made.status).toBe(0);
  await teardownStrapi();
  removeSeededFiles();
});

afterAll(async () => {
  await teardownStrapi(); // when the seeding failed before its own teardown
  for (const c of cleanups.reverse()) await c();
  removeSeededFiles();
  if (backupDir) fs.rmSync(backupDir, { recursive: true, force: true });
});

test('the manifest names the keys and their fingerprints, never a value', () => {
  const text = fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(text);
  expect(manifest.database.client).toBe(postgres ? 'postgres' : 'sqlite');
  expect(manifest.keys.map((k: any) => k.name)).toEqual(expect.arrayContaining(['APP_KEYS', 'PPID_AUDIT_KEY', 'PPID_MFA_KEY', 'ENCRYPTION_KEY', 'API_TOKEN_SALT']));
  for (const k of manifest.keys) expect(k.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  for (const name of ['APP_KEYS', 'PPID_AUDIT_KEY', 'PPID_MFA_KEY', 'ENCRYPTION_KEY', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT']) {
    const value = String(process.env[name]);
    expect(text.includes(value)).toBe(false);
    for (const part of value.split(',')) expect(text.includes(part)).toBe(false);
  }
  for (const name of seededFiles) expect(manifest.uploads.files.map((f: any) => f.name)).toContain(name);
});

test('restore refuses a different audit or 2FA key, or a damaged backup, and changes nothing', async () => {
  const target = await emptyTarget();
  const wrongAudit = await sh('restore', [backupDir], { ...target.env, PPID_AUDIT_KEY: crypto.randomBytes(32).toString('base64') });
  expect(wrongAudit.status).toBe(2);
  expect(wrongAudit.out).toMatch(/Pemulihan DITOLAK/);
  expect(wrongAudit.out).toMatch(/PPID_AUDIT_KEY berbeda/);
  expect(wrongAudit.out).toMatch(/Tidak ada yang diubah/);

  const noMfaKey = await sh('restore', [backupDir], { ...target.env, PPID_MFA_KEY: '' });
  expect(noMfaKey.status).toBe(2);
  expect(noMfaKey.out).toMatch(/PPID_MFA_KEY tidak diatur/);

  // A damaged copy of the backup: one uploaded file changed.
  const damaged = `${backupDir}-rusak`;
  fs.cpSync(backupDir, damaged, { recursive: true });
  cleanups.push(() => fs.rmSync(damaged, { recursive: true, force: true }));
  const victim = path.join(damaged, 'uploads', seededFiles[0]);
  fs.appendFileSync(victim, 'x');
  const broken = await sh('restore', [damaged], target.env);
  expect(broken.status).toBe(2);
  expect(broken.out).toMatch(/checksum tidak cocok/);
  expect(broken.out).toContain(seededFiles[0]);

  expect(await target.isEmpty()).toBe(true);
  for (const name of seededFiles) expect(fs.existsSync(path.join(UPLOADS, name))).toBe(false);
});

test('a restored instance has every entry, file, admin, 2FA enrolment and audit event, and its chain verifies', async () => {
  const target = await emptyTarget();
  const done = await sh('restore', [backupDir], target.env);
  expect(done.out).toMatch(/Pemulihan selesai/);
  expect(done.status).toBe(0);
  // Restoring again over the restored data is refused unless --ganti.
  const again = await sh('restore', [backupDir], target.env);
  expect(again.status).toBe(2);
  expect(again.out).toMatch(/--ganti/);

  const strapi = await bootExisting({ ...TOKENS_WITHOUT_MFA, ...target.env });
  const after = await snapshot(strapi);
  expect(after).toEqual(before);
  const report = await verifyAuditTrail(strapi, { anchors: [], anchorProblems: [] } as any);
  expect(report.ok).toBe(true);
  expect(report.count).toBe(before.audit.count);
  // The published entry's file is public again, the draft's is not.
  const publicRes = await request(strapi.server.httpServer).get(before.files[0].url);
  expect(publicRes.status).toBe(200);
  expect((await request(strapi.server.httpServer).get(before.files[1].url)).status).toBe(404);
  // The enrolled admin's authenticator still works: its secret opens with the configured key.
  const mfaUser = await strapi.db.query('admin::user').findOne({ where: { id: before.mfa[0].userId }, populate: ['roles'] });
  expect(mfaUser).toBeTruthy();
  await strapi.destroy();
  cleanups.splice(cleanups.length - 1, 1);
});

test('a backup of local files restores into a private S3 bucket, and the files are served from it', async () => {
  removeSeededFiles(); // the previous test restored them to disk: here they must come from the bucket
  const s3 = await startS3rver();
  cleanups.push(() => s3.stop());
  const target = await emptyTarget();
  const done = await sh('restore', [backupDir], { ...target.env, ...s3.env });
  expect(done.status).toBe(0);
  expect(done.out).toMatch(/kolom provider diperbarui/);
  const client = s3.client();
  const keys = ((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).Contents ?? []).map((o) => o.Key);
  client.destroy();
  for (const name of seededFiles) {
    expect(keys).toContain(name);
    expect(s3.aclOf(name)).toBe('private');
    expect(fs.existsSync(path.join(UPLOADS, name))).toBe(false);
  }
  const strapi = await bootExisting({ ...TOKENS_WITHOUT_MFA, ...target.env, ...s3.env });
  const after = await snapshot(strapi);
  expect(after.files).toEqual(before.files);
  expect((await strapi.db.query(FILE_UID).findMany({ select: ['provider'] })).every((r: any) => r.provider === 'aws-s3')).toBe(true);

  // And back: a backup of the bucket holds the same files.
  const fromBucket = `${backupDir}-bucket`;
  cleanups.push(() => fs.rmSync(fromBucket, { recursive: true, force: true }));
  const made = await sh('backup', ['--out', fromBucket], { ...target.env, ...s3.env });
  expect(made.status).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(fromBucket, 'manifest.json'), 'utf8'));
  expect(manifest.uploads.storage).toBe('s3');
  const original = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
  const pick = (m: any) => m.uploads.files.filter((f: any) => seededFiles.includes(f.name)).map((f: any) => `${f.name}:${f.sha256}`).sort();
  expect(pick(manifest)).toEqual(pick(original));
});
