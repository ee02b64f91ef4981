// Strapi 5 REST query strings, built by hand: bracket notation, every key segment and value
// passed through encodeURIComponent (brackets stay literal, as qs and Strapi read them).

export const PAGE_SIZE = 10;

/** Relations the public site shows, with only the fields it needs. */
export const DOCUMENT_POPULATE = Object.freeze({
  unit: { fields: ['nama'] },
  berkas: { fields: ['url', 'size', 'name'] },
});

/**
 * Flatten nested objects/arrays to `a[b][0]=c` pairs. `undefined`, `null` and '' are left out.
 * @param {Record<string, unknown>} params
 * @returns {string} query string without the leading '?'
 */
export function toQueryString(params) {
  /** @type {string[]} */
  const parts = [];
  /** @param {string} prefix @param {unknown} value */
  const walk = (prefix, value) => {
    if (value === undefined || value === null || value === '') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => walk(`${prefix}[${index}]`, item));
    } else if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(`${prefix}[${encodeURIComponent(key)}]`, item);
    } else {
      parts.push(`${prefix}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(params)) walk(encodeURIComponent(key), value);
  return parts.join('&');
}

/**
 * Parameters for the DIP list.
 * @param {{ locale: string, q?: string, kategori?: string, unit?: string, tahun?: number|null,
 *           page?: number, pageSize?: number }} options
 */
export function listDocumentsParams({ locale, q, kategori, unit, tahun, page = 1, pageSize = PAGE_SIZE }) {
  /** @type {Record<string, unknown>} */
  const filters = {};
  if (kategori) filters.kategori = { $eq: kategori };
  if (unit) filters.unit = { documentId: { $eq: unit } };
  if (tahun) filters.tahun = { $eq: tahun };
  if (q) filters.$or = [{ judul: { $containsi: q } }, { ringkasan: { $containsi: q } }];
  return {
    locale,
    populate: DOCUMENT_POPULATE,
    pagination: { page, pageSize },
    sort: ['tahun:desc', 'nomor:asc'],
    filters,
  };
}

/** Parameters for one DIP entry. @param {string} locale */
export function documentParams(locale) {
  return { locale, populate: DOCUMENT_POPULATE };
}

/** Parameters for the list of work units (one page is enough for a PPID's units). */
export function unitsParams() {
  return { pagination: { pageSize: 100 }, sort: 'nama' };
}

/** Strip trailing slashes from the API base URL. @param {string} apiUrl */
export function apiBase(apiUrl) {
  return String(apiUrl).replace(/\/+$/, '');
}

/** @param {string} apiUrl @param {Parameters<typeof listDocumentsParams>[0]} options */
export function listDocumentsUrl(apiUrl, options) {
  return `${apiBase(apiUrl)}/api/dip-documents?${toQueryString(listDocumentsParams(options))}`;
}

/** @param {string} apiUrl @param {string} documentId @param {string} locale */
export function documentUrl(apiUrl, documentId, locale) {
  return `${apiBase(apiUrl)}/api/dip-documents/${encodeURIComponent(documentId)}?${toQueryString(
    documentParams(locale),
  )}`;
}

/** @param {string} apiUrl */
export function unitsUrl(apiUrl) {
  return `${apiBase(apiUrl)}/api/bidangs?${toQueryString(unitsParams())}`;
}
