import type { Core } from '@strapi/strapi';
import { queueNotices } from '../outbox/queue';
import { recipientsFor, slaNotices, type Threshold } from './notify';
import { timerStatus } from './sla';
import { TIMER_UID } from './timers';
import { copyTimerToRow } from './sla-fields';

export interface SweepResult {
  examined: number;
  atRisk: number;
  breached: number;
  /** Notices written to the outbox (one per recipient); the sender delivers them. */
  notices: number;
}

/**
 * One sweep: reads only timers whose next check instant has passed (an indexed column), moves
 * them to at risk / breached, and notifies the responsible roles once per threshold. Each
 * threshold is claimed with a conditional update, and its notices are written to the outbox in
 * the same transaction: a claim is never committed without its notices, so an SMTP failure can
 * no longer lose one (the sender retries), and two instances sweeping the same database never
 * queue the same notification twice.
 */
export async function sweepTimers(strapi: Core.Strapi, now: Date = new Date(), batchSize = 500): Promise<SweepResult> {
  const result: SweepResult = { examined: 0, atRisk: 0, breached: 0, notices: 0 };
  // Many due timers share their responsible roles: look each set of recipients up once per sweep.
  const recipients = new Map<string, Promise<string[]>>();
  const recipientsOf = (responsible: string[]) => {
    const key = [...responsible].sort().join(',');
    if (!recipients.has(key)) recipients.set(key, recipientsFor(strapi, responsible));
    return recipients.get(key)!;
  };
  for (;;) {
    const due = await strapi.db.query(TIMER_UID).findMany({
      where: { cekBerikutnya: { $lte: now }, ditutupPada: null },
      orderBy: { cekBerikutnya: 'asc' },
      limit: batchSize,
    });
    if (due.length === 0) return result;
    let progressed = false;
    for (const timer of due) {
      result.examined += 1;
      const status = timerStatus(now, new Date(timer.berisikoPada), new Date(timer.jatuhTempo));
      const threshold: Threshold | null = status === 'breached' ? 'breached' : status === 'at_risk' ? 'at_risk' : null;
      if (!threshold) continue;
      // Looked up before the transaction: it is shared by the timers of one sweep.
      const recipients = await recipientsOf(Array.isArray(timer.penanggungJawab) ? timer.penanggungJawab : []);
      const queued = await strapi.db.transaction(async () => {
        if (!(await claim(strapi, timer, threshold, now))) return null;
        await copyTimerToRow(strapi, timer);
        return queueNotices(strapi, slaNotices(timer, threshold, recipients), now);
      });
      if (queued !== null) {
        progressed = true;
        result[threshold === 'breached' ? 'breached' : 'atRisk'] += 1;
        result.notices += queued;
        if (recipients.length === 0) strapi.log.warn(`[ppid] SLA ${threshold} "${timer.label}": tidak ada penerima aktif untuk ${JSON.stringify(timer.penanggungJawab)}`);
      } else {
        progressed = true; // another instance took it; its row no longer matches this query
      }
    }
    // A batch in which nothing could move (e.g. at-risk timers already notified, waiting for
    // the deadline) must not loop forever.
    if (!progressed || due.length < batchSize) return result;
  }
}

/** Atomically marks the threshold as notified; true for exactly one claimant. */
async function claim(strapi: Core.Strapi, timer: any, threshold: Threshold, now: Date): Promise<boolean> {
  const where: Record<string, unknown> = { id: timer.id, ditutupPada: null };
  const data: Record<string, unknown> = { status: threshold };
  if (threshold === 'at_risk') {
    where.notifBerisikoPada = null;
    data.notifBerisikoPada = now;
    data.cekBerikutnya = timer.jatuhTempo;
  } else {
    where.notifLewatPada = null;
    data.notifLewatPada = now;
    // A timer that went straight past its deadline (sweeper down) gets only the breach email.
    if (!timer.notifBerisikoPada) data.notifBerisikoPada = now;
    data.cekBerikutnya = null;
  }
  const { count } = await strapi.db.query(TIMER_UID).updateMany({ where, data });
  if (count === 0 && threshold === 'at_risk') {
    // Already notified at risk (by us earlier or by another instance): wait for the deadline.
    await strapi.db.query(TIMER_UID).updateMany({
      where: { id: timer.id, ditutupPada: null, notifLewatPada: null },
      data: { cekBerikutnya: timer.jatuhTempo },
    });
  }
  return count === 1;
}
