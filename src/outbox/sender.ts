import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { afterFailure, describeError, type OutboxConfig } from './policy';
import { NOTICE_UID } from './queue';

export interface DeliveryResult {
  /** Notices this run claimed and tried. */
  attempted: number;
  sent: number;
  /** Failed this time, to be tried again later. */
  failed: number;
  /** Became dead letters in this run. */
  dead: number;
  /** Candidates another sender claimed first. */
  skipped: number;
}

/** What goes to Strapi's email plugin; the header lets a mailbox (or a test) recognise a repeat. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

export type MailSender = (mail: OutgoingMail) => Promise<unknown>;

export const IDEMPOTENCY_HEADER = 'X-PPID-Notifikasi';

const config = (strapi: Core.Strapi): OutboxConfig => (strapi.config.get('ppid') as PpidConfig).outbox;

const emailPlugin = (strapi: Core.Strapi): MailSender => (mail) => strapi.plugin('email').service('email').send(mail);

class SendTimeout extends Error {
  constructor(seconds: number) {
    super(`pengiriman tidak selesai dalam ${seconds} detik; hasilnya tidak diketahui (email mungkin sudah terkirim)`);
    this.name = 'SendTimeout';
  }
}

async function withTimeout<T>(work: Promise<T>, seconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // A send that settles after the timeout must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new SendTimeout(seconds)), seconds * 1000);
        timer.unref?.();
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** A lease nobody holds any more (never taken, released, or expired). */
const leaseFree = (now: Date) => ({ $or: [{ sewaSampai: null }, { sewaSampai: { $lte: now } }] });

/**
 * One run of the sender: delivers due pending/failed notices, one at a time.
 *
 * Each notice is first claimed with a conditional update (compare-and-set on its status and attempt
 * count, and only if no lease is running): of two senders, on one instance or several, exactly one
 * wins and sends; the other skips it. The claim takes a lease of `leaseSeconds`; a sender that
 * crashes mid-send leaves the lease to expire, then the notice is tried again. The only window for
 * a duplicate is a crash (or timeout) after the SMTP server accepted the message and before the
 * notice was marked sent. A delivery never runs twice at the same time: the lease is at least
 * twice the send timeout, which also bounds nodemailer's own timeouts (config/plugins.ts).
 */
export async function deliverNotices(
  strapi: Core.Strapi,
  opts: { now?: Date; limit?: number; send?: MailSender } = {},
): Promise<DeliveryResult> {
  const cfg = config(strapi);
  const now = opts.now ?? new Date();
  const send = opts.send ?? emailPlugin(strapi);
  const result: DeliveryResult = { attempted: 0, sent: 0, failed: 0, dead: 0, skipped: 0 };
  const query = strapi.db.query(NOTICE_UID);

  const candidates = await query.findMany({
    where: { statusKirim: { $in: ['pending', 'failed'] }, cobaLagiPada: { $lte: now }, ...leaseFree(now) },
    orderBy: [{ cobaLagiPada: 'asc' }, { id: 'asc' }],
    limit: opts.limit ?? cfg.batchSize,
  });

  for (const notice of candidates) {
    const version = { id: notice.id, statusKirim: notice.statusKirim, percobaan: notice.percobaan, ...leaseFree(now) };
    if (notice.percobaan >= cfg.maxAttempts) {
      // Its last attempt was claimed and never finished (the sender stopped mid-send).
      const { count } = await query.updateMany({
        where: version,
        data: {
          statusKirim: 'dead',
          sewaSampai: null,
          tokenSewa: null,
          galatTerakhir: 'Percobaan terakhir terputus (pengirim berhenti saat mengirim); tidak diketahui apakah email sudah terkirim.',
        },
      });
      if (count === 1) result.dead += 1;
      continue;
    }

    const token = crypto.randomBytes(16).toString('hex');
    const attempt = Number(notice.percobaan) + 1;
    const claim = await query.updateMany({
      where: version,
      data: { percobaan: attempt, sewaSampai: new Date(now.getTime() + cfg.leaseSeconds * 1000), tokenSewa: token },
    });
    if (claim.count !== 1) {
      result.skipped += 1;
      continue;
    }
    result.attempted += 1;

    const mine = { id: notice.id, tokenSewa: token };
    try {
      await withTimeout(
        Promise.resolve().then(() =>
          send({ to: notice.penerima, subject: notice.subjek, text: notice.isi, headers: { [IDEMPOTENCY_HEADER]: notice.kunciIdempotensi } }),
        ),
        cfg.sendTimeoutSeconds,
      );
    } catch (error) {
      const next = afterFailure(attempt, now, cfg);
      const timedOut = error instanceof SendTimeout;
      const { count } = await query.updateMany({
        where: mine,
        data: {
          statusKirim: next.status,
          cobaLagiPada: next.cobaLagiPada,
          galatTerakhir: `Percobaan ${attempt}: ${describeError(error)}`.slice(0, 2000),
          // A timed-out delivery may still be running: keep the lease until it has surely ended.
          ...(timedOut ? {} : { sewaSampai: null, tokenSewa: null }),
        },
      });
      if (count === 1) result[next.status === 'dead' ? 'dead' : 'failed'] += 1;
      strapi.log.warn(`[ppid] notifikasi ${notice.id} ke ${notice.penerima} gagal (percobaan ${attempt}): ${describeError(error)}`);
      continue;
    }
    const { count } = await query.updateMany({
      where: mine,
      data: { statusKirim: 'sent', terkirimPada: now, sewaSampai: null, tokenSewa: null },
    });
    if (count === 1) result.sent += 1;
    else strapi.log.warn(`[ppid] notifikasi ${notice.id} terkirim setelah sewanya habis; pengirim lain mungkin mengirimnya lagi`);
  }
  return result;
}
