// Pagination model: which page links to show, independent of how they are drawn.

/**
 * @typedef {{ type: 'page', page: number, current: boolean } | { type: 'gap' }} PageItem
 * @typedef {{ page: number, pageCount: number, prev: number|null, next: number|null, items: PageItem[] }} PaginationModel
 */

/**
 * First and last page, the current page and `siblings` pages either side of it; a run of
 * skipped pages becomes one gap, except that a gap of a single page shows that page instead.
 * @param {{ page: number, pageCount: number, siblings?: number }} options
 * @returns {PaginationModel}
 */
export function paginationModel({ page, pageCount, siblings = 1 }) {
  const count = Math.max(0, Math.floor(Number(pageCount) || 0));
  const current = Math.min(Math.max(1, Math.floor(Number(page) || 1)), Math.max(count, 1));
  if (count <= 1) return { page: current, pageCount: count, prev: null, next: null, items: [] };

  const shown = new Set([1, count]);
  for (let p = current - siblings; p <= current + siblings; p += 1) if (p >= 1 && p <= count) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);

  /** @type {PageItem[]} */
  const items = [];
  let previous = 0;
  for (const p of sorted) {
    if (p - previous === 2) items.push({ type: 'page', page: p - 1, current: false });
    else if (p - previous > 2) items.push({ type: 'gap' });
    items.push({ type: 'page', page: p, current: p === current });
    previous = p;
  }
  return {
    page: current,
    pageCount: count,
    prev: current > 1 ? current - 1 : null,
    next: current < count ? current + 1 : null,
    items,
  };
}

/**
 * Position of the shown entries in the whole result, 1-based; {from: 0, to: 0} when empty.
 * @param {{ page: number, pageSize: number, total: number, shown: number }} options
 */
export function resultRange({ page, pageSize, total, shown }) {
  if (!total || !shown) return { from: 0, to: 0 };
  const from = (page - 1) * pageSize + 1;
  return { from, to: Math.min(total, from + shown - 1) };
}
