import { describe, expect, jest, test } from '@jest/globals';
import { ApiError, createApi, getJson } from '../../src/js/lib/api.js';

/** A fetch double answering from a function of the URL. */
function fakeFetch(answer) {
  return jest.fn(async (url) => {
    const { status = 200, body, throws } = answer(String(url));
    if (throws) throw throws;
    return {
      status,
      ok: status >= 200 && status < 300,
      json: async () => (typeof body === 'string' ? JSON.parse(body) : body),
    };
  });
}

describe('getJson', () => {
  test('network failure is "unavailable"', async () => {
    const fetchImpl = fakeFetch(() => ({ throws: new TypeError('Failed to fetch') }));
    await expect(getJson('http://x', { fetchImpl })).rejects.toMatchObject({ kind: 'unavailable' });
  });

  test('5xx is "unavailable", 404 is "notfound", bad JSON is "invalid"', async () => {
    await expect(getJson('http://x', { fetchImpl: fakeFetch(() => ({ status: 503, body: {} })) })).rejects.toMatchObject({ kind: 'unavailable', status: 503 });
    await expect(getJson('http://x', { fetchImpl: fakeFetch(() => ({ status: 404, body: {} })) })).rejects.toMatchObject({ kind: 'notfound' });
    await expect(getJson('http://x', { fetchImpl: fakeFetch(() => ({ body: '<html>' })) })).rejects.toMatchObject({ kind: 'invalid' });
  });

  test('errors are ApiError', async () => {
    await expect(getJson('http://x', { fetchImpl: fakeFetch(() => ({ status: 500, body: {} })) })).rejects.toBeInstanceOf(ApiError);
  });
});

describe('createApi', () => {
  test('listDocuments asks for the right page and returns data with pagination', async () => {
    const fetchImpl = fakeFetch(() => ({
      body: { data: [{ documentId: 'a' }], meta: { pagination: { page: 2, pageSize: 10, pageCount: 3, total: 23 } } },
    }));
    const api = createApi({ apiUrl: 'http://api', fetchImpl });
    const result = await api.listDocuments({ locale: 'id', kategori: 'berkala', page: 2 });
    expect(result).toEqual({ data: [{ documentId: 'a' }], pagination: { page: 2, pageSize: 10, pageCount: 3, total: 23 } });
    const url = decodeURIComponent(fetchImpl.mock.calls[0][0]);
    expect(url).toContain('http://api/api/dip-documents?locale=id');
    expect(url).toContain('filters[kategori][$eq]=berkala');
    expect(url).toContain('pagination[page]=2');
  });

  test('listDocuments refuses an unexpected shape', async () => {
    const api = createApi({ apiUrl: 'http://api', fetchImpl: fakeFetch(() => ({ body: { hello: 1 } })) });
    await expect(api.listDocuments({ locale: 'id' })).rejects.toMatchObject({ kind: 'invalid' });
  });

  test('getDocument falls back to Indonesian when the English version is missing', async () => {
    const fetchImpl = fakeFetch((url) => (url.includes('locale=en')
      ? { status: 404, body: { data: null, error: { status: 404 } } }
      : { body: { data: { documentId: 'd', judul: 'Judul' } } }));
    const api = createApi({ apiUrl: 'http://api', fetchImpl });
    await expect(api.getDocument('d', 'en')).resolves.toEqual({ data: { documentId: 'd', judul: 'Judul' }, fallback: true });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  test('getDocument: not found in Indonesian is not found', async () => {
    const fetchImpl = fakeFetch(() => ({ status: 404, body: { data: null } }));
    const api = createApi({ apiUrl: 'http://api', fetchImpl });
    await expect(api.getDocument('zz', 'id')).rejects.toMatchObject({ kind: 'notfound' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test('getDocument: an outage is not turned into a fallback', async () => {
    const fetchImpl = fakeFetch(() => ({ throws: new TypeError('down') }));
    const api = createApi({ apiUrl: 'http://api', fetchImpl });
    await expect(api.getDocument('d', 'en')).rejects.toMatchObject({ kind: 'unavailable' });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  test('listUnits', async () => {
    const fetchImpl = fakeFetch(() => ({ body: { data: [{ nama: 'Sekretariat' }], meta: {} } }));
    const api = createApi({ apiUrl: 'http://api', fetchImpl });
    await expect(api.listUnits()).resolves.toEqual([{ nama: 'Sekretariat' }]);
    expect(decodeURIComponent(fetchImpl.mock.calls[0][0])).toBe('http://api/api/bidangs?pagination[pageSize]=100&sort=nama');
  });
});
