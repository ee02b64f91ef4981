/** Splitting lists into pages and choosing which page links to show. Pure. */

export const PAGE_SIZE = 20;

export interface Page<T> {
  items: T[];
  page: number; // 1-based
  pageCount: number;
  total: number;
  from: number; // 1-based index of the first item, 0 when empty
  to: number;
}

/** Every page of a list; an empty list still has one (empty) page, so its URL exists. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const pageCount = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: pageCount }, (_, i) => {
    const slice = items.slice(i * size, (i + 1) * size);
    return {
      items: slice,
      page: i + 1,
      pageCount,
      total: items.length,
      from: slice.length ? i * size + 1 : 0,
      to: i * size + slice.length,
    };
  });
}

/**
 * Page numbers to link, with null for a gap: always the first and last page and `radius` pages
 * on each side of the current one. A gap of one page is shown as that page instead.
 */
export function pageLinks(page: number, pageCount: number, radius = 1): (number | null)[] {
  if (pageCount <= 1) return [1];
  const wanted = new Set<number>([1, pageCount]);
  for (let p = page - radius; p <= page + radius; p += 1) if (p >= 1 && p <= pageCount) wanted.add(p);
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev === 2) out.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) out.push(null);
    out.push(p);
  });
  return out;
}
