import { describe, expect, test } from '@jest/globals';
import { paginationModel, resultRange } from '../../src/js/lib/pagination.js';

const draw = (model) => model.items.map((i) => (i.type === 'gap' ? '…' : i.current ? `[${i.page}]` : String(i.page))).join(' ');

describe('paginationModel', () => {
  test('no links for zero or one page', () => {
    expect(paginationModel({ page: 1, pageCount: 0 })).toMatchObject({ items: [], prev: null, next: null });
    expect(paginationModel({ page: 1, pageCount: 1 }).items).toEqual([]);
  });

  test('small counts show every page', () => {
    expect(draw(paginationModel({ page: 1, pageCount: 3 }))).toBe('[1] 2 3');
    expect(draw(paginationModel({ page: 3, pageCount: 5 }))).toBe('1 2 [3] 4 5');
  });

  test('long ranges collapse into gaps around the current page', () => {
    expect(draw(paginationModel({ page: 1, pageCount: 10 }))).toBe('[1] 2 … 10');
    expect(draw(paginationModel({ page: 5, pageCount: 10 }))).toBe('1 … 4 [5] 6 … 10');
    expect(draw(paginationModel({ page: 10, pageCount: 10 }))).toBe('1 … 9 [10]');
  });

  test('a gap of one page shows the page instead', () => {
    expect(draw(paginationModel({ page: 4, pageCount: 10 }))).toBe('1 2 3 [4] 5 … 10');
  });

  test('previous and next', () => {
    expect(paginationModel({ page: 1, pageCount: 3 })).toMatchObject({ prev: null, next: 2 });
    expect(paginationModel({ page: 2, pageCount: 3 })).toMatchObject({ prev: 1, next: 3 });
    expect(paginationModel({ page: 3, pageCount: 3 })).toMatchObject({ prev: 2, next: null });
  });

  test('clamps a page past the end', () => {
    expect(paginationModel({ page: 9, pageCount: 3 })).toMatchObject({ page: 3, next: null, prev: 2 });
  });
});

test('resultRange', () => {
  expect(resultRange({ page: 1, pageSize: 10, total: 23, shown: 10 })).toEqual({ from: 1, to: 10 });
  expect(resultRange({ page: 3, pageSize: 10, total: 23, shown: 3 })).toEqual({ from: 21, to: 23 });
  expect(resultRange({ page: 1, pageSize: 10, total: 0, shown: 0 })).toEqual({ from: 0, to: 0 });
});
