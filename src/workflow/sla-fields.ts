import type { Core } from '@strapi/strapi';

/**
 * The running SLA timer's instants, copied onto the state row of a workflow document so that the
 * Content Manager's own sort and filter work on them (list views: "Batas waktu SLA"). Kept in sync
 * by the engine in the transaction of every state change (null in a state without an SLA); never
 * written by anyone else: values sent by an editor or the API are dropped, they are not part of an
 * approved version's fingerprint, and they are per locale for localized types. A type whose schema
 * lacks the fields simply does without the columns.
 */
export const SLA_DUE_FIELD = 'slaJatuhTempo';
export const SLA_AT_RISK_FIELD = 'slaBerisikoPada';
export const SLA_FIELDS = [SLA_DUE_FIELD, SLA_AT_RISK_FIELD] as const;

export function hasSlaFields(strapi: Core.Strapi, uid: string): boolean {
  const attributes = (strapi.contentType(uid as any) as any)?.attributes ?? {};
  return SLA_FIELDS.every((name) => attributes[name]?.type === 'datetime');
}

/** Removes the engine-owned fields from incoming write data (they are not the writer's to set). */
export function dropSlaFields(data: Record<string, unknown> | null | undefined): void {
  if (!data || typeof data !== 'object') return;
  for (const name of SLA_FIELDS) delete data[name];
}

/**
 * Copies one open timer's instants onto its document's state row (the draft row of Draft &
 * Publish types, its locale's for localized ones). The sweeper calls it for each timer it moves,
 * so the copy heals itself should a timer's instants ever be changed outside a state change.
 */
export async function copyTimerToRow(
  strapi: Core.Strapi,
  timer: { jenisKonten: string; dokumenId: string; locale?: string | null; jatuhTempo: Date | string; berisikoPada: Date | string },
): Promise<void> {
  if (!timer.jenisKonten.includes('::') || timer.jenisKonten.includes('#') || !hasSlaFields(strapi, timer.jenisKonten)) return;
  const schema = strapi.contentType(timer.jenisKonten as any) as any;
  const where: Record<string, unknown> = { documentId: timer.dokumenId };
  if (schema?.pluginOptions?.i18n?.localized) where.locale = timer.locale ?? 'id';
  if (schema?.options?.draftAndPublish) where.publishedAt = null;
  await strapi.db.query(timer.jenisKonten as any).updateMany({
    where,
    data: { [SLA_DUE_FIELD]: new Date(timer.jatuhTempo), [SLA_AT_RISK_FIELD]: new Date(timer.berisikoPada) },
  });
}
