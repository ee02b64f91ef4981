import type { Core } from '@strapi/strapi';
import { writeAuditAnchor } from './audit/anchor-store';
import { deliverNotices } from './outbox/sender';
import { publishScheduled } from './schedule/publish-scheduled';
import { sweepTimers } from './workflow/sweeper';
import { erasePersonalData } from './permohonan';
import { runTask } from './ops/lifecycle';
import { claimTick, releaseTick, type Claim } from './ops/task-lease';
import { ensureReportDrafts } from './reports/drafts';
import { processExports } from './reports/jobs';

/**
 * A failing task logs and waits for its next run; it never stops the others. Each tick runs on
 * one instance only (a lease per task and tick in the database, src/ops/task-lease.ts), never
 * while the instance is shutting down; the task acts as of the tick's scheduled instant.
 * Answers whether this instance ran the tick.
 */
const guarded =
  (name: string, task: (strapi: Core.Strapi, now: Date) => Promise<unknown>, leaseMinutes = 10) =>
  async ({ strapi }: { strapi: Core.Strapi }, fireDate?: Date): Promise<boolean> => {
    // Strapi's cron passes the scheduled instant (the same on every instance). Without it, the
    // minute: no task here runs more often than once a minute.
    const tick = fireDate instanceof Date && Number.isFinite(fireDate.getTime()) ? fireDate : new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const ran = await runTask(async () => {
      let claim: Claim | null = null;
      try {
        claim = await claimTick(strapi.db.connection, name, tick, leaseMinutes * 60_000);
        if (!claim) return false;
        await task(strapi, tick);
      } catch (error) {
        strapi.log.error(`[ppid] cron ${name}: ${(error as Error).stack ?? error}`);
      } finally {
        if (claim) await releaseTick(strapi.db.connection, claim).catch(() => undefined);
      }
      return claim !== null;
    });
    return ran === true;
  };

/**
 * Strapi cron tasks (config/server.ts, CRON_ENABLED). Every minute: scheduled content first (it
 * may close timers), then the SLA sweep (which only queues notices); the outbox sender delivers
 * them as a task of its own; the audit anchor is taken at most every PPID_AUDIT_ANCHOR_MINUTES,
 * when the chain has grown. Safe on several instances: each tick is leased to one of them, and
 * underneath all of them act through conditional writes or database locks.
 */
export const cronTasks = {
  ppidMinute: {
    task: guarded('ppidMinute', async (strapi, now) => {
      await publishScheduled(strapi, now);
      await sweepTimers(strapi, now);
    }),
    options: { rule: '*/1 * * * *', tz: 'Asia/Jakarta' },
  },
  ppidOutbox: {
    task: guarded('ppidOutbox', (strapi, now) => deliverNotices(strapi, { now })),
    options: { rule: '30 */1 * * * *', tz: 'Asia/Jakarta' },
  },
  ppidAuditAnchor: {
    task: guarded('ppidAuditAnchor', (strapi, now) => writeAuditAnchor(strapi, { now })),
    options: { rule: '45 */1 * * * *', tz: 'Asia/Jakarta' },
  },
  // Requesters' personal data past its retention period (PPID_REQUEST_RETENTION_YEARS) is erased
  // nightly, on one instance (its lease lasts 120 minutes); each row is updated on its own.
  ppidNightly: {
    task: guarded('ppidNightly', (strapi, now) => erasePersonalData(strapi, now), 120),
    options: { rule: '15 2 * * *', tz: 'Asia/Jakarta' },
  },
  // Evaluation report drafts of the month / semester just ended (a unique key makes them exist
  // once whichever instance runs first), then exports left waiting (e.g. by a restarted instance).
  ppidReports: {
    task: guarded('ppidReports', async (strapi, now) => {
      await ensureReportDrafts(strapi, now);
      await processExports(strapi, now);
    }),
    options: { rule: '20 */1 * * * *', tz: 'Asia/Jakarta' },
  },
};
