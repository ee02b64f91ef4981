import type { Core } from '@strapi/strapi';
import { writeAuditAnchor } from './audit/anchor-store';
import { deliverNotices } from './outbox/sender';
import { publishScheduled } from './schedule/publish-scheduled';
import { sweepTimers } from './workflow/sweeper';
import { erasePersonalData } from './permohonan';
import { ensureReportDrafts } from './reports/drafts';
import { processExports } from './reports/jobs';

/** A failing task logs and waits for its next run; it never stops the others. */
const guarded = (name: string, task: (strapi: Core.Strapi) => Promise<unknown>) => async ({ strapi }: { strapi: Core.Strapi }) => {
  try {
    await task(strapi);
  } catch (error) {
    strapi.log.error(`[ppid] cron ${name}: ${(error as Error).stack ?? error}`);
  }
};

/**
 * Strapi cron tasks (config/server.ts, CRON_ENABLED). Every minute: scheduled content first (it
 * may close timers), then the SLA sweep (which only queues notices); the outbox sender delivers
 * them as a task of its own; the audit anchor is taken at most every PPID_AUDIT_ANCHOR_MINUTES,
 * when the chain has grown. Safe on several instances: all of them act through conditional
 * writes or database locks.
 */
export const cronTasks = {
  ppidMinute: {
    task: guarded('ppidMinute', async (strapi) => {
      await publishScheduled(strapi);
      await sweepTimers(strapi);
    }),
    options: { rule: '*/1 * * * *', tz: 'Asia/Jakarta' },
  },
  ppidOutbox: {
    task: guarded('ppidOutbox', (strapi) => deliverNotices(strapi)),
    options: { rule: '30 */1 * * * *', tz: 'Asia/Jakarta' },
  },
  ppidAuditAnchor: {
    task: guarded('ppidAuditAnchor', (strapi) => writeAuditAnchor(strapi)),
    options: { rule: '45 */1 * * * *', tz: 'Asia/Jakarta' },
  },
  // Requesters' personal data past its retention period (PPID_REQUEST_RETENTION_YEARS) is erased
  // nightly; each row is updated on its own, so running on several instances is harmless.
  ppidNightly: {
    task: guarded('ppidNightly', (strapi) => erasePersonalData(strapi)),
    options: { rule: '15 2 * * *', tz: 'Asia/Jakarta' },
  },
  // Evaluation report drafts of the month / semester just ended (a unique key makes them exist
  // once whichever instance runs first), then exports left waiting (e.g. by a restarted instance).
  ppidReports: {
    task: guarded('ppidReports', async (strapi) => {
      await ensureReportDrafts(strapi);
      await processExports(strapi);
    }),
    options: { rule: '20 */1 * * * *', tz: 'Asia/Jakarta' },
  },
};
