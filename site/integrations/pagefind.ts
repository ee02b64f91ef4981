import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Writes the static search index (Pagefind) into the build output once Astro has written the
 * pages: one index per language (from <html lang>), built from the detail pages only
 * (data-pagefind-body), with the filters kategori, unit and tahun. A failure fails the build.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'ppid-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
        try {
          const added = await index.addDirectory({ path: outDir });
          if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${outDir.replace(/\/$/, '')}/pagefind` });
          if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
