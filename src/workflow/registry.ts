import type { PpidConfig } from '../config/ppid-config';
import { assertValidDefinition } from './engine';
import type { WorkflowDefinition } from './types';

export interface WorkflowRegistry {
  byUid: Map<string, WorkflowDefinition>;
  byName: Map<string, WorkflowDefinition>;
}

/**
 * Attaches the SLA durations from config/ppid.ts to each definition's states and the role names
 * to it (and to its item workflows), and validates the
 * result, including that the content type's state enumeration lists exactly the definition's
 * states (`attributeEnum` reads the schema). Any mismatch stops start-up with a clear message.
 */
export function buildRegistry(
  definitions: WorkflowDefinition[],
  config: PpidConfig,
  attributeEnum: (uid: string, field: string) => string[] | null,
  roleLabels: Readonly<Record<string, string>>,
): WorkflowRegistry {
  const problems: string[] = [];
  const byUid = new Map<string, WorkflowDefinition>();
  const byName = new Map<string, WorkflowDefinition>();

  for (const base of definitions) {
    const durations = config.sla.durations[base.name] ?? {};
    const states = Object.fromEntries(
      Object.entries(base.states).map(([name, state]) => [name, durations[name] ? { ...state, sla: durations[name] } : state]),
    );
    for (const state of Object.keys(durations)) {
      if (!states[state]) problems.push(`config ppid.sla.durations.${base.name}.${state}: no such state in the workflow`);
    }
    const def: WorkflowDefinition = {
      ...base,
      states,
      roleLabels,
      items: base.items?.map((items) => ({ ...items, definition: { ...items.definition, roleLabels } })),
    };
    try {
      assertValidDefinition(def);
    } catch (error) {
      problems.push((error as Error).message);
    }
    for (const items of def.items ?? []) {
      try {
        assertValidDefinition(items.definition);
      } catch (error) {
        problems.push(`${def.uid}.${items.field}: ${(error as Error).message}`);
      }
      const itemEnum = attributeEnum(items.definition.uid, items.definition.field);
      const itemStates = Object.keys(items.definition.states);
      if (!itemEnum || itemStates.some((s) => !itemEnum.includes(s)) || itemEnum.some((s) => !itemStates.includes(s))) {
        problems.push(`${items.definition.uid}.${items.definition.field}: enumeration and item workflow differ`);
      }
    }
    const enumValues = attributeEnum(def.uid, def.field);
    if (!enumValues) {
      problems.push(`${def.uid}: attribute "${def.field}" must be an enumeration of the workflow states`);
    } else {
      const missing = Object.keys(states).filter((s) => !enumValues.includes(s));
      const extra = enumValues.filter((s) => !(s in states));
      if (missing.length || extra.length) {
        problems.push(`${def.uid}.${def.field}: enumeration and workflow differ (missing: ${missing.join(', ') || '-'}; extra: ${extra.join(', ') || '-'})`);
      }
    }
    if (byName.has(def.name)) problems.push(`two workflows are named "${def.name}"`);
    byUid.set(def.uid, def);
    byName.set(def.name, def);
  }
  if (problems.length > 0) throw new Error(`Workflow definitions are invalid:\n - ${problems.join('\n - ')}`);
  return { byUid, byName };
}
