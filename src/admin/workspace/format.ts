/**
 * Pure helpers of the editors' workspace (homepage widgets, list columns, notification centre):
 * the answer shapes of GET /ppid/my-work, /ppid/compliance, /ppid/sla/:type, /ppid/my-notices and
 * the badge each SLA status gets. No React: unit-tested in tests/unit/admin-workspace-format.test.ts.
 */
import type { BadgeVariant } from '../workflow/format';
// The answer shapes are the server's own (type-only: nothing of the server enters the bundle).
import type { BreachCount, ObligationStatus, ProcedureCount, SlaStatus, WorkItem } from '../../workspace/rules';

export type { BreachCount, ObligationStatus, ProcedureCount, SlaStatus, WorkItem };

export interface MyWorkAnswer {
  data: WorkItem[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number }; procedures: ProcedureCount[] };
}

export interface ComplianceAnswer {
  data: { obligations: ObligationStatus[]; breaches: BreachCount[]; monthStart: string };
}

export interface SlaRow {
  documentId: string;
  locale: string | null;
  state: string;
  dueAt: string;
  atRiskAt: string;
  status: Exclude<SlaStatus, 'none'>;
}

export interface Notice {
  id: number;
  kind: string;
  kindLabel: string;
  subject: string;
  text: string;
  createdAt: string;
  readAt: string | null;
  link: string | null;
}

/** Text and colour of an SLA status: the colour never carries the meaning alone. */
export function slaBadge(status: SlaStatus | string): { variant: BadgeVariant; text: string } {
  switch (status) {
    case 'breached':
      return { variant: 'danger', text: 'Terlambat' };
    case 'at_risk':
      return { variant: 'warning', text: 'Hampir jatuh tempo' };
    case 'on_track':
      return { variant: 'success', text: 'Sesuai jadwal' };
    case 'none':
      return { variant: 'neutral', text: 'Tanpa batas waktu' };
    default:
      return { variant: 'neutral', text: 'Status tidak diketahui' };
  }
}

/** The list filter's values and their labels (Indonesian, as on the homepage). */
export const SLA_FILTERS = [
  { value: 'breached', label: 'Terlambat' },
  { value: 'at_risk', label: 'Hampir jatuh tempo' },
] as const;

/** The content type uid a Content Manager list/edit path names, e.g. api::nota-permintaan.nota-permintaan. */
export function modelFromPath(pathname: string): string | null {
  const match = /\/content-manager\/collection-types\/([^/?#]+)/.exec(pathname);
  return match ? decodeURIComponent(match[1]) : null;
}

/** Admin-panel paths from the server are relative to /admin. */
export function adminHref(link: string): string {
  return link.startsWith('/admin/') ? link : `/admin${link}`;
}

/** Status of stored SLA instants at `now` (the list column reads the row's own fields). */
export function statusOf(atRiskAt: string | null | undefined, dueAt: string | null | undefined, now: number): SlaStatus {
  if (!dueAt) return 'none';
  if (now > Date.parse(dueAt)) return 'breached';
  if (atRiskAt && now >= Date.parse(atRiskAt)) return 'at_risk';
  return 'on_track';
}

/**
 * The list URL filtered to one SLA status with Strapi's own filters on the row's SLA fields
 * (`slaJatuhTempo`, `slaBerisikoPada`), as of `now`: other filters and the page are replaced.
 */
export function slaFilterSearch(status: 'breached' | 'at_risk', now: Date, current: URLSearchParams): string {
  const next = new URLSearchParams();
  for (const [key, value] of current.entries()) if (!key.startsWith('filters[') && key !== 'page' && key !== 'ppidSla') next.append(key, value);
  const at = now.toISOString();
  if (status === 'breached') {
    next.append('filters[$and][0][slaJatuhTempo][$lt]', at);
  } else {
    next.append('filters[$and][0][slaBerisikoPada][$lte]', at);
    next.append('filters[$and][1][slaJatuhTempo][$gte]', at);
  }
  next.set('page', '1');
  next.set('ppidSla', status);
  return `?${next.toString()}`;
}
