/**
 * Pure helpers of the "Alur kerja" side panel: the answer shape of the admin workflow API,
 * which content types have a workflow, WIB date formatting and badge mapping.
 * No React, no Strapi: unit-tested in tests/unit/admin-workflow-format.test.ts.
 */

export type TimerStatus = 'on_track' | 'at_risk' | 'breached' | 'paused';
export type BadgeVariant = 'success' | 'warning' | 'danger' | 'primary' | 'neutral';
export type PanelLanguage = 'id' | 'en';

export interface WorkflowTransition {
  to: string;
  label: string;
  noteRequired: boolean;
}

export interface WorkflowTimer {
  state: string;
  startedAt: string;
  atRiskAt: string;
  dueAt: string;
  status: TimerStatus;
  /** set while the step's clock stands still, waiting on someone else */
  pausedSince?: string | null;
  /** business minutes the step's clock stood still so far (not counted against it) */
  pausedMinutes?: number;
}

/** A memo's target unit and its receipt (extra.penerimaan). */
export interface UnitReceipt {
  unit: string;
  kepalaBidang: string[];
  diterimaOleh: string | null;
  diterimaPada: string | null;
}

/**
 * The target units whose receipt of a memo the signed-in user can still confirm: units not yet
 * confirmed that the user heads (the server decides again and refuses anyone else).
 */
export function receiptsToConfirm(status: Pick<WorkflowStatus, 'extra'> | null, email: string | null | undefined): UnitReceipt[] {
  if (!status?.extra?.penerimaan || !email) return [];
  const me = email.toLowerCase();
  return status.extra.penerimaan.filter((r) => !r.diterimaPada && r.kepalaBidang.some((k) => k.toLowerCase() === me));
}

/** The admin route with which a target unit's Kabid confirms a memo's receipt (src/units). */
export const receiptUrl = (type: string, documentId: string) => `/ppid/${type}/${encodeURIComponent(documentId)}/penerimaan`;

/** A linked DIP entry waiting for the Koordinator, on its own clock (extra.menungguPersetujuan). */
export interface ApprovalWait {
  entri: string;
  documentId: string;
  locale: string | null;
  sejak: string;
  jatuhTempo: string;
}

export interface WorkflowHistoryEntry {
  seq?: number;
  event: string;
  from: string | null;
  to: string | null;
  fromLabel?: string | null;
  toLabel?: string | null;
  actor: string | null;
  at: string;
  note: string | null;
  forced: boolean;
  slaDueAt: string | null;
  slaMet: boolean | null;
  businessMinutes: number | null;
}

/** `data` of GET /ppid/workflow/:type/:documentId (and of a successful transition). */
export interface WorkflowStatus {
  type?: string;
  documentId?: string;
  locale?: string | null;
  state: string;
  stateLabel: string;
  final?: boolean;
  transitions: WorkflowTransition[];
  timer: WorkflowTimer | null;
  history: WorkflowHistoryEntry[];
  /** type-specific facts (a memo's receipts, its entries waiting for approval) */
  extra?: { penerimaan?: UnitReceipt[]; menungguPersetujuan?: ApprovalWait[] };
}

/** A content type with a workflow, as GET /ppid/workflow-types describes it (the server's definitions). */
export interface WorkflowTypeInfo {
  uid: string;
  /** the API's `:type` */
  name: string;
  perLocale: boolean;
  field: string;
  states: { name: string; label: string; final: boolean }[];
}

export function workflowTypeOf(types: readonly WorkflowTypeInfo[], model: string | undefined | null): WorkflowTypeInfo | null {
  return (model && types.find((t) => t.uid === model)) || null;
}

/** URL of the workflow status (or, with `/transitions`, of a transition) of one document. */
export function workflowUrl(type: Pick<WorkflowTypeInfo, 'name' | 'perLocale'>, documentId: string, locale?: string | null, suffix: '' | '/transitions' = ''): string {
  const path = `/ppid/workflow/${encodeURIComponent(type.name)}/${encodeURIComponent(documentId)}${suffix}`;
  return type.perLocale && locale ? `${path}?locale=${encodeURIComponent(locale)}` : path;
}

/* ------------------------------------------------------------------------------------------------
 * Dates in WIB (Asia/Jakarta is UTC+7 all year, no daylight saving: a fixed offset is exact).
 * --------------------------------------------------------------------------------------------- */

const WIB_OFFSET_MS = 7 * 3600_000;
const DAYS: Record<PanelLanguage, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<PanelLanguage, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const MONTHS_SHORT: Record<PanelLanguage, string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** 'id' for Indonesian (and any unknown admin language), 'en' for English variants. */
export function panelLanguage(locale: string | null | undefined): PanelLanguage {
  return locale && /^en\b/i.test(locale) ? 'en' : 'id';
}

function wibParts(value: string | Date) {
  const time = (value instanceof Date ? value : new Date(value)).getTime();
  if (!Number.isFinite(time)) return null;
  const d = new Date(time + WIB_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    weekday: d.getUTCDay(),
    day: d.getUTCDate(),
    month: d.getUTCMonth(),
    year: d.getUTCFullYear(),
    hh: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
  };
}

/** "Senin, 23 November 2026 10.30 WIB" (en: "Monday, 23 November 2026 10:30 WIB"); '' for an invalid date. */
export function formatWib(value: string | Date, language: PanelLanguage = 'id'): string {
  const p = wibParts(value);
  if (!p) return '';
  const time = language === 'id' ? `${p.hh}.${p.mm}` : `${p.hh}:${p.mm}`;
  return `${DAYS[language][p.weekday]}, ${p.day} ${MONTHS[language][p.month]} ${p.year} ${time} WIB`;
}

/** "23 Nov 2026 10.30 WIB": the compact form used in the history list. */
export function formatWibShort(value: string | Date, language: PanelLanguage = 'id'): string {
  const p = wibParts(value);
  if (!p) return '';
  const time = language === 'id' ? `${p.hh}.${p.mm}` : `${p.hh}:${p.mm}`;
  return `${p.day} ${MONTHS_SHORT[language][p.month]} ${p.year} ${time} WIB`;
}

/* ------------------------------------------------------------------------------------------------
 * Badges
 * --------------------------------------------------------------------------------------------- */

/** Message key and colour of the SLA timer status. */
export function timerBadge(status: TimerStatus | string): {
  variant: BadgeVariant;
  messageKey: 'timer.onTrack' | 'timer.atRisk' | 'timer.breached' | 'timer.paused' | 'timer.unknown';
} {
  switch (status) {
    case 'paused':
      return { variant: 'neutral', messageKey: 'timer.paused' };
    case 'on_track':
      return { variant: 'success', messageKey: 'timer.onTrack' };
    case 'at_risk':
      return { variant: 'warning', messageKey: 'timer.atRisk' };
    case 'breached':
      return { variant: 'danger', messageKey: 'timer.breached' };
    default:
      return { variant: 'neutral', messageKey: 'timer.unknown' };
  }
}

/** Final states ("Selesai", "Disetujui"…) in the success colour, waiting states in primary. */
export function stateBadgeVariant(status: Pick<WorkflowStatus, 'final'>): BadgeVariant {
  return status.final ? 'success' : 'primary';
}

/** The SLA outcome of a history entry, or null when that step had no SLA. */
export function slaBadge(slaMet: boolean | null | undefined): { variant: BadgeVariant; messageKey: 'history.slaMet' | 'history.slaBreached' } | null {
  if (slaMet === true) return { variant: 'success', messageKey: 'history.slaMet' };
  if (slaMet === false) return { variant: 'danger', messageKey: 'history.slaBreached' };
  return null;
}

/** History newest first; at most `limit` entries unless `showAll`. */
export function visibleHistory<T extends Pick<WorkflowHistoryEntry, 'at'> & { seq?: number }>(history: readonly T[], showAll: boolean, limit = 10): T[] {
  const newestFirst = history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => {
      if (a.entry.seq !== undefined && b.entry.seq !== undefined && a.entry.seq !== b.entry.seq) return b.entry.seq - a.entry.seq;
      const byTime = new Date(b.entry.at).getTime() - new Date(a.entry.at).getTime();
      return byTime !== 0 ? byTime : b.index - a.index;
    })
    .map(({ entry }) => entry);
  return showAll ? newestFirst : newestFirst.slice(0, limit);
}

export function isBlank(text: string | null | undefined): boolean {
  return !text || text.trim() === '';
}

/** A confirm is possible when the note is present where the step requires one. */
export function canConfirm(transition: Pick<WorkflowTransition, 'noteRequired'>, note: string, busy = false): boolean {
  return !busy && (!transition.noteRequired || !isBlank(note));
}

/** The body of POST …/transitions: the step, the note (null when blank) and the state the user was looking at. */
export function transitionBody(to: string, note: string, from: string): { to: string; note: string | null; from: string } {
  return { to, note: isBlank(note) ? null : note, from };
}

/* ------------------------------------------------------------------------------------------------
 * Errors of the admin fetch client (duck-typed: { status, response: { data: { error } } })
 * --------------------------------------------------------------------------------------------- */

export interface PanelError {
  status: number | null;
  /** The server's (Indonesian) message, when it sent one. */
  message: string | null;
  /** The request was cancelled (the panel unmounted): not an error to show. */
  aborted: boolean;
}

export function describeError(error: unknown): PanelError {
  const e = (error ?? {}) as {
    name?: unknown;
    status?: unknown;
    response?: { status?: unknown; data?: { error?: { status?: unknown; message?: unknown } } };
  };
  const apiError = e.response?.data?.error;
  const statusCandidates = [apiError?.status, e.status, e.response?.status];
  const status = (statusCandidates.find((s) => typeof s === 'number') as number | undefined) ?? null;
  const message = typeof apiError?.message === 'string' && apiError.message.trim() !== '' ? apiError.message : null;
  return { status, message, aborted: e.name === 'AbortError' };
}

/** Message key for a failure to load the panel. */
export function loadErrorKey(status: number | null): 'error.forbidden' | 'error.notFound' | 'error.generic' {
  if (status === 401 || status === 403) return 'error.forbidden';
  if (status === 404) return 'error.notFound';
  return 'error.generic';
}

/**
 * The CM's own document query passes `plugins[i18n][locale]=id` as `locale=id` (buildValidParams
 * in the content manager); using the same params lets the panel refetch that very query.
 */
export function documentQueryParams(query: Record<string, unknown> | undefined | null): Record<string, unknown> | undefined {
  if (!query) return undefined;
  const { plugins, ...rest } = query;
  const merged: Record<string, unknown> = { ...rest };
  if (plugins && typeof plugins === 'object') {
    for (const options of Object.values(plugins as Record<string, unknown>)) {
      if (options && typeof options === 'object') Object.assign(merged, options);
    }
  }
  return merged;
}

/** The content locale the edit view shows: the document's own, else the URL's, else 'id'. */
export function currentLocale(documentLocale: unknown, query: Record<string, unknown> | undefined | null): string {
  if (typeof documentLocale === 'string' && documentLocale) return documentLocale;
  const plugins = query?.plugins as { i18n?: { locale?: unknown } } | undefined;
  const fromQuery = plugins?.i18n?.locale;
  return typeof fromQuery === 'string' && fromQuery ? fromQuery : 'id';
}
