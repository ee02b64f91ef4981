import type { Core } from '@strapi/strapi';
import { workflowRuntime } from '../workflow';
import { AUDIT_UID } from '../audit/trail';
import { queueNotices } from '../outbox/queue';
import { formatWib, recipientsFor } from '../workflow/notify';

const KONTEN_UID = 'api::konten-terjadwal.konten-terjadwal';
const DIP_UID = 'api::dip-document.dip-document';

export interface ScheduleResult {
  published: number;
  /** items that did not go online at their time (now `gagal`, with the reason) */
  returned: number;
}

/**
 * Scheduled content goes online by itself at its time, and only if approved then (SPEC §3.2).
 * An approved item whose time has come publishes the locales of its DIP entry that are approved
 * (exactly the approved version: the publish goes through the version check of the workflow)
 * and moves to "tayang"; otherwise it becomes `gagal` with the reason as its note, and the
 * Operator and Sub Koordinator are told (see `subscribeScheduleFailures`). The
 * transition is a conditional write, so with several instances exactly one does the work.
 */
export async function publishScheduled(strapi: Core.Strapi, now: Date = new Date()): Promise<ScheduleResult> {
  const { service } = workflowRuntime(strapi);
  const result: ScheduleResult = { published: 0, returned: 0 };
  const due = await strapi.db.query(KONTEN_UID).findMany({
    where: { statusAlur: 'disetujui', jadwalTayang: { $lte: now } },
    populate: { dokumen: { select: ['documentId'] } },
    orderBy: { jadwalTayang: 'asc' },
    limit: 200,
  });
  for (const item of due) {
    try {
      const dipId: string | undefined = item.dokumen?.documentId;
      if (dipId) {
        const approved = await strapi.db.query(DIP_UID).findMany({
          where: { documentId: dipId, publishedAt: null, statusAlur: 'disetujui' },
          select: ['locale'],
        });
        if (approved.length === 0) {
          await service.transition('konten-terjadwal', item.documentId, null, { system: 'jadwal' }, {
            to: 'gagal',
            note: 'Tidak ditayangkan: dokumen DIP terkait belum disetujui Koordinator pada waktu tayang.',
          });
          result.returned += 1;
          continue;
        }
        const refusal = await publishApproved(strapi, dipId, approved.map((r: { locale: string }) => r.locale));
        if (refusal) {
          await service.transition('konten-terjadwal', item.documentId, null, { system: 'jadwal' }, {
            to: 'gagal',
            note: `Tidak ditayangkan: ${refusal}`,
          });
          result.returned += 1;
          continue;
        }
      }
      await service.transition('konten-terjadwal', item.documentId, null, { system: 'jadwal' }, { to: 'tayang', note: 'Tayang sesuai jadwal.' });
      await strapi.db.query(KONTEN_UID).updateMany({ where: { documentId: item.documentId }, data: { tayangPada: now } });
      result.published += 1;
    } catch (error) {
      // Another instance got there first: fine. Anything else is logged and retried next minute.
      const lostRace = (error as { name?: string; status?: number }).name === 'WorkflowError' && (error as { status?: number }).status === 409;
      if (!lostRace) {
        strapi.log.error(`[ppid] scheduled item ${item.documentId}: ${(error as Error).message}`);
      }
    }
  }
  return result;
}

/**
 * Publishes the approved locales in one transaction. A refusal by the workflow (the entry changed
 * since it was approved) is an answer for the planner, not a fault to retry every minute: its
 * message is returned and nothing is published.
 */
async function publishApproved(strapi: Core.Strapi, documentId: string, locales: string[]): Promise<string | null> {
  try {
    await strapi.db.transaction(async () => {
      for (const locale of locales) await (strapi.documents(DIP_UID as any) as any).publish({ documentId, locale });
    });
    return null;
  } catch (error) {
    const code = (error as { details?: { code?: string } }).details?.code;
    if (code && code.startsWith('WORKFLOW_')) return (error as Error).message;
    throw error;
  }
}

/**
 * A scheduled item that failed at its time is reported to the Operator and the Sub Koordinator,
 * with the reason, through the outbox. Listens to committed transitions (retried on failure); the
 * idempotency key makes a retry a no-op.
 */
export function subscribeScheduleFailures(strapi: Core.Strapi): void {
  workflowRuntime(strapi).service.events.subscribe('jadwal-gagal', async (event) => {
    if (event.def.uid !== KONTEN_UID || event.to !== 'gagal') return;
    const item = await strapi.db.query(KONTEN_UID).findOne({ where: { documentId: event.documentId }, select: ['judul', 'jadwalTayang'] });
    const note = await strapi.db.query(AUDIT_UID).findOne({
      where: { jenisKonten: KONTEN_UID, dokumenId: event.documentId, ke: 'gagal' },
      orderBy: { seq: 'desc' },
      select: ['catatan'],
    });
    const recipients = await recipientsFor(strapi, ['operator', 'sub-koordinator']);
    await queueNotices(
      strapi,
      recipients.map((penerima) => ({
        kunciIdempotensi: `jadwal-gagal:${event.documentId}:${event.at.toISOString()}:${penerima}`,
        jenis: 'jadwal_gagal',
        penerima,
        subjek: `Gagal tayang: ${item?.judul ?? event.documentId}`,
        isi: `Konten terjadwal "${item?.judul ?? event.documentId}" (jadwal ${item?.jadwalTayang ? formatWib(new Date(item.jadwalTayang)) : '-'}) tidak ditayangkan. ${note?.catatan ?? ''} Perbaiki lalu ajukan ulang untuk persetujuan Koordinator.`,
        jenisKonten: KONTEN_UID,
        dokumenId: event.documentId,
      })),
    );
  });
}
