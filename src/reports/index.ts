/**
 * Evaluation reports and exports: Strapi glue. register(): the server-owned report fields, the
 * publication events of DIP entries, the admin routes; bootstrap(): indexes.
 */
import { ensureIndex } from '../db/indexes';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { appendAuditEvent } from '../audit/trail';
import { SYSTEM_ACTOR } from '../workflow/service';
import { systemReason } from '../workflow/system-context';
import { DIP_UID, PUBLISHED_AGAIN, PUBLISHED_FIRST } from './figures';
import { AUTHOR_ROLES, REPORT_UID, SERVER_FIELDS } from './drafts';
import { ensureReportIndexes } from './load';
import { reportRoutes } from './routes';
import { EXPORT_UID } from './jobs';
import { subscribeScheduleFailures } from '../schedule/publish-scheduled';

/**
 * A DIP locale going online is recorded (`diterbitkan` the first time, `diterbitkan_ulang` when
 * it replaces an online version), whoever publishes: the figures count publications from it.
 */
function publicationEvents(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid !== DIP_UID || ctx.action !== 'publish') return next();
    const documentId: string = ctx.params.documentId;
    const before = await strapi.db.query(DIP_UID).findMany({ where: { documentId, publishedAt: { $notNull: true } }, select: ['locale'] });
    const online = new Set(before.map((r: { locale: string }) => r.locale));
    const result = await next();
    const user = strapi.requestContext.get()?.state?.user as { id: number; email: string } | undefined;
    for (const entry of result?.entries ?? []) {
      await appendAuditEvent(strapi, {
        kategori: 'transisi',
        peristiwa: online.has(entry.locale) ? PUBLISHED_AGAIN : PUBLISHED_FIRST,
        jenisKonten: DIP_UID,
        dokumenId: documentId,
        locale: entry.locale ?? null,
        aktorId: user?.id ?? null,
        aktorEmail: user?.email ?? `${SYSTEM_ACTOR.email}${systemReason() ? `:${systemReason()}` : ''}`,
        catatan: online.has(entry.locale) ? 'Versi terbit diperbarui.' : 'Terbit pertama kali.',
      });
    }
    return result;
  };
}

/** The figures, their time and the automatic key belong to the server: dropped from every write. */
function serverFields() {
  return async (ctx: any, next: () => Promise<any>) => {
    if (ctx.uid === REPORT_UID && ['create', 'update', 'clone'].includes(ctx.action) && !systemReason()) {
      const data = ctx.params?.data;
      if (data && typeof data === 'object') for (const field of SERVER_FIELDS) delete data[field];
      if (ctx.action === 'clone' && data && typeof data === 'object') {
        data.kunciOtomatis = null;
      }
    }
    // A job row is written only by the export queue.
    if (ctx.uid === EXPORT_UID && !['findOne', 'findMany', 'findFirst', 'count'].includes(ctx.action) && !systemReason()) {
      throw new errors.ForbiddenError('Antrean ekspor hanya ditulis oleh sistem.');
    }
    return next();
  };
}

/**
 * An automatic draft is created by the system, so it has no author; the SOP wants each report
 * written by one person of the right role (src/api/laporan-evaluasi/workflow.ts checks the author
 * on submission and keeps the author from accepting it). The first person of the kind's author role
 * who writes in the draft (findings, recommendations) becomes its author, once: the conditional
 * update makes a second writer, or a second instance, change nothing.
 */
function claimAutomaticDraft(strapi: Core.Strapi) {
  return async (ctx: any, next: () => Promise<any>) => {
    const result = await next();
    if (ctx.uid !== REPORT_UID || ctx.action !== 'update' || systemReason()) return result;
    const user = strapi.requestContext.get()?.state?.user as { id: number; roles?: { code: string }[] } | undefined;
    if (!user?.id) return result;
    const row = await strapi.db.query(REPORT_UID).findOne({
      where: { documentId: ctx.params.documentId, kunciOtomatis: { $notNull: true } },
      select: ['id', 'jenis'],
      populate: { createdBy: { select: ['id'] } },
    });
    const authors = row ? (AUTHOR_ROLES[row.jenis] ?? []) : [];
    if (!row || row.createdBy || !(user.roles ?? []).some((r) => authors.includes(r.code))) return result;
    const meta = strapi.db.metadata.get(REPORT_UID) as any;
    const column = meta.attributes.createdBy?.joinColumn?.name ?? 'created_by_id';
    // Inside the write's own transaction (SQLite has one connection; a second would wait forever).
    await strapi.db.transaction(({ trx }) =>
      trx(meta.tableName).where({ document_id: ctx.params.documentId }).whereNull(column).update({ [column]: user.id }),
    );
    return result;
  };
}

export function registerReports(strapi: Core.Strapi): void {
  strapi.documents.use(serverFields());
  strapi.documents.use(claimAutomaticDraft(strapi));
  strapi.documents.use(publicationEvents(strapi));
  strapi.server.routes(reportRoutes(strapi) as any);
  subscribeScheduleFailures(strapi);
}

export async function bootstrapReports(strapi: Core.Strapi): Promise<void> {
  await ensureReportIndexes(strapi);
  // The draft of a period exists once, whichever instance's cron creates it.
  await ensureIndex(strapi, REPORT_UID, { name: 'otomatis_uq', attributes: ['kunciOtomatis'], unique: true });
  await ensureIndex(strapi, EXPORT_UID, { name: 'status_idx', attributes: ['status'] });
}
