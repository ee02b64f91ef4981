// The list page's state lives in its URL (a plain GET form writes it, links carry it), so a
// result page can be shared and the back button works without any history juggling.
// These functions read that state defensively and write it back canonically.

/** Categories the public may see; `dikecualikan` is never public. */
export const PUBLIC_CATEGORIES = Object.freeze(['berkala', 'serta_merta', 'setiap_saat']);

export const MAX_QUERY_LENGTH = 100;
export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * @typedef {{ q: string, kategori: string, unit: string, tahun: number|null, page: number }} ListState
 */

/** @param {string|null} value */
function parseYear(value) {
  if (!value || !/^\d{4}$/.test(value.trim())) return null;
  const year = Number(value.trim());
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

/** @param {string|null} value */
function parsePage(value) {
  if (!value || !/^\d{1,6}$/.test(value.trim())) return 1;
  const page = Number(value.trim());
  return page >= 1 ? page : 1;
}

/** Whether a string looks like a Strapi documentId (also guards what goes into API paths). */
export function isDocumentId(value) {
  return typeof value === 'string' && DOCUMENT_ID.test(value);
}

/**
 * Read the list state from `location.search`. Unknown or malformed values fall back to
 * "no filter" rather than failing: a hand-edited URL still shows something sensible.
 * @param {string} search
 * @returns {ListState}
 */
export function parseListState(search) {
  const params = new URLSearchParams(search);
  const q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
  const kategori = params.get('kategori') ?? '';
  const unit = params.get('unit') ?? '';
  return {
    q,
    kategori: PUBLIC_CATEGORIES.includes(kategori) ? kategori : '',
    unit: isDocumentId(unit) ? unit : '',
    tahun: parseYear(params.get('tahun')),
    page: parsePage(params.get('page')),
  };
}

/**
 * Write a list state as a query string (no '?'), leaving defaults out.
 * `lang` is added only for English, Indonesian being the default.
 * @param {Partial<ListState>} state @param {string} [lang]
 */
export function listStateToSearch(state, lang) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.kategori) params.set('kategori', state.kategori);
  if (state.unit) params.set('unit', state.unit);
  if (state.tahun) params.set('tahun', String(state.tahun));
  if (state.page && state.page > 1) params.set('page', String(state.page));
  if (lang === 'en') params.set('lang', 'en');
  return params.toString();
}

/** Whether any filter (not the page) is set. @param {ListState} state */
export function hasFilters(state) {
  return Boolean(state.q || state.kategori || state.unit || state.tahun);
}

/** Href of the list page for a state. @param {Partial<ListState>} state @param {string} [lang] */
export function listHref(state, lang) {
  const search = listStateToSearch(state, lang);
  return search ? `informasi.html?${search}` : 'informasi.html';
}

/** Href of a detail page. @param {string} documentId @param {string} [lang] */
export function detailHref(documentId, lang) {
  const params = new URLSearchParams({ id: documentId });
  if (lang === 'en') params.set('lang', 'en');
  return `dokumen.html?${params}`;
}

/** The documentId asked for on the detail page, or '' when missing or malformed. @param {string} search */
export function parseDetailId(search) {
  const value = new URLSearchParams(search).get('id') ?? '';
  return isDocumentId(value) ? value : '';
}

/**
 * Same page and query with `lang` set (Indonesian written as `lang=id` so that it overrides a
 * remembered English choice). @param {string} pathname @param {string} search @param {string} lang
 */
export function switchLangHref(pathname, search, lang) {
  const params = new URLSearchParams(search);
  params.set('lang', lang);
  const file = pathname.split('/').pop() || 'index.html';
  return `${file}?${params}`;
}

/**
 * Add `lang=en` to a site-relative link when the page is in English. Links to other origins,
 * fragments, mailto: and tel: are returned unchanged. @param {string} href @param {string} lang
 */
export function withLang(href, lang) {
  if (lang !== 'en' || !/^\/?[\w.-]+\.html(\?|#|$)/.test(href)) return href;
  const [beforeHash, hash = ''] = href.split('#');
  const [file, query = ''] = beforeHash.split('?');
  const params = new URLSearchParams(query);
  params.set('lang', 'en');
  return `${file}?${params}${hash ? `#${hash}` : ''}`;
}

/**
 * Years offered in the year filter: this year back to `count - 1` years earlier, plus the
 * selected year if it lies outside that range. @param {number} currentYear
 * @param {number|null} [selected] @param {number} [count]
 */
export function yearOptions(currentYear, selected = null, count = 12) {
  const years = [];
  for (let year = currentYear; year > currentYear - count && year >= MIN_YEAR; year -= 1) years.push(year);
  if (selected && !years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}
