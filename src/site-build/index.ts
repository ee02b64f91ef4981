import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { bearerMatches, parseBuildReport, type BuildReport } from './report';

/**
 * The CMS side of the public site's rebuild-on-publish (site/rebuild/):
 * - a Strapi webhook, kept at every start when PPID_SITE_REBUILD_URL is set, tells the rebuild
 *   service about every create/update/delete/publish/unpublish (the service picks the types the
 *   site shows and debounces);
 * - POST /ppid/situs/status, authenticated with PPID_SITE_REBUILD_TOKEN, is where the service
 *   reports each build; the report is kept in the single type `status-situs`, which editors read
 *   in the Content Manager ("Status Situs Publik").
 */
export const STATUS_UID = 'api::status-situs.status-situs';
export const WEBHOOK_NAME = 'Situs publik: bangun ulang (otomatis)';
export const WEBHOOK_EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

const rebuildToken = () => process.env.PPID_SITE_REBUILD_TOKEN ?? '';

export function registerSiteBuildRoutes(strapi: Core.Strapi): void {
  strapi.server.routes([
    {
      method: 'POST',
      path: '/ppid/situs/status',
      config: { auth: false },
      handler: async (ctx: any) => {
        const token = rebuildToken();
        if (!token) return ctx.notFound();
        if (!bearerMatches(ctx.get('authorization'), token, crypto.timingSafeEqual)) {
          return ctx.unauthorized('Token layanan pembangun situs tidak valid');
        }
        const parsed = parseBuildReport(ctx.request.body);
        if ('problems' in parsed) return ctx.badRequest(`Laporan tidak valid: ${parsed.problems.join('; ')}`);
        await saveBuildReport(strapi, parsed.report);
        ctx.status = 204;
      },
    },
  ] as any);
}

export async function saveBuildReport(strapi: Core.Strapi, data: BuildReport): Promise<void> {
  const docs = strapi.documents(STATUS_UID as any) as any;
  const current = await docs.findFirst({});
  // A "berjalan" report does not erase when the site was last built successfully.
  const merged = { ...data, terakhirBerhasil: data.terakhirBerhasil ?? current?.terakhirBerhasil ?? null };
  if (current) await docs.update({ documentId: current.documentId, data: merged });
  else await docs.create({ data: merged });
}

/** Creates or updates the rebuild webhook when PPID_SITE_REBUILD_URL is set; disables it when not. */
export async function ensureSiteWebhook(strapi: Core.Strapi): Promise<void> {
  const store = strapi.get('webhookStore') as any;
  const runner = strapi.get('webhookRunner') as any;
  const url = process.env.PPID_SITE_REBUILD_URL ?? '';
  const existing = ((await store.findWebhooks()) as any[]).find((w) => w.name === WEBHOOK_NAME);
  if (!url) {
    if (existing?.isEnabled) {
      const updated = await store.updateWebhook(existing.id, { ...existing, isEnabled: false });
      runner.update(updated);
    }
    return;
  }
  const token = rebuildToken();
  const wanted = {
    name: WEBHOOK_NAME,
    url,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    events: WEBHOOK_EVENTS,
    isEnabled: true,
  };
  if (!existing) {
    runner.add(await store.createWebhook(wanted));
  } else if (!sameWebhook(existing, wanted)) {
    runner.update(await store.updateWebhook(existing.id, wanted));
  }
}

function sameWebhook(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const key = (w: Record<string, unknown>) =>
    JSON.stringify([w.url, w.headers ?? {}, [...((w.events as string[]) ?? [])].sort(), w.isEnabled]);
  return key(a) === key(b);
}
