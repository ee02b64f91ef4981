import type { Core } from '@strapi/strapi';

export const NOTICE_UID = 'api::notifikasi.notifikasi';

/** One e-mail to one recipient, as the code that decided to send it describes it. */
export interface NoticeInput {
  /**
   * Unique per message and recipient (e.g. `sla:breached:<timer>:<start>:<recipient hash>`): queueing
   * the same notice again is a no-op, and a unique index refuses a second row even under a race.
   */
  kunciIdempotensi: string;
  /** What kind of notice: sla_berisiko, sla_terlambat, jangkar_audit… */
  jenis: string;
  penerima: string;
  subjek: string;
  isi: string;
  jenisKonten?: string | null;
  dokumenId?: string | null;
  locale?: string | null;
  timerId?: number | null;
}

/**
 * Writes pending notices. Call it inside the transaction of the change that causes them (the
 * sweeper's claim, an anchor): the notices exist exactly when that change is committed, and the
 * sender delivers them afterwards. Strapi's query engine joins the caller's transaction by itself.
 * Returns how many notices were new.
 */
export async function queueNotices(strapi: Core.Strapi, notices: NoticeInput[], now: Date = new Date()): Promise<number> {
  let queued = 0;
  for (const notice of notices) {
    const existing = await strapi.db.query(NOTICE_UID).findOne({ where: { kunciIdempotensi: notice.kunciIdempotensi }, select: ['id'] });
    if (existing) continue;
    await strapi.db.query(NOTICE_UID).create({
      data: {
        ...notice,
        subjek: notice.subjek.slice(0, 255),
        statusKirim: 'pending',
        percobaan: 0,
        cobaLagiPada: now,
      },
    });
    queued += 1;
  }
  return queued;
}
