/**
 * Workflow decision engine: (definition, current state, actor, request) -> decision.
 * Pure: no Strapi, no I/O, no clock. The caller persists the result (conditional write,
 * audit entry, SLA timers); this module only says whether the step is allowed and why not.
 */
import type {
  Actor,
  ActorId,
  AllowedStep,
  Decision,
  DecideInput,
  DecisionErrorCode,
  SlaSpec,
  TransitionContext,
  TransitionDef,
  WorkflowDefinition,
} from './types';

export type { Decision } from './types';

const fromList = (t: TransitionDef): string[] => (Array.isArray(t.from) ? t.from : [t.from]);
const isBlank = (s: string | null | undefined): boolean => !s || s.trim() === '';
// Strapi hands ids around as numbers or strings depending on the layer; compare loosely.
const sameId = (a: ActorId | null | undefined, b: ActorId | null | undefined): boolean =>
  a != null && b != null && String(a) === String(b);

export function roleLabel(def: Pick<WorkflowDefinition, 'roleLabels'>, code: string): string {
  return def.roleLabels?.[code] ?? code;
}

/** "Koordinator", "Koordinator atau Kepala Dinas", "A, B atau C". */
export function rolesText(def: Pick<WorkflowDefinition, 'roleLabels'>, roles: string[]): string {
  const names = roles.map((r) => roleLabel(def, r));
  if (names.length === 0) return 'tidak ada peran';
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} atau ${names[names.length - 1]}`;
}

function stateLabel(def: WorkflowDefinition, state: string): string {
  return def.states[state]?.label ?? state;
}

/** All transitions leaving `state`, regardless of who may take them. */
export function transitionsFrom(def: WorkflowDefinition, state: string): TransitionDef[] {
  return def.transitions.filter((t) => fromList(t).includes(state));
}

function allowedSteps(def: WorkflowDefinition, state: string): AllowedStep[] {
  return transitionsFrom(def, state).map((t) => ({ to: t.to, label: t.label, roles: [...t.roles] }));
}

function stepsText(def: WorkflowDefinition, steps: AllowedStep[]): string {
  if (steps.length === 0) return 'tidak ada langkah lanjutan (status akhir).';
  return steps.map((s) => `"${s.label}" (${rolesText(def, s.roles)})`).join(', ') + '.';
}

/** "Langkah yang mungkin: "Setujui" (Koordinator), …" — what an editor can do next from `state`. */
export function nextStepsText(def: WorkflowDefinition, state: string): string {
  return `Langkah yang mungkin: ${stepsText(def, allowedSteps(def, state))}`;
}

// ---------------------------------------------------------------------------------------------
// Definition validation: run at bootstrap so a typo in a definition fails loudly, not at runtime.

function slaProblems(state: string, sla: SlaSpec): string[] {
  const out: string[] = [];
  const hasMin = sla.minutes !== undefined;
  const hasDays = sla.workingDays !== undefined;
  if (hasMin === hasDays) {
    out.push(`state "${state}": sla must have exactly one of minutes / workingDays`);
  }
  if (hasMin && !(Number.isFinite(sla.minutes) && (sla.minutes as number) > 0)) {
    out.push(`state "${state}": sla.minutes must be a positive number (got ${sla.minutes})`);
  }
  if (hasDays && !(Number.isInteger(sla.workingDays) && (sla.workingDays as number) > 0)) {
    out.push(`state "${state}": sla.workingDays must be a positive integer (got ${sla.workingDays})`);
  }
  if (sla.calendar !== 'business' && sla.calendar !== '24x7') {
    out.push(`state "${state}": sla.calendar must be "business" or "24x7" (got ${String(sla.calendar)})`);
  }
  return out;
}

export function validateDefinition(def: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const states = def.states ?? {};
  const known = (s: string): boolean => Object.prototype.hasOwnProperty.call(states, s);

  if (Object.keys(states).length === 0) problems.push('definition has no states');
  if (!known(def.initial)) problems.push(`initial state "${def.initial}" is not a state`);

  const seenPairs = new Set<string>();
  def.transitions.forEach((t, i) => {
    const name = `transition #${i} "${t.label}"`;
    const froms = fromList(t);
    if (froms.length === 0) problems.push(`${name}: has no "from" state`);
    for (const f of froms) if (!known(f)) problems.push(`${name}: unknown "from" state "${f}"`);
    if (!known(t.to)) problems.push(`${name}: unknown "to" state "${t.to}"`);
    if (!t.roles || t.roles.length === 0) problems.push(`${name}: no role may take it`);
    if (def.roleLabels) for (const r of t.roles ?? []) if (!(r in def.roleLabels)) problems.push(`${name}: unknown role "${r}"`);
    // decide() identifies a transition by (from, to); duplicates would make it ambiguous.
    for (const f of froms) {
      const key = `${f}\u0000${t.to}`;
      if (seenPairs.has(key)) problems.push(`${name}: duplicate transition "${f}" -> "${t.to}"`);
      seenPairs.add(key);
    }
  });

  for (const [name, s] of Object.entries(states)) {
    if (!s.final && transitionsFrom(def, name).length === 0) {
      problems.push(`state "${name}" is not final but has no transition out`);
    }
    if (s.sla) problems.push(...slaProblems(name, s.sla));
  }

  if (known(def.initial)) {
    const reached = new Set<string>([def.initial]);
    const queue = [def.initial];
    while (queue.length > 0) {
      const cur = queue.shift() as string;
      for (const t of transitionsFrom(def, cur)) {
        if (known(t.to) && !reached.has(t.to)) {
          reached.add(t.to);
          queue.push(t.to);
        }
      }
    }
    for (const name of Object.keys(states)) {
      if (!reached.has(name)) problems.push(`state "${name}" is unreachable from "${def.initial}"`);
    }
  }

  for (const [from, to] of Object.entries(def.onEditFrom ?? {})) {
    if (!known(from)) problems.push(`onEditFrom: unknown state "${from}"`);
    if (!known(to)) problems.push(`onEditFrom: unknown target state "${to}"`);
  }
  for (const state of def.publishableStates ?? []) {
    if (!known(state)) problems.push(`publishableStates: unknown state "${state}"`);
  }
  return problems;
}

export function assertValidDefinition(def: WorkflowDefinition): void {
  const problems = validateDefinition(def);
  if (problems.length > 0) {
    throw new Error(`Invalid workflow definition "${def.uid}":\n- ${problems.join('\n- ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Decisions

const holdsRole = (actor: Actor, t: TransitionDef): boolean => t.roles.some((r) => actor.roles.includes(r));
const blockedByAuthorship = (t: TransitionDef, actor: Actor, ctx: TransitionContext): boolean =>
  (t.separateFromAuthor === 'always' || (!!t.separateFromAuthor && ctx.separationOfDuties)) && sameId(actor.id, ctx.authorId);

/**
 * Transitions this actor may take now (for buttons in the admin panel). A transition that
 * merely needs a note is included; the note is checked by `decide`. Super admins are not
 * special here: they act through `force`.
 */
export function availableTransitions(
  def: WorkflowDefinition,
  state: string,
  actor: Actor,
  ctx: TransitionContext,
): TransitionDef[] {
  return transitionsFrom(def, state).filter((t) => holdsRole(actor, t) && !blockedByAuthorship(t, actor, ctx));
}

export function decide(def: WorkflowDefinition, input: DecideInput): Decision {
  const { state, to, actor } = input;
  const allowed = allowedSteps(def, state);
  const refuse = (code: DecisionErrorCode, message: string): Decision => ({ ok: false, code, message, allowed });

  for (const s of [state, to]) {
    if (!def.states[s]) return refuse('UNKNOWN_STATE', `Status "${s}" tidak dikenal pada alur "${def.name}".`);
  }
  const transition = transitionsFrom(def, state).find((t) => t.to === to) ?? null;
  const fromL = stateLabel(def, state);
  const toL = stateLabel(def, to);

  if (input.force) {
    if (!actor.isSuperAdmin) {
      return refuse('FORCE_NOT_ALLOWED', 'Pemaksaan perubahan status hanya dapat dilakukan oleh Super Admin.');
    }
    if (isBlank(input.note)) {
      return refuse('FORCE_REASON_REQUIRED', 'Pemaksaan perubahan status wajib disertai alasan pada catatan.');
    }
    if (to === state) {
      return refuse('ILLEGAL_TRANSITION', `Dokumen sudah berstatus "${fromL}"; pilih status lain.`);
    }
    // Some separations hold even for the super admin: nobody accepts their own report.
    if (transition?.separateFromAuthor === 'always' && sameId(actor.id, input.authorId)) {
      return refuse(
        'SEPARATION_OF_DUTIES',
        `Langkah "${transition.label}" tidak boleh dilakukan oleh pembuat dokumen sendiri, juga dengan pemaksaan.`,
      );
    }
    // The matching regular transition (if any) is kept so the audit trail can name the step.
    return { ok: true, from: state, to, transition, forced: true };
  }

  if (!transition) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `Transisi dari "${fromL}" ke "${toL}" tidak diizinkan. ${nextStepsText(def, state)}`,
    );
  }
  if (!holdsRole(actor, transition)) {
    const hint = actor.isSuperAdmin ? ' Super Admin dapat memaksa perubahan status dengan menyertakan alasan.' : '';
    return refuse(
      'FORBIDDEN_ROLE',
      `Langkah "${transition.label}" hanya dapat dilakukan oleh ${rolesText(def, transition.roles)}.${hint}`,
    );
  }
  if (blockedByAuthorship(transition, actor, input)) {
    return refuse(
      'SEPARATION_OF_DUTIES',
      `Langkah "${transition.label}" tidak boleh dilakukan oleh pembuat konsep sendiri (pemisahan tugas). ` +
        `Minta ${rolesText(def, transition.roles)} lain untuk melakukannya.`,
    );
  }
  if (transition.noteRequired && isBlank(input.note)) {
    return refuse('NOTE_REQUIRED', `Langkah "${transition.label}" wajib disertai catatan.`);
  }
  return { ok: true, from: state, to, transition, forced: false };
}
