/**
 * Loads the content of one build from the CMS (once per build: the promise is shared by every
 * route). Fails the build, naming the URL, when the CMS is unreachable or answers an error, so
 * the rebuild service keeps the last good site.
 */
import { fetchAllPages, fetchSingle, dipListPath, normaliseApiUrl, singlePath, unitListPath } from './api';
import { MAKLUMAT_FIELDS, PROFIL_FIELDS, normaliseEntry, normalisePage, normaliseUnit, type DipEntry, type Unit } from './dip';
import { LANGS, type Lang } from './i18n';
import { makeContent, type Content } from './site';

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
  return makeContent({ apiUrl, builtAt: new Date().toISOString(), entries, units, profil, maklumat });
}
