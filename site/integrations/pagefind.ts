import * as pagefind from 'pagefind';

/**
 * The static search index (Pagefind): one index per language (from <html lang>), built from the
 * detail pages only (the only pages with data-pagefind-body), with the filters kategori, unit and
 * tahun. Only the detail pages are read (DETAIL_GLOB): list pages carry no indexed content, and
 * reading the ~4,000 list pages of a 10k site doubled the indexing time.
 *
 * `SearchIndex` lets the build index several directories: the rebuild starts indexing the detail
 * pages it reuses from the live build while Astro still renders the rest (integrations/reuse.ts),
 * so Pagefind (a separate process) works in parallel with the rendering. A failure fails the build.
 * Written once Astro has written the pages (the `astro:build:done` hook of integrations/reuse.ts).
 */
export const DETAIL_GLOB = '{dokumen,en/dokumen}/*/index.html';

export class SearchIndex {
  private pending: Promise<number>[] = [];

  private constructor(private readonly index: pagefind.PagefindIndex) {}

  static async create(): Promise<SearchIndex> {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    return new SearchIndex(index);
  }

  /**
   * Index the detail pages under `dir` (URLs relative to it) after the directories given before
   * (one at a time, so the order of the pages in the index does not depend on timing);
   * resolves with the page count.
   */
  add(dir: string): Promise<number> {
    const previous = this.pending.at(-1) ?? Promise.resolve(0);
    const job = previous.then(() => this.index.addDirectory({ path: dir, glob: DETAIL_GLOB })).then((added) => {
      if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
      return added.page_count;
    });
    // Never an unhandled rejection while the build goes on; the error surfaces in settled().
    job.catch(() => {});
    this.pending.push(job);
    return job;
  }

  /** Wait until every directory given to add() is indexed; resolves with the page count. */
  async settled(): Promise<number> {
    return (await Promise.all(this.pending)).reduce((s, n) => s + n, 0);
  }

  /** Wait for every directory, then write the index to outDir/pagefind; resolves with the page count. */
  async write(outDir: string): Promise<number> {
    const pages = await this.settled();
    const written = await this.index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return pages;
  }

  static async close(): Promise<void> {
    await pagefind.close();
  }
}
