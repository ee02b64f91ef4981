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
    }
  }
  return null;
}
