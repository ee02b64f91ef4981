/**
 * Declarative workflow vocabulary. A content type plugs into the workflow mechanism by
 * exporting one `WorkflowDefinition`; everything else (engine, SLA clock) reads only these.
 */

export type CalendarKind = 'business' | '24x7';

/** Exactly one of `minutes` / `workingDays` (checked by `validateDefinition`). */
export interface SlaSpec {
  minutes?: number;
  workingDays?: number;
  calendar: CalendarKind;
}

export interface StateDef {
  label: string;
  sla?: SlaSpec;
  /** roles responsible while waiting here (notified on SLA) */
  responsible?: string[];
  final?: boolean;
}

export interface TransitionDef {
  from: string | string[];
  to: string;
  roles: string[];
  label: string;
  noteRequired?: boolean;
  /**
   * true = the person who created/drafted the item may NOT take this transition (separation of
   * duties, switchable with PPID_SEPARATION_OF_DUTIES); 'always' = never, whatever the setting and
   * also when a super admin forces the step (nobody accepts their own report).
   */
  separateFromAuthor?: boolean | 'always';
  /** conditions on the document itself, checked by the glue before the write (see guards.ts) */
  guards?: TransitionGuard[];
}

/** Generic, data-only preconditions, so a definition stays declarative. */
export type TransitionGuard =
  | { kind: 'hasRelated'; field: string; published?: boolean; message: string }
  | { kind: 'allComponentsIn'; field: string; attribute: string; values: string[]; message: string }
  /** when `when.field` is one of `when.values`, at least one of `anyOf` (a relation or a text) is filled */
  | { kind: 'anyFilledWhen'; when: { field: string; values: string[] }; anyOf: string[]; message: string }
  /** the document's own attribute is one of `values` (e.g. a report's kind decides who receives it) */
  | { kind: 'attributeIn'; attribute: string; values: string[]; message: string }
  /** the related document (a to-one relation) exists and its attribute is one of `values` */
  | { kind: 'relatedAttributeIn'; field: string; attribute: string; values: string[]; message: string }
  /** every attribute has a value (not null, not blank) */
  | { kind: 'filled'; attributes: string[]; message: string }
  /** the document's author (createdBy) holds one of the roles (a report written by the right person) */
  | { kind: 'authorRole'; roles: string[]; message: string }
  /**
   * Every related document (except those whose `skip.attribute` is one of `skip.values`) must meet
   * `require`: carry a file of the given MIME type in a media attribute, or have a published
   * version in a locale. The message is followed by the names of the documents that do not.
   */
  | {
      kind: 'eachRelated';
      field: string;
      skip?: { attribute: string; values: string[] };
      require: { media: string; mime: string } | { publishedLocale: string };
      /** attributes that name a related document in the message, e.g. ['judul', 'nomor'] */
      nameAttributes: string[];
      message: string;
    };

export interface WorkflowDefinition {
  uid: string;
  /** singular name, e.g. 'nota-permintaan' */
  name: string;
  /** name of the state attribute, e.g. 'statusAlur' */
  field: string;
  initial: string;
  states: Record<string, StateDef>;
  transitions: TransitionDef[];
  /** state that editing content returns to when in an approved state (e.g. dip-document) */
  onEditFrom?: Record<string, string>;
  /** Draft & Publish types: publishing is refused unless the locale's state is one of these */
  publishableStates?: string[];
  /**
   * Attributes that are not part of what an approval covers (internal links the public never
   * sees, e.g. the memo that requested a DIP entry): changing them does not need re-approval.
   */
  notApprovalContent?: string[];
  /** localized types keep one workflow state per locale */
  perLocale?: boolean;
  /**
   * Names of the roles the transitions use, by code. Attached by the registry from the roles module
   * the composition root passes in: the mechanism knows no role of its own.
   */
  roleLabels?: Readonly<Record<string, string>>;
  /** repeatable components whose items each follow their own small workflow */
  items?: ItemWorkflow[];
}

/**
 * Items of a repeatable component (e.g. the follow-up items of minutes): each item's
 * `definition.field` attribute is its state, changed only by the definition's transitions;
 * `stamps` set a date attribute when an item enters a state; an item's SLA is its own due date,
 * and its assignee (an email attribute) is notified.
 */
export interface ItemWorkflow {
  field: string;
  definition: WorkflowDefinition;
  stamps?: Record<string, string>;
  dueDateAttribute: string;
  assigneeAttribute: string;
  /** the attribute that names an item in messages and timer labels */
  summaryAttribute: string;
  /** what an item is called, e.g. "Tindak lanjut" */
  itemLabel: string;
}

export type ActorId = number | string;

export interface Actor {
  id: ActorId;
  /** role codes like 'koordinator' */
  roles: string[];
  isSuperAdmin: boolean;
}

export type DecisionErrorCode =
  | 'UNKNOWN_STATE'
  | 'ILLEGAL_TRANSITION'
  | 'FORBIDDEN_ROLE'
  | 'NOTE_REQUIRED'
  | 'SEPARATION_OF_DUTIES'
  | 'FORCE_NOT_ALLOWED'
  | 'FORCE_REASON_REQUIRED';

export interface AllowedStep {
  to: string;
  label: string;
  roles: string[];
}

export type Decision =
  | { ok: true; from: string; to: string; transition: TransitionDef | null; forced: boolean }
  | {
      ok: false;
      code: DecisionErrorCode;
      /** Indonesian, for the editor: names the allowed next steps and the roles that own them */
      message: string;
      allowed: AllowedStep[];
    };

export interface DecideInput {
  state: string;
  to: string;
  actor: Actor;
  note?: string | null;
  authorId?: ActorId | null;
  separationOfDuties: boolean;
  force?: boolean;
}

export interface TransitionContext {
  authorId?: ActorId | null;
  separationOfDuties: boolean;
}
