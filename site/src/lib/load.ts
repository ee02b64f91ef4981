/**
 * Loads the content of one build from the CMS (once per build: the promise is shared by every
 * route). Fails the build, naming the URL, when the CMS is unreachable or answers an error, so
 * the rebuild service keeps the last good site.
 *
 * With PPID_SITE_CACHE (set by the rebuild service) the DIP rows of the previous read are kept in
 * that file and only new or changed entries are read in full (src/lib/api-cache.ts); the cache
 * is written only after a complete read.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { ApiError, IDS_PER_REQUEST, dipByIdsPath, dipLightListPath, fetchAllPages, fetchJson, fetchSingle, dipListPath, normaliseApiUrl, singlePath, unitListPath } from './api';
import { makeCache, mergeRows, parseCache, toFetch, type ApiCache, type Row } from './api-cache';
import { MAKLUMAT_FIELDS, PROFIL_FIELDS, normaliseEntry, normalisePage, normaliseUnit, type DipEntry, type Unit } from './dip';
import { LANGS, type Lang } from './i18n';
import { makeContent, type Content } from './site';
import { normaliseStatistics, statisticsYears, type Statistics } from './requests';

let loading: Promise<Content> | null = null;

export function loadContent(): Promise<Content> {
  loading ??= load(normaliseApiUrl(process.env.PPID_API_URL), process.env.PPID_SITE_CACHE || null);
  return loading;
}

/** What the read cost: rows read in full, rows taken from the cache (in the build's timings, integrations/reuse.ts). */
const readStats = { fullRows: 0, cachedRows: 0 };
(globalThis as Record<string, unknown>).__ppidReadStats = readStats;

async function readCache(file: string | null, apiUrl: string): Promise<ApiCache | null> {
  if (!file) return null;
  return parseCache(await readFile(file, 'utf8').catch(() => null), apiUrl);
}

/** The DIP rows of one locale: all in full, or the light list plus the changed rows. */
async function dipRows(apiUrl: string, lang: Lang, cache: ApiCache | null, unitRows: Row[]): Promise<Row[]> {
  if (!cache) {
    const rows = (await fetchAllPages(apiUrl, (page) => dipListPath(lang, page))) as Row[];
    readStats.fullRows += rows.length;
    return rows;
  }
  const light = (await fetchAllPages(apiUrl, (page) => dipLightListPath(lang, page))) as Row[];
  const ids = toFetch(light, cache.rows[lang]);
  const fresh: Row[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_REQUEST) {
    const body = await fetchJson(apiUrl, dipByIdsPath(lang, ids.slice(i, i + IDS_PER_REQUEST)));
    if (Array.isArray(body?.data)) fresh.push(...body.data);
  }
  readStats.fullRows += fresh.length;
  readStats.cachedRows += light.length - ids.length;
  return mergeRows(light, cache.rows[lang], fresh, unitRows);
}

async function load(apiUrl: string, cacheFile: string | null): Promise<Content> {
  const cache = await readCache(cacheFile, apiUrl);
  const unitRows = (await fetchAllPages(apiUrl, unitListPath)) as Row[];
  const rows = {} as Record<Lang, Row[]>;
  const entries = {} as Record<Lang, DipEntry[]>;
  const profil = {} as Record<Lang, ReturnType<typeof normalisePage>>;
  const maklumat = {} as Record<Lang, ReturnType<typeof normalisePage>>;
  for (const lang of LANGS) {
    rows[lang] = await dipRows(apiUrl, lang, cache, unitRows);
    entries[lang] = rows[lang].map((r) => normaliseEntry(r, lang)).filter((e): e is DipEntry => e !== null);
    profil[lang] = normalisePage(await fetchSingle(apiUrl, singlePath('profil-ppid', lang)), PROFIL_FIELDS);
    maklumat[lang] = normalisePage(await fetchSingle(apiUrl, singlePath('maklumat-pelayanan', lang)), MAKLUMAT_FIELDS);
  }
  if (cacheFile) {
    const tmp = `${cacheFile}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify(makeCache(apiUrl, rows)));
    await rename(tmp, cacheFile);
  }
  const units = unitRows.map(normaliseUnit).filter((u): u is Unit => u !== null);
  const builtAt = new Date().toISOString();
  const years = statisticsYears(new Date(builtAt));
  const statistics = { asOf: builtAt, current: await loadStatistics(apiUrl, years.current), previous: await loadStatistics(apiUrl, years.previous) };
  const publicApiUrl = process.env.PPID_PUBLIC_API_URL ? normaliseApiUrl(process.env.PPID_PUBLIC_API_URL) : apiUrl;
  return makeContent({ apiUrl, builtAt, entries, units, profil, maklumat, publicApiUrl, statistics });
}

/** A year's request statistics; null when this CMS has no statistics route (404) or sends another shape. */
async function loadStatistics(apiUrl: string, year: number): Promise<Statistics | null> {
  try {
    return normaliseStatistics(await fetchJson(apiUrl, `/api/statistik-permohonan?tahun=${year}`));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
