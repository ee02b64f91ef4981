/** Strapi cron tasks (config/server.ts). Filled by the workflow sweeper. */
export const cronTasks: Record<string, unknown> = {};
