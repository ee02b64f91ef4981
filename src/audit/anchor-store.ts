import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { findAppRoot } from '../config/app-root';
import { LOCKS, withDatabaseLock } from '../db/lock';
import { queueNotices } from '../outbox/queue';
import {
  ANCHOR_FILE_PATTERN,
  anchorFileName,
  anchorLine,
  createAnchor,
  lastAnchorIn,
  parseAnchorText,
  type AnchorProblem,
  type AuditAnchor,
  type LocatedAnchor,
} from './anchors';
import { LEGACY_KEY_ID } from './keys';
import { AUDIT_UID, auditKeyring } from './trail';

const auditConfig = (strapi: Core.Strapi) => (strapi.config.get('ppid') as PpidConfig).audit;

/** The anchor directory of the configuration, absolute. */
export function anchorDirectory(strapi: Core.Strapi): string {
  const dir = auditConfig(strapi).anchorDir;
  return path.isAbsolute(dir) ? dir : path.join(findAppRoot(), dir);
}

/**
 * Reads anchors from directories (every `jangkar-audit-YYYY-MM-DD.jsonl` in them) and files (any
 * name: e.g. the lines copied out of the anchor e-mails). A missing directory has no anchors.
 */
export function readAnchorSources(sources: string[]): { anchors: LocatedAnchor[]; problems: AnchorProblem[]; files: string[] } {
  const anchors: LocatedAnchor[] = [];
  const problems: AnchorProblem[] = [];
  const files: string[] = [];
  for (const source of sources) {
    if (!fs.existsSync(source)) continue;
    const list = fs.statSync(source).isDirectory()
      ? fs.readdirSync(source).filter((f) => ANCHOR_FILE_PATTERN.test(f)).sort().map((f) => path.join(source, f))
      : [source];
    for (const file of list) {
      files.push(file);
      const parsed = parseAnchorText(fs.readFileSync(file, 'utf8'), file);
      anchors.push(...parsed.anchors);
      problems.push(...parsed.problems);
    }
  }
  return { anchors, problems, files };
}

function lastAnchorInDirectory(dir: string): AuditAnchor | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs.readdirSync(dir).filter((f) => ANCHOR_FILE_PATTERN.test(f)).sort().reverse();
  for (const file of files) {
    const anchor = lastAnchorIn(fs.readFileSync(path.join(dir, file), 'utf8'));
    if (anchor) return anchor;
  }
  return null;
}

/** Appends one line and forces it to disk; a torn last line (crash mid-write) is closed first. */
function appendLine(file: string, line: string): void {
  const fd = fs.openSync(file, 'a+', 0o640);
  try {
    const size = fs.fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      if (last.toString() !== '\n') prefix = '\n';
    }
    fs.writeSync(fd, `${prefix}${line}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export type AnchorOutcome =
  | { written: true; anchor: AuditAnchor; file: string; emailQueued: boolean }
  | { written: false; reason: 'kosong' | 'tidak_bergerak' | 'belum_waktunya' };

/**
 * Takes an anchor of the chain head: appends it to the day's file in the anchor directory and
 * queues its e-mail (PPID_AUDIT_ANCHOR_EMAIL) in the outbox. Only when the head moved since the
 * directory's last anchor, and (unless `force`) at most once per `anchorMinutes`. One instance at a
 * time (a database lock); the e-mail's idempotency key is the anchored head, so instances with
 * separate directories still send one e-mail per head.
 */
export async function writeAuditAnchor(strapi: Core.Strapi, opts: { now?: Date; force?: boolean } = {}): Promise<AnchorOutcome> {
  const now = opts.now ?? new Date();
  const cfg = auditConfig(strapi);
  const dir = anchorDirectory(strapi);
  const key = auditKeyring(strapi).current;
  return withDatabaseLock(strapi, LOCKS.auditAnchor, async () => {
    const head = await strapi.db.query(AUDIT_UID).findOne({ select: ['seq', 'hash'], orderBy: { seq: 'desc' } });
    if (!head) return { written: false, reason: 'kosong' } as const;
    const last = lastAnchorInDirectory(dir);
    if (last && last.seq === Number(head.seq) && last.hash === head.hash) return { written: false, reason: 'tidak_bergerak' } as const;
    if (last && !opts.force && now.getTime() - Date.parse(last.waktu) < cfg.anchorMinutes * 60_000) {
      return { written: false, reason: 'belum_waktunya' } as const;
    }
    const jumlah = await strapi.db.query(AUDIT_UID).count({});
    const warisan = await strapi.db.query(AUDIT_UID).count({ where: { $or: [{ kunci: null }, { kunci: '' }, { kunci: LEGACY_KEY_ID }] } });
    const anchor = createAnchor({ seq: Number(head.seq), hash: head.hash, jumlah, warisan, waktu: now }, key);
    const line = anchorLine(anchor);
    let emailQueued = false;
    if (cfg.anchorEmail) {
      emailQueued =
        (await queueNotices(
          strapi,
          [
            {
              kunciIdempotensi: `jangkar-audit:${anchor.seq}:${anchor.hash}`,
              jenis: 'jangkar_audit',
              penerima: cfg.anchorEmail,
              subjek: `[PPID] Jangkar jejak audit #${anchor.seq} (${anchor.waktu.slice(0, 16).replace('T', ' ')} UTC)`,
              isi: [
                'Jangkar jejak audit PPID. Simpan email ini di luar server PPID: baris di bawah membuktikan isi jejak audit sampai peristiwa ini.',
                `Peristiwa terakhir: #${anchor.seq}; jumlah peristiwa: ${anchor.jumlah}; waktu: ${anchor.waktu}.`,
                'Untuk memeriksa: salin baris JSON di bawah ke sebuah berkas, lalu jalankan `npm run audit:verify -- --jangkar <berkas>`.',
                '',
                line,
              ].join('\n'),
              jenisKonten: AUDIT_UID,
              dokumenId: String(anchor.seq),
            },
          ],
          now,
        )) > 0;
    }
    // Written last: if the file cannot be written, the transaction (and the queued e-mail) rolls back.
    fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
    const file = path.join(dir, anchorFileName(now));
    appendLine(file, line);
    return { written: true, anchor, file, emailQueued } as const;
  });
}
