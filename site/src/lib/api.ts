/**
 * Reading the CMS's public REST API at build time. Query strings are built by pure functions;
 * `fetchJson` is the only side effect, with a timeout and a clear error naming the URL.
 */
import type { Lang } from './i18n';

export const DEFAULT_API_URL = 'http://127.0.0.1:1337';
/** Strapi's maxLimit (config/api.ts). */
export const API_PAGE_SIZE = 100;

/** Validate and normalise the CMS URL: http(s), no credentials, query or hash; no trailing '/'. */
export function normaliseApiUrl(value: string | undefined): string {
  const raw = (value ?? '').trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PPID_API_URL is not a URL: "${raw}" (expected e.g. ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PPID_API_URL must start with http:// or https://, got "${raw}"`);
  if (url.username || url.password || url.search || url.hash) throw new Error(`PPID_API_URL must be a plain origin or base path, got "${raw}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** Strapi's bracket notation, each part percent-encoded. */
export function queryString(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(v))}`)
    .join('&');
}

const DIP_POPULATE = {
  'populate[unit][fields][0]': 'kode',
  'populate[unit][fields][1]': 'nama',
  'populate[berkas][fields][0]': 'url',
  'populate[berkas][fields][1]': 'name',
  'populate[berkas][fields][2]': 'mime',
  'populate[berkas][fields][3]': 'ext',
  'populate[berkas][fields][4]': 'size',
  'populate[berkas][fields][5]': 'updatedAt',
};

/** One page of the public DIP list with the unit and file the site shows. */
export function dipListPath(locale: Lang, page: number): string {
  return `/api/dip-documents?${queryString({
    locale,
    'sort[0]': 'nomor:asc',
    'pagination[page]': page,
    'pagination[pageSize]': API_PAGE_SIZE,
    ...DIP_POPULATE,
  })}`;
}

/** One page of the light list of public entries: what tells whether a cached row is current (src/lib/api-cache.ts). */
export function dipLightListPath(locale: Lang, page: number): string {
  return `/api/dip-documents?${queryString({
    locale,
    'sort[0]': 'nomor:asc',
    'pagination[page]': page,
    'pagination[pageSize]': API_PAGE_SIZE,
    'fields[0]': 'updatedAt',
    'fields[1]': 'publishedAt',
    'populate[berkas][fields][0]': 'updatedAt',
  })}`;
}

/** At most this many documentIds in one request (keeps the URL short). */
export const IDS_PER_REQUEST = 50;

/** The full rows (as dipListPath) of some entries. */
export function dipByIdsPath(locale: Lang, documentIds: string[]): string {
  const filters = Object.fromEntries(documentIds.map((id, i) => [`filters[documentId][$in][${i}]`, id]));
  return `/api/dip-documents?${queryString({
    locale,
    ...filters,
    'pagination[page]': 1,
    'pagination[pageSize]': API_PAGE_SIZE,
    ...DIP_POPULATE,
  })}`;
}

export function unitListPath(page: number): string {
  return `/api/bidangs?${queryString({ 'sort[0]': 'nama:asc', 'pagination[page]': page, 'pagination[pageSize]': API_PAGE_SIZE })}`;
}

export function singlePath(type: 'profil-ppid' | 'maklumat-pelayanan', locale: Lang): string {
  return `/api/${type}?${queryString({ locale })}`;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

export async function fetchJson(apiUrl: string, path: string, timeoutMs = 30000): Promise<any> {
  const url = `${apiUrl}${path}`;
  let res: Response;
  try {
    res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new ApiError(`CMS unreachable at ${url}: ${error instanceof Error ? error.message : error}`, null);
  }
  if (!res.ok) throw new ApiError(`CMS answered ${res.status} for ${url}`, res.status);
  try {
    return await res.json();
  } catch {
    throw new ApiError(`CMS sent invalid JSON for ${url}`, res.status);
  }
}

/** Every row of a paginated list: the first page tells the page count, the rest go `concurrency` at a time. */
export async function fetchAllPages(
  apiUrl: string,
  pathOf: (page: number) => string,
  concurrency = 4,
): Promise<unknown[]> {
  const first = await fetchJson(apiUrl, pathOf(1));
  const pageCount = Number(first?.meta?.pagination?.pageCount ?? 1);
  if (!Array.isArray(first?.data)) throw new ApiError(`CMS list without data at ${pathOf(1)}`, null);
  const pages: unknown[][] = [first.data];
  const rest = Array.from({ length: Math.max(0, pageCount - 1) }, (_, i) => i + 2);
  for (let i = 0; i < rest.length; i += concurrency) {
    const batch = await Promise.all(rest.slice(i, i + concurrency).map((p) => fetchJson(apiUrl, pathOf(p))));
    for (const body of batch) pages.push(Array.isArray(body?.data) ? body.data : []);
  }
  return pages.flat();
}

/** A single type's published version, or null when the CMS has none (404). */
export async function fetchSingle(apiUrl: string, path: string): Promise<unknown | null> {
  try {
    return (await fetchJson(apiUrl, path))?.data ?? null;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
