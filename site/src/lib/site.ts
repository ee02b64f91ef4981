/**
 * The whole site as data: every page's path and what it shows, from the content read from the
 * CMS. Pure, so the route table (and that nothing exempt is in it) is unit-tested without Astro.
 */
import { LANGS, PUBLIC_KATEGORI, type Lang, type PublicKategori } from './i18n';
import { groupEntries, mergeLocales, type DipEntry, type PageFields, type Unit } from './dip';
import { paginate, type Page } from './pagination';
import { paths, routeParam, type ListKind } from './routes';
import type { Statistics } from './requests';

export interface Content {
  apiUrl: string;
  builtAt: string;
  entries: Record<Lang, DipEntry[]>;
  units: Unit[];
  profil: Record<Lang, PageFields | null>;
  maklumat: Record<Lang, PageFields | null>;
  /** the CMS as the visitor's browser reaches it (the request form and tracking call it) */
  publicApiUrl: string;
  /** request statistics: this year to date and the last full year (null: not available) */
  statistics: StatisticsPair;
}

export interface StatisticsPair {
  asOf: string;
  current: Statistics | null;
  previous: Statistics | null;
}

export interface Facets {
  kategori: { key: PublicKategori; count: number }[];
  unit: { key: string; nama: string; count: number }[];
  tahun: { key: string; count: number }[];
}

export type PageData =
  | { kind: 'home'; lang: Lang; total: number; facets: Facets }
  | { kind: 'list'; lang: Lang; list: ListKind; key: string; title: { unit?: string }; page: Page<DipEntry>; facets: Facets }
  | { kind: 'detail'; lang: Lang; entry: DipEntry }
  | { kind: 'units'; lang: Lang; units: Unit[]; facets: Facets }
  | { kind: 'search'; lang: Lang; facets: Facets }
  | { kind: 'profile'; lang: Lang; page: PageFields | null }
  | { kind: 'charter'; lang: Lang; page: PageFields | null }
  | { kind: 'request'; lang: Lang; office: PageFields | null }
  | { kind: 'track'; lang: Lang }
  | { kind: 'statistics'; lang: Lang; statistics: StatisticsPair }
  | { kind: 'notFound'; lang: Lang };

export interface SitePage {
  path: string;
  data: PageData;
}

/** Build the content from the API rows of both locales (already normalised). */
export function makeContent(input: {
  apiUrl: string;
  builtAt: string;
  entries: Record<Lang, DipEntry[]>;
  units: Unit[];
  profil: Record<Lang, PageFields | null>;
  maklumat: Record<Lang, PageFields | null>;
  publicApiUrl?: string;
  statistics?: StatisticsPair;
}): Content {
  return {
    ...input,
    entries: mergeLocales(input.entries.id, input.entries.en),
    publicApiUrl: input.publicApiUrl ?? input.apiUrl,
    statistics: input.statistics ?? { asOf: input.builtAt, current: null, previous: null },
  };
}

export function sitePages(content: Content): SitePage[] {
  const out: SitePage[] = [];
  for (const lang of LANGS) {
    const entries = content.entries[lang];
    const groups = groupEntries(entries, content.units);
    const unitName = new Map(content.units.map((u) => [u.kode, u.nama]));
    for (const e of entries) if (e.unit && !unitName.has(e.unit.kode)) unitName.set(e.unit.kode, e.unit.nama);
    const facets: Facets = {
      kategori: PUBLIC_KATEGORI.map((key) => ({ key, count: groups.kategori.get(key)!.length })),
      unit: [...groups.unit.entries()].map(([key, list]) => ({ key, nama: unitName.get(key) ?? key, count: list.length })),
      tahun: [...groups.tahun.entries()].map(([key, list]) => ({ key, count: list.length })),
    };

    out.push({ path: paths.home(lang), data: { kind: 'home', lang, total: entries.length, facets } });
    const lists: [ListKind, string, DipEntry[]][] = [
      ['all', '', entries],
      ...[...groups.kategori.entries()].map(([k, l]): [ListKind, string, DipEntry[]] => ['kategori', k, l]),
      ...[...groups.unit.entries()].map(([k, l]): [ListKind, string, DipEntry[]] => ['unit', k, l]),
      ...[...groups.tahun.entries()].map(([k, l]): [ListKind, string, DipEntry[]] => ['tahun', k, l]),
    ];
    for (const [list, key, items] of lists) {
      for (const page of paginate(items)) {
        out.push({
          path: paths.list(lang, list, key, page.page),
          data: { kind: 'list', lang, list, key, title: { unit: unitName.get(key) }, page, facets },
        });
      }
    }
    for (const entry of entries) out.push({ path: paths.detail(lang, entry.documentId), data: { kind: 'detail', lang, entry } });
    out.push({ path: paths.units(lang), data: { kind: 'units', lang, units: content.units, facets } });
    out.push({ path: paths.search(lang), data: { kind: 'search', lang, facets } });
    out.push({ path: paths.profile(lang), data: { kind: 'profile', lang, page: content.profil[lang] } });
    out.push({ path: paths.charter(lang), data: { kind: 'charter', lang, page: content.maklumat[lang] } });
    out.push({ path: paths.request(lang), data: { kind: 'request', lang, office: content.profil[lang] ?? content.profil.id } });
    out.push({ path: paths.track(lang), data: { kind: 'track', lang } });
    out.push({ path: paths.statistics(lang), data: { kind: 'statistics', lang, statistics: content.statistics } });
    // The root 404 (Indonesian) is src/pages/404.astro; English has its own under /en/.
    if (lang === 'en') out.push({ path: paths.notFound('en'), data: { kind: 'notFound', lang } });
  }
  return out;
}

/** Astro's getStaticPaths entries for the catch-all route (optionally only some of the pages). */
export function staticPaths(content: Content, pages: SitePage[] = sitePages(content)) {
  return pages.map((p) => ({ params: { path: routeParam(p.path) }, props: { data: p.data, content: shell(content) } }));
}

/** What every page's layout needs from the content (kept small: props are held for every page). */
export interface Shell {
  apiUrl: string;
  builtAt: string;
  publicApiUrl: string;
}
export function shell(content: Content): Shell {
  return { apiUrl: content.apiUrl, builtAt: content.builtAt, publicApiUrl: content.publicApiUrl };
}
