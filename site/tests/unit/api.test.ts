import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { ApiError, dipListPath, fetchAllPages, fetchSingle, normaliseApiUrl, queryString } from '../../src/lib/api.ts';

test('the CMS URL is validated and normalised', () => {
  assert.equal(normaliseApiUrl(undefined), 'http://127.0.0.1:1337');
  assert.equal(normaliseApiUrl(' https://cms.example.go.id/ '), 'https://cms.example.go.id');
  assert.throws(() => normaliseApiUrl('ftp://x'), /http/);
  assert.throws(() => normaliseApiUrl('http://u:p@x'), /plain/);
  assert.throws(() => normaliseApiUrl('nope'), /not a URL/);
});

test('query strings use bracket notation and encode values', () => {
  assert.equal(queryString({ 'filters[nomor][$eq]': 'a b&c' }), 'filters[nomor][%24eq]=a%20b%26c');
  assert.match(dipListPath('en', 3), /^\/api\/dip-documents\?locale=en&sort\[0\]=nomor%3Aasc&pagination\[page\]=3&pagination\[pageSize\]=100/);
});

test('all pages of a list are read; errors name the URL; a missing single type is null', async () => {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/api/list') {
      const page = Number(url.searchParams.get('page'));
      res.end(JSON.stringify({ data: [page * 10, page * 10 + 1], meta: { pagination: { pageCount: 3 } } }));
    } else if (url.pathname === '/api/profil-ppid') {
      res.writeHead(404).end('{}');
    } else {
      res.writeHead(500).end('boom');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    assert.deepEqual(await fetchAllPages(base, (p) => `/api/list?page=${p}`, 2), [10, 11, 20, 21, 30, 31]);
    assert.equal(await fetchSingle(base, '/api/profil-ppid'), null);
    await assert.rejects(fetchAllPages(base, () => '/api/broken'), (e: unknown) => e instanceof ApiError && /500 for http/.test(e.message));
  } finally {
    server.close();
  }
  await assert.rejects(fetchSingle('http://127.0.0.1:1', '/api/x'), /unreachable/);
});
