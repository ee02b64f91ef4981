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
