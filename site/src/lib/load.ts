/**
 * Loads the content of one build from the CMS (once per build: the promise is shared by every
 * route). Fails the build, naming the URL, when the CMS is unreachable or answers an error, so
 * the rebuild service keeps the last good site.
 */
import { ApiError, fetchAllPages, fetchJson, fetchSingle, dipListPath, normaliseApiUrl, singlePath, unitListPath } from './api';
import { MAKLUMAT_FIELDS, PROFIL_FIELDS, normaliseEntry, normalisePage, normaliseUnit, type DipEntry, type Unit } from './dip';
import { LANGS, type Lang } from './i18n';
import { makeContent, type Content } from './site';
import { normaliseStatistics, statisticsYears, type Statistics } from './requests';

let loading: Promise<Content> | null = null;

export function loadContent(): Promise<Content> {
  loading ??= load(normaliseApiUrl(process.env.PPID_API_URL));
  return loading;
}

async function load(apiUrl: string): Promise<Content> {
  const entries = {} as Record<Lang, DipEntry[]>;
  const profil = {} as Record<Lang, ReturnType<typeof normalisePage>>;
  const maklumat = {} as Record<Lang, ReturnType<typeof normalisePage>>;
  for (const lang of LANGS) {
    const rows = await fetchAllPages(apiUrl, (page) => dipListPath(lang, page));
    entries[lang] = rows.map((r) => normaliseEntry(r, lang)).filter((e): e is DipEntry => e !== null);
    profil[lang] = normalisePage(await fetchSingle(apiUrl, singlePath('profil-ppid', lang)), PROFIL_FIELDS);
    maklumat[lang] = normalisePage(await fetchSingle(apiUrl, singlePath('maklumat-pelayanan', lang)), MAKLUMAT_FIELDS);
  }
  const units = (await fetchAllPages(apiUrl, unitListPath)).map(normaliseUnit).filter((u): u is Unit => u !== null);
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
