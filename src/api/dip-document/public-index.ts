import type { IndexSpec } from '../../db/indexes';

/**
 * The index behind the public DIP list (the site's pages, the REST API's readers): only published
 * rows (a partial index: drafts, half the table, are not in it), in the list's order (`nomor`),
 * carrying the columns every public query filters on (`locale`; `kategori`, which the exemption
 * rule reads on every public query; `tahun`). A page is read in index order and stops at its last
 * row instead of sorting the locale's rows, and the count of a filtered list is answered from the
 * index alone. Plain Strapi has no such index: bench/README.md shows what it changes.
 *
 * The column order depends on the planner:
 * - SQLite (3.50, no statistics unless someone runs ANALYZE, and even with them) plans every query
 *   with `locale = ?` through an index that starts with `locale`, including a title search in id
 *   order, which a plain scan answers by stopping at its tenth match (40× slower through the
 *   index, measured on 10,000 documents). With `nomor` first it scans the index in list order for
 *   the lists and leaves the search to the table scan.
 * - PostgreSQL keeps statistics itself and weighs the LIMIT, so `locale` first (an equality on the
 *   leading column) serves the lists and counts directly, and it still reads a search through the
 *   primary key.
 */
export function publicDipListIndex(client: string): IndexSpec {
  const postgres = client === 'postgres' || client === 'pg';
  return {
    name: 'public_list_idx',
    attributes: postgres ? ['locale', 'nomor', 'kategori', 'tahun'] : ['nomor', 'locale', 'kategori', 'tahun'],
    whereNotNull: 'publishedAt',
  };
}
