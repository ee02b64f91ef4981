import type { Core } from '@strapi/strapi';
import type { TransitionGuard, WorkflowDefinition } from './types';

/**
 * Evaluates a transition's data-only guards against the stored document. Returns the message of
 * the first guard that fails, or null. Generic on purpose: it knows relations and components,
 * not memos or minutes.
 */
export async function failedGuard(
  strapi: Core.Strapi,
  def: WorkflowDefinition,
  guards: TransitionGuard[],
  documentId: string,
  locale: string | null,
): Promise<string | null> {
  for (const guard of guards) {
    const documents = strapi.documents(def.uid as any) as any;
    const base = { documentId, ...(locale ? { locale } : {}) };
    if (guard.kind === 'hasRelated') {
      const doc = await documents.findOne({ ...base, populate: { [guard.field]: { fields: ['documentId'] } } });
      const related: { documentId: string }[] = doc?.[guard.field] ?? [];
      if (related.length === 0) return guard.message;
      if (guard.published) {
        const attribute = (strapi.contentType(def.uid as any) as any).attributes[guard.field];
        const published = await (strapi.documents(attribute.target) as any).count({
          filters: { documentId: { $in: related.map((r) => r.documentId) } },
          status: 'published',
        });
        if (published === 0) return guard.message;
      }
    } else if (guard.kind === 'allComponentsIn') {
      const doc = await documents.findOne({ ...base, populate: [guard.field] });
      const items: Record<string, unknown>[] = doc?.[guard.field] ?? [];
      if (items.some((item) => !guard.values.includes(String(item[guard.attribute])))) return guard.message;
    } else if (guard.kind === 'anyFilledWhen') {
      const attributes = (strapi.contentType(def.uid as any) as any).attributes;
      const relations = guard.anyOf.filter((f) => attributes[f]?.type === 'relation');
      const doc = await documents.findOne({ ...base, populate: Object.fromEntries(relations.map((f) => [f, { fields: ['documentId'] }])) });
      if (!doc || !guard.when.values.includes(String(doc[guard.when.field]))) continue;
      const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v != null);
      if (!guard.anyOf.some((f) => filled(doc[f]))) return guard.message;
    } else if (guard.kind === 'attributeIn') {
      const row = await strapi.db.query(def.uid as any).findOne({ where: base, select: [guard.attribute] });
      if (!guard.values.includes(String(row?.[guard.attribute]))) return guard.message;
    } else if (guard.kind === 'relatedAttributeIn') {
      const row = await strapi.db.query(def.uid as any).findOne({ where: base, populate: { [guard.field]: { select: [guard.attribute] } } });
      const related = row?.[guard.field];
      if (!related || Array.isArray(related) || !guard.values.includes(String(related[guard.attribute]))) return guard.message;
    } else if (guard.kind === 'filled') {
      const row = await strapi.db.query(def.uid as any).findOne({ where: base, select: guard.attributes });
      if (guard.attributes.some((a) => row?.[a] === null || row?.[a] === undefined || String(row[a]).trim() === '')) return guard.message;
    } else if (guard.kind === 'authorRole') {
      const row = await strapi.db.query(def.uid as any).findOne({ where: base, populate: { createdBy: { populate: { roles: { select: ['code'] } } } } });
      const codes: string[] = (row?.createdBy?.roles ?? []).map((r: { code: string }) => r.code);
      if (!codes.some((c) => guard.roles.includes(c))) return guard.message;
    } else if (guard.kind === 'eachRelated') {
      const failing = await failingRelated(strapi, def, guard, documentId, locale);
      if (failing.length > 0) return `${guard.message} ${failing.join('; ')}.`;
    }
  }
  return null;
}

/** `"Judul" (nomor)`: how a related document is named in a guard's message. */
export function nameOf(row: Record<string, unknown>, attributes: string[]): string {
  const [first, ...rest] = attributes.map((a) => row[a]).filter((v) => v !== null && v !== undefined && String(v).trim() !== '');
  if (first === undefined) return `dokumen ${String(row.documentId)}`;
  return rest.length ? `"${String(first)}" (${rest.map(String).join(', ')})` : `"${String(first)}"`;
}

/**
 * The related documents that fail an `eachRelated` guard, named. Reads the draft rows (the
 * document as edited) for names and files; publication is read from the published rows.
 */
export async function failingRelated(
  strapi: Core.Strapi,
  def: WorkflowDefinition,
  guard: Extract<TransitionGuard, { kind: 'eachRelated' }>,
  documentId: string,
  locale: string | null,
): Promise<string[]> {
  const documents = strapi.documents(def.uid as any) as any;
  const doc = await documents.findOne({ documentId, ...(locale ? { locale } : {}), populate: { [guard.field]: { fields: ['documentId'] } } });
  const ids = [...new Set(((doc?.[guard.field] ?? []) as { documentId: string }[]).map((r) => r.documentId))];
  if (ids.length === 0) return [];
  const target: string = (strapi.contentType(def.uid as any) as any).attributes[guard.field].target;
  const model: any = strapi.contentType(target as any);
  const draftAndPublish = Boolean(model.options?.draftAndPublish);
  const media = 'media' in guard.require ? guard.require.media : null;
  const rows: any[] = await strapi.db.query(target as any).findMany({
    where: { documentId: { $in: ids }, ...(draftAndPublish ? { publishedAt: null } : {}) },
    ...(media ? { populate: { [media]: true } } : {}),
  });
  const failing: string[] = [];
  for (const id of ids) {
    const versions = rows.filter((r) => r.documentId === id);
    // Named after its Indonesian version when it has one.
    const row = versions.find((r) => r.locale === 'id') ?? versions[0];
    if (!row) continue;
    if (guard.skip && guard.skip.values.includes(String(row[guard.skip.attribute]))) continue;
    let ok: boolean;
    if ('media' in guard.require) {
      const { media: attribute, mime } = guard.require;
      const file = row[attribute];
      const files: { mime?: string }[] = Array.isArray(file) ? file : file ? [file] : [];
      ok = files.length > 0 && files.every((f) => f.mime === mime);
    } else {
      const publishedLocale = guard.require.publishedLocale;
      ok = (await strapi.db.query(target as any).count({ where: { documentId: id, locale: publishedLocale, publishedAt: { $notNull: true } } })) > 0;
    }
    if (!ok) failing.push(nameOf(row, guard.nameAttributes));
  }
  return failing;
}
