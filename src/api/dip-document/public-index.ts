import type { IndexSpec } from '../../db/indexes';

/**
 * The index behind the public DIP list (the site's pages, the REST API's readers): only published
 * rows (a partial index: drafts, half the table, are not in it), by locale and in the list's order
 * (`nomor`), carrying the two columns the public filters use most (`kategori`, which the exemption
 * rule reads on every public query, and `tahun`). A page is read in index order without sorting
 * the locale's rows, and the count of a filtered list is answered from the index alone.
 * Plain Strapi has no such index: bench/README.md shows what it changes.
 */
export const PUBLIC_DIP_LIST_INDEX: IndexSpec = {
  name: 'public_list_idx',
  attributes: ['locale', 'nomor', 'kategori', 'tahun'],
  whereNotNull: 'publishedAt',
};
