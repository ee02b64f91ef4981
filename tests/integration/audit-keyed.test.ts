import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { appendAuditEvent, AUDIT_UID, verifyAuditTrail } from '../../src/audit/trail';
import { readAnchorSources, writeAuditAnchor } from '../../src/audit/anchor-store';
import { GENESIS_HASH, hashEvent, sealEvent, type ChainedEvent } from '../../src/audit/chain';
import { auditKeyId } from '../../src/audit/keys';
import { deliverNotices } from '../../src/outbox/sender';

/**
 * The audit trail against someone who can write the database but does not hold PPID_AUDIT_KEY:
 * every tampering is done in plain SQL, as such a person would, and `npm run audit:verify` must
 * name what was changed.
 */
let strapi: Core.Strapi;
const anchorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-jangkar-uji-'));
const ARCHIVE = 'arsip-jejak@luar.test';
const outbox = (): any[] => ((globalThis as any).__ppidOutbox ??= []);
let meta: any;
const col = (attribute: string) => meta.attributes[attribute].columnName ?? attribute;
const table = () => strapi.db.connection(meta.tableName);

beforeAll(async () => {
  strapi = await setupStrapi({ PPID_AUDIT_ANCHOR_DIR: anchorDir, PPID_AUDIT_ANCHOR_EMAIL: ARCHIVE, PPID_AUDIT_ANCHOR_MINUTES: '60' });
  meta = strapi.db.metadata.get(AUDIT_UID);
});
afterAll(async () => {
  await teardownStrapi();
  fs.rmSync(anchorDir, { recursive: true, force: true });
});

const events = (): Promise<ChainedEvent[]> => strapi.db.query(AUDIT_UID).findMany({ orderBy: { seq: 'asc' } }) as any;
const anchors = () => readAnchorSources([anchorDir]);
const verify = async () => {
  const { anchors: found, problems } = anchors();
  return verifyAuditTrail(strapi, { anchors: found, anchorProblems: problems });
};
const cli = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(__dirname, '../../scripts/audit-verify.js')], {
    env: { ...process.env, PPID_SKIP_COMPILE: 'true', ...env },
    encoding: 'utf8',
    cwd: path.join(__dirname, '../..'),
  });

/** Raw rows, to put the table back exactly as it was after each tampering. */
const snapshotRows = () => table().select('*').orderBy(col('seq'), 'asc');
async function restoreRows(rows: any[]) {
  await table().del();
  for (const row of rows) await table().insert(row);
}
const setRow = (seq: number, values: Record<string, unknown>) =>
  table().where(col('seq'), seq).update(Object.fromEntries(Object.entries(values).map(([k, v]) => [col(k), v])));

/** Edits event `seq` and recomputes every later link and hash without the key, as an attacker would. */
async function tamperFrom(seq: number, how: 'sha256' | 'sha256-downgrade' | 'wrong-key', edit: Record<string, unknown> = { catatan: 'disetujui tanpa paraf' }) {
  const all = await events();
  const wrongKey = { id: all[seq - 1].kunci as string, secret: crypto.randomBytes(32).toString('base64') };
  let prev = seq === 1 ? GENESIS_HASH : all[seq - 2].hash;
  for (const e of all.filter((x) => Number(x.seq) >= seq)) {
    const changed: ChainedEvent = { ...e, ...(Number(e.seq) === seq ? edit : {}), hashSebelumnya: prev };
    const hash = how === 'wrong-key' ? sealEvent(Number(e.seq), prev, changed, wrongKey) : hashEvent(Number(e.seq), prev, changed);
    await setRow(Number(e.seq), {
      ...(Number(e.seq) === seq ? edit : {}),
      hashSebelumnya: prev,
      hash,
      ...(how === 'sha256-downgrade' ? { kunci: null } : {}),
    });
    prev = hash;
  }
}

const append = (n: number, label: string) =>
  (async () => {
    for (let i = 1; i <= n; i += 1) {
      await appendAuditEvent(strapi, { kategori: 'sistem', peristiwa: 'uji', dokumenId: `${label}-${i}`, catatan: `${label} ${i}` });
    }
  })();

test('a chain that started unkeyed, before the audit key existed, still verifies and continues sealed with the key', async () => {
  await table().del();
  // Three events as the previous version wrote them: plain SHA-256, no key id.
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= 3; seq += 1) {
    const event = { kategori: 'sistem' as const, peristiwa: 'lama', dokumenId: `lama-${seq}`, waktu: new Date(Date.UTC(2026, 0, seq)).toISOString(), dipaksa: false };
    const hash = hashEvent(seq, prev, event);
    await strapi.db.connection.transaction(async (trx) => {
      await trx(meta.tableName).insert({
        [col('seq')]: seq, [col('kategori')]: event.kategori, [col('peristiwa')]: event.peristiwa, [col('dokumenId')]: event.dokumenId,
        [col('waktu')]: new Date(event.waktu), [col('dipaksa')]: false, [col('hashSebelumnya')]: prev, [col('hash')]: hash,
        document_id: `lama${seq}`, created_at: new Date(), updated_at: new Date(),
      });
    });
    prev = hash;
  }
  await append(5, 'baru');
  const all = await events();
  expect(all.map((e) => e.kunci ?? null)).toEqual([null, null, null, ...Array(5).fill(auditKeyId(process.env.PPID_AUDIT_KEY!))]);
  expect(all[3].hashSebelumnya).toBe(all[2].hash);
  expect(await verify()).toMatchObject({ ok: true, count: 8 });

  // PPID_AUDIT_LEGACY_SEQ pins how many events may be unkeyed.
  const audit = (strapi.config.get('ppid') as any).audit;
  audit.legacyUntilSeq = 2;
  try {
    expect(await verify()).toMatchObject({ ok: false, seq: 3, reason: expect.stringContaining('PPID_AUDIT_LEGACY_SEQ') });
  } finally {
    audit.legacyUntilSeq = null;
  }
});

test('anchors: taken only when the head moved, at most every PPID_AUDIT_ANCHOR_MINUTES, into the day file and e-mailed through the outbox', async () => {
  const now = new Date();
  const first = await writeAuditAnchor(strapi, { now });
  expect(first).toMatchObject({ written: true, emailQueued: true, anchor: { seq: 8, jumlah: 8, warisan: 3 } });
  expect(await writeAuditAnchor(strapi, { now: new Date(now.getTime() + 120 * 60_000) })).toEqual({ written: false, reason: 'tidak_bergerak' });

  await append(2, 'sesudah-jangkar');
  expect(await writeAuditAnchor(strapi, { now: new Date(now.getTime() + 30 * 60_000) })).toEqual({ written: false, reason: 'belum_waktunya' });
  const later = new Date(now.getTime() + 61 * 60_000);
  // Two instances' cron at the same moment: one anchor (the lock), the other finds the head anchored.
  const both = await Promise.all([writeAuditAnchor(strapi, { now: later }), writeAuditAnchor(strapi, { now: later })]);
  expect(both.filter((o) => o.written)).toEqual([expect.objectContaining({ anchor: expect.objectContaining({ seq: 10 }) })]);
  expect(both.filter((o) => !o.written)).toEqual([{ written: false, reason: 'tidak_bergerak' }]);
  expect(anchors().anchors.map((a) => a.anchor.seq)).toEqual([8, 10]);
  expect(fs.readdirSync(anchorDir).every((f) => /^jangkar-audit-\d{4}-\d{2}-\d{2}\.jsonl$/.test(f))).toBe(true);

  await deliverNotices(strapi, { now: later });
  const mails = outbox().filter((m) => m.to === ARCHIVE);
  expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/^\[PPID\] Jangkar jejak audit #8 /), expect.stringMatching(/^\[PPID\] Jangkar jejak audit #10 /)]);
  // The e-mailed line is the anchor itself: kept outside the server, it verifies like the file.
  const copy = path.join(anchorDir, '..', `salinan-email-${process.pid}.txt`);
  fs.writeFileSync(copy, `${mails[1].text.split('\n').pop()}\n`);
  try {
    expect(readAnchorSources([copy]).anchors[0].anchor).toEqual(anchors().anchors[1].anchor);
  } finally {
    fs.rmSync(copy);
  }

  expect(await verify()).toMatchObject({ ok: true, count: 10, anchorsChecked: 2 });
  const clean = cli();
  expect(clean.stderr).toBe('');
  expect(clean.status).toBe(0);
  expect(clean.stdout).toMatch(/Jejak audit utuh: 10 peristiwa .* 2 jangkar dari \d berkas diperiksa/);
});

describe('tampering in SQL without the key', () => {
  let original: any[];
  beforeAll(async () => {
    original = await snapshotRows();
  });
  afterEach(async () => {
    await restoreRows(original);
    expect((await verify()).ok).toBe(true);
  });

  test('an edited event, later hashes recomputed with plain SHA-256 and marked unkeyed: audit:verify names it', async () => {
    await tamperFrom(5, 'sha256-downgrade');
    const report = await verify();
    expect(report).toMatchObject({ ok: false, seq: 5, count: 4, reason: expect.stringContaining('tanpa kunci') });
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/RUSAK pada peristiwa #5: disegel tanpa kunci/);
    // The anchors do not match the rewritten events either.
    expect(run.stderr).toMatch(/peristiwa #8 tidak sama dengan jangkar/);
  });

  test('the same with plain SHA-256 keeping the key id, or with HMAC under a guessed key: the event is named', async () => {
    await tamperFrom(6, 'sha256');
    expect(await verify()).toMatchObject({ ok: false, seq: 6, reason: expect.stringContaining('segel HMAC tidak cocok') });
    await restoreRows(original);
    await tamperFrom(6, 'wrong-key', { aktorEmail: 'kepala-dinas@ppid.test' });
    expect(await verify()).toMatchObject({ ok: false, seq: 6, reason: expect.stringMatching(/^isi peristiwa diubah .*segel HMAC tidak cocok/) });
  });

  test('the whole chain rewritten as unkeyed (as if it all predated the key): the anchors pin the unkeyed prefix', async () => {
    await tamperFrom(1, 'sha256-downgrade');
    // Events 1–3 are legitimately unkeyed; the anchors recorded that only 3 were.
    const report = await verify();
    expect(report).toMatchObject({ ok: false, seq: 4, count: 3, reason: expect.stringMatching(/menurut jangkar .* hanya peristiwa sampai #3 yang boleh tanpa kunci/) });
    // And every anchored head differs. (An edit among the old unkeyed events themselves can only be seen this way:
    // the anchors say the chain up to #8 changed, not which event.)
    expect(report.problems.map((p) => p.seq)).toEqual([4, 8, 10]);
  });

  test('a truncated tail (the last events deleted) is caught by the last anchor; the chain alone cannot see it', async () => {
    await table().where(col('seq'), '>=', 9).del();
    // Without the anchors the shorter chain is consistent.
    expect(await verifyAuditTrail(strapi)).toMatchObject({ ok: true, count: 8 });
    const report = await verify();
    expect(report).toMatchObject({ ok: false, count: 8, seq: 10 });
    expect(report.ok === false && report.reason).toMatch(/rantai terpotong .*jangkar .*jangkar-audit-\d{4}-\d{2}-\d{2}\.jsonl:\d+ .*peristiwa #10, tetapi peristiwa terakhir di basis data adalah #8/);
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/RUSAK pada peristiwa #10: rantai terpotong/);
  });

  test('a tail deleted and regrown to the same length (a rollback) is caught: the anchored event differs', async () => {
    await table().where(col('seq'), '>=', 9).del();
    await append(2, 'pengganti');
    const report = await verify();
    expect(report).toMatchObject({ ok: false, seq: 10, reason: expect.stringContaining('peristiwa #10 tidak sama dengan jangkar') });
  });

  test('an anchor line forged without the key is reported with its file and line', async () => {
    const [file] = fs.readdirSync(anchorDir).sort().reverse().map((f) => path.join(anchorDir, f));
    const before = fs.readFileSync(file, 'utf8');
    const last = JSON.parse(before.trim().split('\n').pop()!);
    fs.appendFileSync(file, `${JSON.stringify({ ...last, seq: 3, hash: '0'.repeat(64) })}\n`);
    try {
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ seq: 3, source: file, reason: expect.stringContaining('MAC tidak cocok') })]);
    } finally {
      fs.writeFileSync(file, before);
    }
  });
});

test('key rotation: the new key seals new events and anchors; events of the retired key verify while it is listed in PPID_AUDIT_KEYS_OLD', async () => {
  const audit = (strapi.config.get('ppid') as any).audit;
  const oldKey = audit.key as string;
  const newKey = crypto.randomBytes(32).toString('base64');
  audit.key = newKey;
  audit.oldKeys = `${auditKeyId(oldKey)}:${oldKey}`;
  await append(2, 'kunci-baru');
  const all = await events();
  expect(all.slice(-2).map((e) => e.kunci)).toEqual([auditKeyId(newKey), auditKeyId(newKey)]);
  expect((await writeAuditAnchor(strapi, { force: true })).written).toBe(true);
  expect(await verify()).toMatchObject({ ok: true, count: 12, anchorsChecked: 3 });
  const rotated = cli({ PPID_AUDIT_KEY: newKey, PPID_AUDIT_KEYS_OLD: oldKey });
  expect(rotated.stderr).toBe('');
  expect(rotated.status).toBe(0);

  // Dropping the retired key too early: its events and anchors can no longer be checked, and say so.
  audit.oldKeys = '';
  const report = await verify();
  expect(report).toMatchObject({ ok: false, seq: 4, reason: expect.stringContaining(`kunci ${auditKeyId(oldKey)} yang tidak dikenal`) });
  expect(report.problems.some((p) => /jangkar .* disegel dengan kunci .* tidak dikenal/.test(p.reason))).toBe(true);
  audit.key = oldKey;
});
