import * as React from 'react';
import { Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { WORKFLOW_DEFINITIONS } from '../../workflows';
import type { WorkflowDefinition } from '../../workflow/types';
import { formatWibShort } from '../workflow/format';
import { modelFromPath, SLA_FILTERS, slaFilterSearch, statusOf, type SlaRow } from './format';
import { SlaBadge } from './SlaBadge';

/**
 * The Content Manager list views of every workflow type: the state column shows the state's label
 * (still Strapi's own `statusAlur` column, so Strapi sorts and filters it), a "Batas waktu / SLA"
 * column shows the running timer's due time in WIB and its status, and a filter in the list's
 * actions shows only the overdue ("Terlambat") or at-risk ("Hampir jatuh tempo") documents. The
 * definitions are the same files the server registers (src/workflows.ts): pure data.
 */
const BY_UID = new Map<string, WorkflowDefinition>(WORKFLOW_DEFINITIONS.map((def) => [def.uid, def]));

export const workflowOfModel = (model: string | null | undefined) => (model ? BY_UID.get(model) ?? null : null);

/* One request per list page for the SLA cells of its rows (GET /ppid/sla/:type?documentIds=…). */
type Fetcher = (url: string) => Promise<SlaRow[]>;
const pending = new Map<string, { ids: Set<string>; waiters: Array<() => void> }>();
const answers = new Map<string, { at: number; row: SlaRow | null }>();
const key = (type: string, documentId: string, locale: string | null) => `${type}|${documentId}|${locale ?? ''}`;

function loadSla(fetcher: Fetcher, def: WorkflowDefinition, documentId: string, locale: string | null): Promise<void> {
  return new Promise((resolve) => {
    let batch = pending.get(def.name);
    if (!batch) {
      const created = { ids: new Set<string>(), waiters: [] as Array<() => void> };
      pending.set(def.name, created);
      batch = created;
      setTimeout(async () => {
        pending.delete(def.name);
        const ids = [...created.ids];
        const rows = await fetcher(`/ppid/sla/${def.name}?documentIds=${ids.map(encodeURIComponent).join(',')}`).catch(() => [] as SlaRow[]);
        const now = Date.now();
        for (const id of ids) {
          for (const loc of def.perLocale ? [...new Set(['id', 'en', ...rows.map((r) => r.locale ?? '')])] : ['']) {
            answers.set(key(def.name, id, loc || null), { at: now, row: null });
          }
        }
        for (const row of rows) answers.set(key(def.name, row.documentId, row.locale), { at: now, row });
        created.waiters.forEach((w) => w());
      }, 30);
    }
    batch.ids.add(documentId);
    batch.waiters.push(resolve);
  });
}

const SlaCell = ({ def, documentId, locale }: { def: WorkflowDefinition; documentId: string; locale: string | null }) => {
  const { get } = useFetchClient();
  const k = key(def.name, documentId, def.perLocale ? locale ?? 'id' : null);
  const [, setTick] = React.useState(0);
  React.useEffect(() => {
    const cached = answers.get(k);
    if (cached && Date.now() - cached.at < 5_000) return;
    let alive = true;
    void loadSla(async (url) => (await get<{ data: SlaRow[] }>(url)).data.data, def, documentId, def.perLocale ? locale ?? 'id' : null).then(() => alive && setTick((n) => n + 1));
    return () => {
      alive = false;
    };
  }, [get, def, documentId, locale, k]);
  const answer = answers.get(k);
  if (!answer) return <Typography textColor="neutral500">…</Typography>;
  if (!answer.row) return <Typography textColor="neutral500" data-testid="sla-cell" data-status="none">-</Typography>;
  return (
    <Flex gap={2} data-testid="sla-cell" data-status={answer.row.status} data-due={answer.row.dueAt}>
      <SlaBadge status={answer.row.status} />
      <Typography textColor="neutral700">{formatWibShort(answer.row.dueAt)}</Typography>
    </Flex>
  );
};

const SLA_DUE = 'slaJatuhTempo';
const SLA_AT_RISK = 'slaBerisikoPada';

const StoredSlaCell = ({ dueAt, atRiskAt }: { dueAt: string | null; atRiskAt: string | null }) => {
  const status = statusOf(atRiskAt, dueAt, Date.now());
  if (!dueAt) return <Typography textColor="neutral500" data-testid="sla-cell" data-status="none">-</Typography>;
  return (
    <Flex gap={2} data-testid="sla-cell" data-status={status} data-due={dueAt}>
      <SlaBadge status={status} />
      <Typography textColor="neutral700">{formatWibShort(dueAt)}</Typography>
    </Flex>
  );
};

const StateCell = ({ def, value }: { def: WorkflowDefinition; value: unknown }) => (
  <Typography textColor="neutral800" data-testid="state-cell" data-state={String(value ?? '')}>
    {typeof value === 'string' ? def.states[value]?.label ?? value : '-'}
  </Typography>
);

interface Header {
  name: string;
  label: unknown;
  attribute?: { type: string };
  sortable?: boolean;
  searchable?: boolean;
  cellFormatter?: (row: any, header: any, meta: { model: string; collectionType: string }) => React.ReactNode;
  [other: string]: unknown;
}

/** The `Admin/CM/pages/ListView/inject-column-in-table` hook. */
export function injectWorkflowColumns({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) {
  const def = workflowOfModel(typeof window === 'undefined' ? null : modelFromPath(window.location.pathname));
  if (!def) return { displayedHeaders, layout };
  const stateFormatter = (row: any) => <StateCell def={def} value={row[def.field]} />;
  const hasState = displayedHeaders.some((h) => h.name === def.field);
  const headers: Header[] = hasState
    ? displayedHeaders.map((h) => (h.name === def.field ? { ...h, cellFormatter: stateFormatter } : h))
    : [
        ...displayedHeaders,
        {
          name: def.field,
          label: { id: 'ppid.workspace.column.state', defaultMessage: 'Status alur' },
          attribute: { type: 'enumeration' },
          searchable: false,
          sortable: true,
          cellFormatter: stateFormatter,
        },
      ];
  const stored = displayedHeaders.findIndex((h) => h.name === SLA_DUE);
  if (stored >= 0) headers.splice(headers.findIndex((h) => h.name === SLA_DUE), 1);
  headers.push({
    // Strapi's own column of the engine-kept field: the list sorts by it.
    name: SLA_DUE,
    label: { id: 'ppid.workspace.column.sla', defaultMessage: 'Batas waktu / SLA' },
    attribute: { type: 'datetime' },
    searchable: false,
    sortable: true,
    cellFormatter: (row: any) =>
      SLA_DUE in row ? (
        <StoredSlaCell dueAt={row[SLA_DUE]} atRiskAt={row[SLA_AT_RISK]} />
      ) : (
        <SlaCell def={def} documentId={row.documentId} locale={row.locale ?? null} />
      ),
  });
  return { displayedHeaders: headers, layout };
}

/** "Terlambat / Hampir jatuh tempo" in the list's actions: Strapi's own filters on the row's SLA fields, as of the choice. */
export const SlaFilter = () => {
  const location = useLocation();
  const navigate = useNavigate();
  const def = workflowOfModel(modelFromPath(location.pathname));
  const params = new URLSearchParams(location.search);
  const [value, setValue] = React.useState<string>(params.get('ppidSla') ?? '');
  if (!def) return null;
  const choose = (next: string) => {
    setValue(next);
    const current = new URLSearchParams(location.search);
    if (!next) {
      const cleared = new URLSearchParams();
      for (const [k, v] of current.entries()) if (!k.startsWith('filters[') && k !== 'ppidSla') cleared.append(k, v);
      navigate({ pathname: location.pathname, search: `?${cleared.toString()}` });
      return;
    }
    if (next !== 'breached' && next !== 'at_risk') return;
    navigate({ pathname: location.pathname, search: slaFilterSearch(next, new Date(), current) });
  };
  return (
    <Flex gap={2} data-testid="sla-filter">
      <SingleSelect
        size="S"
        aria-label="Filter SLA"
        placeholder="Semua batas waktu"
        value={value}
        onChange={(next: string | number) => choose(String(next))}
        onClear={() => choose('')}
      >
        {SLA_FILTERS.map((f) => (
          <SingleSelectOption key={f.value} value={f.value}>
            {f.label}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Flex>
  );
};
