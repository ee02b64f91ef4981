import type { Core } from '@strapi/strapi';
import { publishScheduled } from './schedule/publish-scheduled';
import { sweepTimers } from './workflow/sweeper';
import { erasePersonalData } from './permohonan';

/**
 * Strapi cron tasks (config/server.ts, CRON_ENABLED). Every minute: scheduled content first (it
 * may close timers), then the SLA sweep. Safe on several instances: both only act through
 * conditional writes.
 */
export const cronTasks = {
  ppidMinute: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await publishScheduled(strapi);
      await sweepTimers(strapi);
    },
    options: { rule: '*/1 * * * *', tz: 'Asia/Jakarta' },
  },
  // Requesters' personal data past its retention period (PPID_REQUEST_RETENTION_YEARS) is erased
  // nightly; each row is updated on its own, so running on several instances is harmless.
  ppidNightly: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await erasePersonalData(strapi);
    },
    options: { rule: '15 2 * * *', tz: 'Asia/Jakarta' },
  },
};
