/**
 * The editors' workspace, pure: which waiting work belongs to whom, how urgent it is, and how the
 * recurring obligations stand. No Strapi: the glue (src/workspace/index.ts) reads rows and timers
 * and hands them in; `now` is always passed. Unit-tested in tests/unit/workspace-rules.test.ts.
 */
import { timerStatus, type TimerStatus } from '../workflow/sla';

/** A waiting state's urgency; `none` = the state has no SLA (no timer runs). */
export type SlaStatus = TimerStatus | 'none';

export interface WorkUser {
  email: string;
  roles: string[];
}

/** An open SLA timer as stored (only the fields the workspace reads). */
export interface OpenTimer {
  jenisKonten: string;
  dokumenId: string;
  locale: string | null;
  keadaan: string;
  label: string | null;
  penanggungJawab: unknown;
  mulai: Date | string;
  berisikoPada: Date | string;
  jatuhTempo: Date | string;
}

/** A document waiting in a state (the state row of a workflow type). */
export interface WaitingDocument {
  uid: string;
  type: string;
  procedure: string;
  documentId: string;
  locale: string | null;
  state: string;
  stateLabel: string;
  title: string;
  /** role codes the state waits for */
  responsible: string[];
}

export interface WorkItem {
  kind: 'document' | 'item';
  uid: string;
  type: string;
  procedure: string;
  documentId: string;
  locale: string | null;
  state: string;
  stateLabel: string;
  title: string;
  dueAt: string | null;
  atRiskAt: string | null;
  status: SlaStatus;
  /** admin-panel path of the document to open */
  link: string;
}

export interface ProcedureCount {
  type: string;
  procedure: string;
  total: number;
  breached: number;
  atRisk: number;
}

export const SLA_STATUS_ORDER: Record<SlaStatus, number> = { breached: 0, at_risk: 1, on_track: 2, none: 3 };

export function slaStatusAt(now: Date, timer: Pick<OpenTimer, 'berisikoPada' | 'jatuhTempo'> | null | undefined): SlaStatus {
  if (!timer) return 'none';
  return timerStatus(now, new Date(timer.berisikoPada), new Date(timer.jatuhTempo));
}

export function responsibleOf(timer: Pick<OpenTimer, 'penanggungJawab'>): string[] {
  return Array.isArray(timer.penanggungJawab) ? timer.penanggungJawab.filter((r): r is string => typeof r === 'string') : [];
}

/** True when the timer waits for one of the user's roles or is addressed to the user (`email:`). */
export function timerConcerns(timer: Pick<OpenTimer, 'penanggungJawab'>, user: WorkUser): boolean {
  const email = user.email.trim().toLowerCase();
  return responsibleOf(timer).some((r) => (r.startsWith('email:') ? r.slice(6).trim().toLowerCase() === email : user.roles.includes(r)));
}

/** Admin-panel path of a document (the Content Manager edit view, in its locale). */
export function documentLink(uid: string, documentId: string, locale: string | null): string {
  const path = `/content-manager/collection-types/${uid}/${encodeURIComponent(documentId)}`;
  return locale ? `${path}?plugins[i18n][locale]=${encodeURIComponent(locale)}` : path;
}

const timerKey = (uid: string, documentId: string, locale: string | null) => `${uid}|${documentId}|${locale ?? ''}`;

/**
 * The user's work: every waiting document whose state waits for one of the user's roles, and
 * every open follow-up item (timer kind `<uid>#<field>`, document `<documentId>:<itemId>`)
 * addressed to the user. Each gets its running timer's due time and SLA status; sorted with the
 * soonest due first (items without an SLA last, then by title).
 */
export function collectWork(
  documents: WaitingDocument[],
  timers: OpenTimer[],
  user: WorkUser,
  now: Date,
  itemTypes: ReadonlyMap<string, { uid: string; type: string; procedure: string; itemLabel: string }>,
): WorkItem[] {
  const byDocument = new Map<string, OpenTimer>();
  for (const timer of timers) {
    const key = timerKey(timer.jenisKonten, timer.dokumenId, timer.locale);
    const seen = byDocument.get(key);
    // One open timer per document is the rule; should two exist, the sooner one counts.
    if (!seen || new Date(timer.jatuhTempo).getTime() < new Date(seen.jatuhTempo).getTime()) byDocument.set(key, timer);
  }
  const work: WorkItem[] = [];
  for (const doc of documents) {
    if (!doc.responsible.some((r) => user.roles.includes(r))) continue;
    const timer = byDocument.get(timerKey(doc.uid, doc.documentId, doc.locale)) ?? null;
    const running = timer && timer.keadaan === doc.state ? timer : null;
    work.push({
      kind: 'document',
      uid: doc.uid,
      type: doc.type,
      procedure: doc.procedure,
      documentId: doc.documentId,
      locale: doc.locale,
      state: doc.state,
      stateLabel: doc.stateLabel,
      title: doc.title,
      dueAt: running ? new Date(running.jatuhTempo).toISOString() : null,
      atRiskAt: running ? new Date(running.berisikoPada).toISOString() : null,
      status: slaStatusAt(now, running),
      link: documentLink(doc.uid, doc.documentId, doc.locale),
    });
  }
  for (const timer of timers) {
    const items = itemTypes.get(timer.jenisKonten);
    if (!items || !timerConcerns(timer, { email: user.email, roles: [] })) continue;
    const documentId = timer.dokumenId.split(':')[0];
    const state = timer.keadaan.includes(':') ? timer.keadaan.slice(timer.keadaan.indexOf(':') + 1) : timer.keadaan;
    work.push({
      kind: 'item',
      uid: items.uid,
      type: items.type,
      procedure: items.procedure,
      documentId,
      locale: null,
      state,
      stateLabel: items.itemLabel,
      title: timer.label ?? items.itemLabel,
      dueAt: new Date(timer.jatuhTempo).toISOString(),
      atRiskAt: new Date(timer.berisikoPada).toISOString(),
      status: slaStatusAt(now, timer),
      link: documentLink(items.uid, documentId, null),
    });
  }
  return sortWork(work);
}

export function sortWork(work: WorkItem[]): WorkItem[] {
  return [...work].sort((a, b) => {
    if (a.dueAt && b.dueAt && a.dueAt !== b.dueAt) return a.dueAt < b.dueAt ? -1 : 1;
    if (a.dueAt && !b.dueAt) return -1;
    if (!a.dueAt && b.dueAt) return 1;
    return a.title.localeCompare(b.title, 'id') || a.documentId.localeCompare(b.documentId);
  });
}

/** Overdue and at-risk counts per procedure, in the order the procedures first appear. */
export function countByProcedure(work: WorkItem[]): ProcedureCount[] {
  const counts = new Map<string, ProcedureCount>();
  for (const item of work) {
    const entry = counts.get(item.type) ?? { type: item.type, procedure: item.procedure, total: 0, breached: 0, atRisk: 0 };
    entry.total += 1;
    if (item.status === 'breached') entry.breached += 1;
    if (item.status === 'at_risk') entry.atRisk += 1;
    counts.set(item.type, entry);
  }
  return [...counts.values()];
}

export function paginate<T>(list: T[], page: number, pageSize: number): { data: T[]; pagination: { page: number; pageSize: number; total: number; pageCount: number } } {
  const total = list.length;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { data: list.slice((page - 1) * pageSize, page * pageSize), pagination: { page, pageSize, total, pageCount } };
}

/** `?page=&pageSize=` read strictly: whole numbers, pageSize at most 100; null = invalid. */
export function readPaging(query: Record<string, unknown>): { page: number; pageSize: number } | null {
  const num = (value: unknown, fallback: number) => (value === undefined || value === '' ? fallback : typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN);
  const page = num(query.page, 1);
  const pageSize = num(query.pageSize, 10);
  if (!(page >= 1) || !(pageSize >= 1 && pageSize <= 100)) return null;
  return { page, pageSize };
}

/* ------------------------------------------------------------------------------------------------
 * Compliance (Kepatuhan SOP)
 * --------------------------------------------------------------------------------------------- */

export interface ObligationTimerRow {
  dokumenId: string;
  mulai: Date | string;
  berisikoPada: Date | string;
  jatuhTempo: Date | string;
  ditutupPada: Date | string | null;
}

export interface ObligationStatus {
  name: string;
  label: string;
  /** last time the obligation was fulfilled (a closed period); null = not yet since it started */
  lastFulfilledAt: string | null;
  nextDueAt: string | null;
  status: SlaStatus;
  /** for aggregated obligations (berkala entries): how many are running, at risk, overdue */
  count?: { total: number; atRisk: number; breached: number };
}

/**
 * One obligation from its timers (kind `kewajiban`, document = the obligation's name): the open
 * period gives the next due time and status, the latest closed one the last fulfilment.
 */
export function obligationStatus(name: string, label: string, rows: ObligationTimerRow[], now: Date): ObligationStatus {
  const mine = rows.filter((r) => r.dokumenId === name);
  const open = mine.filter((r) => !r.ditutupPada).sort((a, b) => new Date(a.jatuhTempo).getTime() - new Date(b.jatuhTempo).getTime())[0] ?? null;
  const closed = mine.filter((r) => r.ditutupPada).map((r) => new Date(r.ditutupPada as string).getTime());
  return {
    name,
    label,
    lastFulfilledAt: closed.length ? new Date(Math.max(...closed)).toISOString() : null,
    nextDueAt: open ? new Date(open.jatuhTempo).toISOString() : null,
    status: slaStatusAt(now, open),
  };
}

/** Every berkala entry's refresh clock (`<prefix>:<documentId>`) as one line: the worst and soonest. */
export function aggregateObligation(prefix: string, label: string, rows: ObligationTimerRow[], now: Date): ObligationStatus {
  const mine = rows.filter((r) => r.dokumenId.startsWith(`${prefix}:`));
  const open = mine.filter((r) => !r.ditutupPada);
  const statuses = open.map((r) => slaStatusAt(now, r));
  const closed = mine.filter((r) => r.ditutupPada).map((r) => new Date(r.ditutupPada as string).getTime());
  const soonest = open.map((r) => new Date(r.jatuhTempo).getTime()).sort((a, b) => a - b)[0];
  const worst = statuses.sort((a, b) => SLA_STATUS_ORDER[a] - SLA_STATUS_ORDER[b])[0] ?? 'none';
  return {
    name: prefix,
    label,
    lastFulfilledAt: closed.length ? new Date(Math.max(...closed)).toISOString() : null,
    nextDueAt: soonest !== undefined ? new Date(soonest).toISOString() : null,
    status: worst,
    count: { total: open.length, atRisk: statuses.filter((s) => s === 'at_risk').length, breached: statuses.filter((s) => s === 'breached').length },
  };
}

/** Start of the current calendar month on the local (WIB) calendar, as an instant. */
export function startOfLocalMonth(now: Date, utcOffsetMinutes: number): Date {
  const shift = utcOffsetMinutes * 60_000;
  const local = new Date(now.getTime() + shift);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - shift);
}

export interface BreachCount {
  type: string;
  procedure: string;
  state: string;
  stateLabel: string;
  /** steps left late this month */
  closedLate: number;
  /** steps still waiting whose deadline passed this month */
  openOverdue: number;
}

/**
 * SLA breaches of this month per procedure step: steps that were left after their deadline (audit
 * events with `slaTerpenuhi = false`, from the start of the month) and steps still waiting whose
 * deadline passed this month. `describe` names a timer kind's procedure and state (null = not a
 * workflow step, e.g. an obligation).
 */
export function breachesThisMonth(
  lateEvents: { jenisKonten: string; dari: string | null; waktu: Date | string }[],
  openTimers: Pick<OpenTimer, 'jenisKonten' | 'keadaan' | 'jatuhTempo'>[],
  monthStart: Date,
  now: Date,
  describe: (kind: string, state: string) => { type: string; procedure: string; stateLabel: string } | null,
): BreachCount[] {
  const counts = new Map<string, BreachCount>();
  const bump = (kind: string, state: string, field: 'closedLate' | 'openOverdue') => {
    const described = describe(kind, state);
    if (!described) return;
    const key = `${described.type}|${state}`;
    const entry = counts.get(key) ?? { ...described, state, closedLate: 0, openOverdue: 0 };
    entry[field] += 1;
    counts.set(key, entry);
  };
  for (const event of lateEvents) {
    if (event.dari && new Date(event.waktu).getTime() >= monthStart.getTime()) bump(event.jenisKonten, event.dari, 'closedLate');
  }
  for (const timer of openTimers) {
    const due = new Date(timer.jatuhTempo).getTime();
    if (due < now.getTime() && due >= monthStart.getTime()) bump(timer.jenisKonten, timer.keadaan, 'openOverdue');
  }
  return [...counts.values()].sort((a, b) => b.closedLate + b.openOverdue - (a.closedLate + a.openOverdue) || a.procedure.localeCompare(b.procedure));
}

/** Roles that see the compliance overview (besides the super admin). */
export const COMPLIANCE_ROLES = ['kepala-dinas', 'koordinator'];

export function mayReadCompliance(roles: string[], isSuperAdmin: boolean): boolean {
  return isSuperAdmin || roles.some((r) => COMPLIANCE_ROLES.includes(r));
}
