// A stand-in for the Strapi public REST API on a loopback port, serving the fixtures. It reads
// the same bracket-notation query Strapi reads (locale, populate, filters, sort, pagination)
// closely enough for the browser tests, answers 404 like Strapi for unknown documentIds, and
// can be switched "down" (connections are dropped, as when the CMS is unreachable).

import http from 'node:http';
import { DOCUMENTS, UNITS } from './fixtures.js';

/**
 * Turn `a[b][0][c]=v` pairs into nested objects (arrays kept as objects keyed by index).
 * @param {URLSearchParams} params
 */
export function parseBrackets(params) {
  /** @type {Record<string, any>} */
  const root = {};
  for (const [key, value] of params) {
    const parts = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else node = node[part] ??= {};
    });
  }
  return root;
}

/** @param {any} doc @param {any} filters */
function matches(doc, filters = {}) {
  if (filters.kategori?.$eq && doc.kategori !== filters.kategori.$eq) return false;
  if (filters.tahun?.$eq && String(doc.tahun) !== String(filters.tahun.$eq)) return false;
  if (filters.unit?.documentId?.$eq && doc.unitId !== filters.unit.documentId.$eq) return false;
  if (filters.$or) {
    const ors = Object.values(filters.$or);
    const hit = ors.some((clause) =>
      Object.entries(clause).some(([field, cond]) =>
        String(doc[field] ?? '').toLowerCase().includes(String(/** @type {any} */ (cond).$containsi ?? '').toLowerCase())));
    if (!hit) return false;
  }
  return true;
}

/** Public shape of a document, with relations only when populated. @param {any} doc @param {any} populate */
function present(doc, populate = {}) {
  const { unitId, berkas, ...fields } = doc;
  const out = { ...fields };
  if (populate.unit) {
    const unit = UNITS.find((u) => u.documentId === unitId);
    out.unit = unit ? { id: unit.id, documentId: unit.documentId, nama: unit.nama } : null;
  }
  if (populate.berkas) out.berkas = berkas;
  return out;
}

/**
 * @param {{ allowOrigin?: string }} [options]
 */
export async function startStubApi({ allowOrigin = '*' } = {}) {
  let down = false;
  /** @type {URL[]} */
  const requests = [];

  const server = http.createServer((req, res) => {
    if (down) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://stub');
    requests.push(url);
    const json = (/** @type {number} */ status, /** @type {any} */ body) => {
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'Access-Control-Allow-Origin': allowOrigin,
        Vary: 'Origin',
      });
      res.end(JSON.stringify(body));
    };
    const notFound = () => json(404, { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found', details: {} } });
    if (req.method !== 'GET') {
      json(405, { data: null, error: { status: 405, name: 'MethodNotAllowedError', message: 'Method Not Allowed' } });
      return;
    }
    const q = parseBrackets(url.searchParams);
    const locale = q.locale ?? 'id';

    if (url.pathname === '/api/bidangs') {
      const data = [...UNITS].sort((a, b) => a.nama.localeCompare(b.nama));
      json(200, { data, meta: { pagination: { page: 1, pageSize: 100, pageCount: 1, total: data.length } } });
      return;
    }
    if (url.pathname === '/api/dip-documents') {
      const page = Math.max(1, Number(q.pagination?.page ?? 1));
      const pageSize = Math.min(100, Math.max(1, Number(q.pagination?.pageSize ?? 25)));
      const all = DOCUMENTS.filter((d) => d.locale === locale && matches(d, q.filters))
        .sort((a, b) => b.tahun - a.tahun || a.nomor.localeCompare(b.nomor));
      const data = all.slice((page - 1) * pageSize, page * pageSize).map((d) => present(d, q.populate));
      json(200, { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(all.length / pageSize), total: all.length } } });
      return;
    }
    const one = /^\/api\/dip-documents\/([^/]+)$/.exec(url.pathname);
    if (one) {
      const doc = DOCUMENTS.find((d) => d.documentId === decodeURIComponent(one[1]) && d.locale === locale);
      if (doc) json(200, { data: present(doc, q.populate), meta: {} });
      else notFound();
      return;
    }
    notFound();
  });

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** @param {boolean} value */
    setDown(value) {
      down = value;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
