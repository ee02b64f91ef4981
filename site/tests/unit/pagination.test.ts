import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageLinks, paginate } from '../../src/lib/pagination.ts';

test('paginate splits a list and numbers it from 1', () => {
  const pages = paginate(Array.from({ length: 45 }, (_, i) => i), 20);
  assert.equal(pages.length, 3);
  assert.deepEqual(pages.map((p) => [p.page, p.from, p.to, p.items.length, p.pageCount, p.total]), [
    [1, 1, 20, 20, 3, 45],
    [2, 21, 40, 20, 3, 45],
    [3, 41, 45, 5, 3, 45],
  ]);
});

test('an empty list still has one empty page', () => {
  assert.deepEqual(paginate([], 20).map((p) => [p.page, p.from, p.to, p.pageCount]), [[1, 0, 0, 1]]);
  assert.throws(() => paginate([1], 0));
});

test('page links: first, last, neighbours, gaps; a one-page gap is shown as the page', () => {
  assert.deepEqual(pageLinks(1, 1), [1]);
  assert.deepEqual(pageLinks(1, 3), [1, 2, 3]);
  assert.deepEqual(pageLinks(5, 10), [1, null, 4, 5, 6, null, 10]);
  assert.deepEqual(pageLinks(3, 10), [1, 2, 3, 4, null, 10]);
  assert.deepEqual(pageLinks(10, 10), [1, null, 9, 10]);
});
