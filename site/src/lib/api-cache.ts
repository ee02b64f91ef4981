/**
 * Reading only what changed: the rows of the previous build's read are kept (PPID_SITE_CACHE,
 * set by the rebuild service) and a build asks the CMS first for a light list of every public
 * entry (documentId, updatedAt, publishedAt and the file's updatedAt: no text, no unit), then for
 * the full rows of the entries whose signature differs. Pure planning here; fetching in load.ts.
 *
 * Correct by construction:
 * - only entries in the light list are kept: an unpublished, deleted or exempt entry is not in the
 *   public API any more, so it leaves the build even though its row is still in the cache;
 * - an entry asked for again but not returned (unpublished meanwhile) is dropped, never taken from
 *   the cache;
 * - a unit's code and name always come from the fresh unit list (a renamed unit touches no entry's
 *   updatedAt); a file replaced in the media library changes the file's updatedAt;
 * - every row still goes through normaliseEntry (the exempt/draft filter) at every build;
 * - a cache for another CMS URL or in another format is ignored (a full read).
 */
import type { Lang } from './i18n';

export const CACHE_VERSION = 1;

export type Row = Record<string, any>;

export interface ApiCache {
  version: typeof CACHE_VERSION;
  apiUrl: string;
  /** per locale: documentId → full API row */
  rows: Record<Lang, Record<string, Row>>;
}

/** What decides whether a cached row is still the CMS's: the entry's and its file's timestamps. */
export function signature(row: Row): string {
  return [row?.updatedAt ?? '', row?.publishedAt ?? '', row?.berkas?.updatedAt ?? ''].join('|');
}

export function parseCache(text: string | null, apiUrl: string): ApiCache | null {
  if (!text) return null;
  try {
    const c = JSON.parse(text);
    if (c?.version !== CACHE_VERSION || c.apiUrl !== apiUrl || typeof c.rows?.id !== 'object' || typeof c.rows?.en !== 'object') return null;
    return c;
  } catch {
    return null;
  }
}

/** The documentIds of the light list whose full row must be read (new, or changed since the cache). */
export function toFetch(light: Row[], cached: Record<string, Row> | undefined): string[] {
  return light.filter((r) => typeof r?.documentId === 'string' && (!cached?.[r.documentId] || signature(cached[r.documentId]) !== signature(r))).map((r) => r.documentId);
}

/**
 * The rows of this build, in the light list's order: fresh rows for the changed entries (missing
 * when not returned), cached rows for the rest; units re-read from `units` (by documentId); a
 * cached row whose unit is gone loses it.
 */
export function mergeRows(light: Row[], cached: Record<string, Row> | undefined, fresh: Row[], units: Row[]): Row[] {
  const freshById = new Map(fresh.filter((r) => typeof r?.documentId === 'string').map((r) => [r.documentId, r]));
  const unitById = new Map(units.filter((u) => typeof u?.documentId === 'string').map((u) => [u.documentId, u]));
  const out: Row[] = [];
  for (const l of light) {
    const id = l?.documentId;
    if (typeof id !== 'string') continue;
    const fromCms = freshById.get(id);
    const row = fromCms ?? (cached?.[id] && signature(cached[id]) === signature(l) ? cached[id] : null);
    if (!row) continue; // asked for and not returned: unpublished meanwhile
    const unitId = row.unit?.documentId;
    const unit = typeof unitId === 'string' ? unitById.get(unitId) : undefined;
    if (unit) out.push({ ...row, unit: { ...row.unit, kode: unit.kode, nama: unit.nama } });
    else if (row.unit && !fromCms) out.push({ ...row, unit: null });
    else out.push(row);
  }
  return out;
}

export function makeCache(apiUrl: string, rows: Record<Lang, Row[]>): ApiCache {
  const byId = (list: Row[]) => Object.fromEntries(list.map((r) => [r.documentId, r]));
  return { version: CACHE_VERSION, apiUrl, rows: { id: byId(rows.id), en: byId(rows.en) } };
}
