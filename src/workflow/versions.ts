import type { Core } from '@strapi/strapi';
import { AUDIT_UID } from '../audit/trail';
import type { WorkflowDefinition } from './types';
import { SLA_FIELDS } from './sla-fields';
import { canonicalVersion, sharedFingerprint, versionFingerprint, type CanonicalVersion, type VersionSchema } from './version';

/**
 * Strapi glue for content versions: loads a row with everything its fingerprint covers, and finds
 * the fingerprint the latest approval recorded in the audit trail.
 */
/**
 * `stateRowWhere` locates the row that carries a document's workflow state in a locale (the draft
 * row of Draft & Publish types): the service's own rule, passed in so both read the same row.
 */
export function createVersionReader(
  strapi: Core.Strapi,
  stateRowWhere: (def: WorkflowDefinition, documentId: string, locale: string | null) => Record<string, unknown>,
) {
  const schemas = new Map<string, VersionSchema>();
  const populates = new Map<string, Record<string, unknown>>();

  function schemaOf(uid: string): VersionSchema | undefined {
    if (schemas.has(uid)) return schemas.get(uid);
    const model: any = uid.includes('::') ? strapi.contentType(uid as any) : strapi.components[uid as keyof typeof strapi.components];
    if (!model) return undefined;
    const localizedType = model.pluginOptions?.i18n?.localized === true;
    const attributes = Object.fromEntries(
      Object.entries<any>(model.attributes).map(([name, a]) => [
        name,
        { type: a.type, component: a.component, localized: !localizedType || a.pluginOptions?.i18n?.localized !== false },
      ]),
    );
    const schema = { attributes };
    schemas.set(uid, schema);
    return schema;
  }

  /** Populate for every relation, file and component the fingerprint reads. */
  function populateOf(uid: string): Record<string, unknown> {
    if (populates.has(uid)) return populates.get(uid)!;
    const model: any = uid.includes('::') ? strapi.contentType(uid as any) : strapi.components[uid as keyof typeof strapi.components];
    const populate: Record<string, unknown> = {};
    for (const [name, a] of Object.entries<any>(model?.attributes ?? {})) {
      if (name === 'createdBy' || name === 'updatedBy' || name === 'localizations') continue;
      if (a.type === 'relation') populate[name] = { select: ['id', 'documentId'] };
      else if (a.type === 'media') populate[name] = true;
      else if (a.type === 'component') populate[name] = { populate: populateOf(a.component) };
      else if (a.type === 'dynamiczone') populate[name] = { populate: '*' };
    }
    populates.set(uid, populate);
    return populate;
  }

  function excludedOf(def: WorkflowDefinition): Set<string> {
    return new Set([def.field, ...SLA_FIELDS, ...(def.notApprovalContent ?? [])]);
  }

  async function loadVersion(def: WorkflowDefinition, where: Record<string, unknown>): Promise<{ row: any; version: CanonicalVersion } | null> {
    const row = await strapi.db.query(def.uid as any).findOne({ where, populate: populateOf(def.uid) });
    if (!row) return null;
    return { row, version: canonicalVersion(schemaOf(def.uid)!, row, excludedOf(def), schemaOf) };
  }

  /** The draft (or only) row of one locale: what an editor approves. */
  async function draftVersion(def: WorkflowDefinition, documentId: string, locale: string | null) {
    return loadVersion(def, stateRowWhere(def, documentId, locale));
  }

  async function publishedVersion(def: WorkflowDefinition, documentId: string, locale: string) {
    return loadVersion(def, { documentId, locale, publishedAt: { $notNull: true } });
  }

  async function draftFingerprint(def: WorkflowDefinition, documentId: string, locale: string | null): Promise<string | null> {
    const loaded = await draftVersion(def, documentId, locale);
    return loaded ? versionFingerprint(loaded.version) : null;
  }

  /**
   * The fingerprint recorded when the document (in this locale) last entered the state it is in
   * now; null when that entry recorded none (a state that is not an approval).
   */
  async function approvedFingerprint(def: WorkflowDefinition, documentId: string, locale: string | null, state: string): Promise<string | null> {
    const where: Record<string, unknown> = { jenisKonten: def.uid, dokumenId: documentId, ke: { $notNull: true } };
    if (locale) where.locale = locale;
    const event = await strapi.db.query(AUDIT_UID).findOne({ where, orderBy: { seq: 'desc' }, select: ['ke', 'sidikKonten'] });
    return event && event.ke === state ? event.sidikKonten ?? null : null;
  }

  return { draftVersion, publishedVersion, draftFingerprint, approvedFingerprint, sharedFingerprint, versionFingerprint };
}

export type VersionReader = ReturnType<typeof createVersionReader>;
