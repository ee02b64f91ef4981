/**
 * Every URL of the site. Indonesian lives at the root, English under /en/, with the same slugs,
 * so switching language is adding or removing the prefix and always keeps the page. Pure.
 */
import type { Lang } from './i18n';

export type ListKind = 'all' | 'kategori' | 'unit' | 'tahun';

const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const pageSuffix = (page: number) => (page > 1 ? `halaman/${page}/` : '');

export const paths = {
  home: (lang: Lang) => `${prefix(lang)}/`,
  list: (lang: Lang, kind: ListKind = 'all', key = '', page = 1) =>
    `${prefix(lang)}/informasi/${kind === 'all' ? '' : `${kind}/${encodeURIComponent(key)}/`}${pageSuffix(page)}`,
  detail: (lang: Lang, documentId: string) => `${prefix(lang)}/dokumen/${encodeURIComponent(documentId)}/`,
  units: (lang: Lang) => `${prefix(lang)}/unit/`,
  search: (lang: Lang) => `${prefix(lang)}/cari/`,
  profile: (lang: Lang) => `${prefix(lang)}/profil/`,
  charter: (lang: Lang) => `${prefix(lang)}/maklumat-pelayanan/`,
  request: (lang: Lang) => `${prefix(lang)}/permohonan/`,
  track: (lang: Lang) => `${prefix(lang)}/permohonan/lacak/`,
  statistics: (lang: Lang) => `${prefix(lang)}/statistik/`,
  notFound: (lang: Lang) => (lang === 'en' ? '/en/404/' : '/404.html'),
};

/** The same page in the other language. */
export function switchLangPath(path: string, to: Lang): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  const bare = clean === '/en' ? '/' : clean.startsWith('/en/') ? clean.slice(3) : clean;
  if (bare === '/404.html' || bare === '/404/') return paths.notFound(to);
  return to === 'en' ? `/en${bare}` : bare;
}

/** The language of a site path. */
export function langOfPath(path: string): Lang {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'id';
}

/** A route of the catch-all page: the path without leading/trailing slashes, or undefined for '/'. */
export function routeParam(path: string): string | undefined {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? undefined : trimmed;
}
