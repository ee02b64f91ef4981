// Read-only client of the public Strapi REST API. Errors come out as one of three kinds the
// pages know how to explain: the service is unavailable, the entry is not found, or the answer
// was not what we expected (treated like unavailable by the pages).

import { documentUrl, listDocumentsUrl, unitsUrl } from './query.js';

export class ApiError extends Error {
  /** @param {'unavailable'|'notfound'|'invalid'} kind @param {string} message @param {number} [status] */
  constructor(kind, message, status) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
  }
}

/**
 * GET a JSON document.
 * @param {string} url
 * @param {{ fetchImpl?: typeof fetch, timeoutMs?: number }} [options]
 */
export async function getJson(url, { fetchImpl = globalThis.fetch, timeoutMs = 15000 } = {}) {
  const controller = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : null;
  let response;
  try {
    response = await fetchImpl(url, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      signal: controller?.signal,
    });
  } catch (error) {
    throw new ApiError('unavailable', `API unreachable: ${error instanceof Error ? error.message : error}`);
  } finally {
    if (timer) clearTimeout(timer);
  }
  if (response.status === 404) throw new ApiError('notfound', 'Not found', 404);
  if (!response.ok) throw new ApiError('unavailable', `API answered ${response.status}`, response.status);
  try {
    return await response.json();
  } catch {
    throw new ApiError('invalid', 'API answered with something that is not JSON', response.status);
  }
}

/** @param {unknown} body */
function isObject(body) {
  return typeof body === 'object' && body !== null;
}

/**
 * @param {{ apiUrl: string, fetchImpl?: typeof fetch, timeoutMs?: number }} options
 */
export function createApi({ apiUrl, fetchImpl, timeoutMs }) {
  const get = (/** @type {string} */ url) => getJson(url, { fetchImpl, timeoutMs });
  return {
    /**
     * One page of DIP entries.
     * @param {Parameters<typeof listDocumentsUrl>[1]} options
     * @returns {Promise<{ data: any[], pagination: { page: number, pageSize: number, pageCount: number, total: number } }>}
     */
    async listDocuments(options) {
      const body = await get(listDocumentsUrl(apiUrl, options));
      if (!isObject(body) || !Array.isArray(body.data)) throw new ApiError('invalid', 'Unexpected list answer');
      const p = body.meta?.pagination ?? {};
      const pageSize = Number(p.pageSize) || options.pageSize || 10;
      const total = Number(p.total) || 0;
      return {
        data: body.data,
        pagination: {
          page: Number(p.page) || options.page || 1,
          pageSize,
          total,
          pageCount: Number.isFinite(Number(p.pageCount)) ? Number(p.pageCount) : Math.ceil(total / pageSize),
        },
      };
    },

    /**
     * One DIP entry. If it has no version in the asked locale, the Indonesian one is tried and
     * returned with `fallback: true` (entries are written in Indonesian first).
     * @param {string} documentId @param {string} locale
     * @returns {Promise<{ data: any, fallback: boolean }>}
     */
    async getDocument(documentId, locale) {
      const fetchOne = async (/** @type {string} */ loc) => {
        const body = await get(documentUrl(apiUrl, documentId, loc));
        if (!isObject(body) || !isObject(body.data)) throw new ApiError('notfound', 'Empty answer', 404);
        return body.data;
      };
      try {
        return { data: await fetchOne(locale), fallback: false };
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== 'notfound' || locale === 'id') throw error;
        return { data: await fetchOne('id'), fallback: true };
      }
    },

    /** All work units, sorted by name. @returns {Promise<any[]>} */
    async listUnits() {
      const body = await get(unitsUrl(apiUrl));
      if (!isObject(body) || !Array.isArray(body.data)) throw new ApiError('invalid', 'Unexpected units answer');
      return body.data;
    },
  };
}
