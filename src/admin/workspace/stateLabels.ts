/**
 * The edit form's read-only state field (`statusAlur`, an enumeration) shows the state's label:
 * Strapi's enumeration input names each option by the message whose id is the raw value
 * (`formatMessage({ id: value, defaultMessage: value })`), so the labels are registered as messages
 * keyed by state name. A name several workflows use with different labels (e.g. `selesai`) gets
 * the name itself, capitalised ("Selesai"). Pure; unit-tested.
 */
import type { WorkflowDefinition } from '../../workflow/types';

export function humanizeState(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function stateLabelMessages(definitions: readonly WorkflowDefinition[]): Record<string, string> {
  const labels = new Map<string, Set<string>>();
  const visit = (def: WorkflowDefinition) => {
    for (const [name, state] of Object.entries(def.states)) {
      if (!labels.has(name)) labels.set(name, new Set());
      labels.get(name)!.add(state.label);
    }
  };
  for (const def of definitions) {
    visit(def);
    for (const items of def.items ?? []) visit(items.definition);
  }
  return Object.fromEntries([...labels].map(([name, set]) => [name, set.size === 1 ? [...set][0] : humanizeState(name)]));
}
