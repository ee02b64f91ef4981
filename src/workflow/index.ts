import { ensureIndex } from '../db/indexes';
import type { Core } from '@strapi/strapi';
import type { PpidConfig } from '../config/ppid-config';
import { createCalendarSource } from './calendar-source';
import { workflowMiddleware } from './middleware';
import { buildRegistry, type WorkflowRegistry } from './registry';
import type { WorkflowDefinition } from './types';
import { workflowRoutes } from './routes';
import { createWorkflowService, type WorkflowService } from './service';
import type { CalendarSource } from './calendar-source';
import { TIMER_UID } from './timers';
import { AUDIT_UID } from '../audit/trail';
import { hasSlaFields, SLA_DUE_FIELD } from './sla-fields';

export interface WorkflowRuntime {
  registry: WorkflowRegistry;
  service: WorkflowService;
  calendars: CalendarSource;
}

/** Kept on the Strapi instance under a global symbol, so every copy of this module finds it. */
const RUNTIME = Symbol.for('ppid.workflowRuntime');

export function workflowRuntime(strapi: Core.Strapi): WorkflowRuntime {
  const runtime = (strapi as any)[RUNTIME] as WorkflowRuntime | undefined;
  if (!runtime) throw new Error('workflows are not registered');
  return runtime;
}

/** register(): build and validate the definitions, install enforcement and the admin API. */
export function registerWorkflows(
  strapi: Core.Strapi,
  definitions: WorkflowDefinition[],
  roleLabels: Readonly<Record<string, string>>,
): WorkflowRuntime {
  const attributeEnum = (uid: string, field: string) => {
    const schema = uid.includes('::') ? strapi.contentType(uid as any) : strapi.components[uid as keyof typeof strapi.components];
    const attribute = (schema as any)?.attributes?.[field];
    return attribute?.type === 'enumeration' ? attribute.enum : null;
  };
  const registry = buildRegistry(definitions, strapi.config.get('ppid') as PpidConfig, attributeEnum, roleLabels);
  const calendars = createCalendarSource(strapi);
  const service = createWorkflowService(strapi, registry, calendars);
  strapi.documents.use(calendars.middleware());
  strapi.documents.use(workflowMiddleware(strapi, registry, service, calendars));
  // Strapi's public server API for routes of the admin type (admin JWT, admin policies).
  strapi.server.routes(workflowRoutes(service, registry, strapi) as any);
  const runtime = { registry, service, calendars };
  (strapi as any)[RUNTIME] = runtime;
  return runtime;
}

/**
 * bootstrap(): the sweeper reads timers through an index on their next check instant, so its
 * cost follows the number of due timers rather than all open ones. Created here (idempotent)
 * because the table exists only after Strapi's schema sync.
 */
export async function bootstrapWorkflows(strapi: Core.Strapi): Promise<void> {
  await ensureIndex(strapi, TIMER_UID, { name: 'due_idx', attributes: ['cekBerikutnya'] });
  await ensureIndex(strapi, TIMER_UID, { name: 'doc_idx', attributes: ['jenisKonten', 'dokumenId', 'locale'] });
  // Rows from before the SLA fields existed get their running timer's instants once.
  const runtime = (strapi as any)[RUNTIME] as WorkflowRuntime | undefined;
  for (const def of runtime ? [...runtime.registry.byUid.values()] : []) {
    if (!hasSlaFields(strapi, def.uid)) continue;
    const timers = await strapi.db.query(TIMER_UID).findMany({ where: { jenisKonten: def.uid, ditutupPada: null }, select: ['dokumenId', 'locale'] });
    for (const timer of timers) {
      const where: Record<string, unknown> = { documentId: timer.dokumenId, [SLA_DUE_FIELD]: null };
      if (def.perLocale) where.locale = timer.locale ?? 'id';
      if (await strapi.db.query(def.uid as any).count({ where })) await runtime!.service.syncSlaFields(def, timer.dokumenId, def.perLocale ? timer.locale ?? 'id' : null);
    }
  }
  // A document's history and its latest approval (checked on every publish) are read by document.
  await ensureIndex(strapi, AUDIT_UID, { name: 'doc_idx', attributes: ['jenisKonten', 'dokumenId', 'locale', 'seq'] });
}
