import { createHash } from 'node:crypto';
import { access, copyFile, link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_INFO_FILE, DETAILS_HOOK, MANIFEST_FILE, PLAN_HOOK, type ReusePlan } from '../src/lib/incremental';
import { SearchIndex } from './pagefind';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where reused pages wait (inside the build directory, so a failed build removes them too). */
const STAGING = '_ppid/staging';
/** Where the search index is written while the list pages render; moved to pagefind/ at the end. */
const INDEX_NEXT = '_ppid/pagefind-next';

/** A fingerprint of everything that shapes a page besides its content: code, styles, dependencies. */
async function templateFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const files: string[] = [];
  for (const dir of ['src', 'public', 'integrations']) {
    for (const f of await readdir(path.join(SITE_DIR, dir), { recursive: true, withFileTypes: true })) {
      if (f.isFile()) files.push(path.join(f.parentPath ?? (f as any).path, f.name));
    }
  }
  files.push(path.join(SITE_DIR, 'astro.config.ts'), path.join(SITE_DIR, 'package-lock.json'));
  for (const file of files.sort()) {
    hash.update(path.relative(SITE_DIR, file));
    hash.update(await readFile(file));
  }
  return hash.digest('hex');
}

/** Run `fn` over `items`, `limit` at a time. */
async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Hard-link (or copy, across file systems) one page of the previous build to `toDir`. A missing file fails the build: never a hole in the site. */
async function linkPage(fromDir: string, toDir: string, pagePath: string): Promise<void> {
  const rel = path.join(pagePath, 'index.html');
  const target = path.join(toDir, rel);
  await mkdir(path.dirname(target), { recursive: true });
  await link(path.join(fromDir, rel), target).catch(() => copyFile(path.join(fromDir, rel), target));
}

/**
 * Incremental rebuilds (see src/lib/reuse.ts) and the search index, in this order:
 * 1. before the build: the template fingerprint and the plan file for getStaticPaths;
 * 2. as soon as getStaticPaths has planned (PLAN_HOOK): the unchanged detail pages are linked from
 *    the live build into a staging directory and Pagefind starts indexing them, while Astro
 *    renders the changed pages (Pagefind is a separate process: the second core works);
 * 3. Astro renders the detail pages first (src/lib/incremental.ts); when the first other page
 *    renders (DETAILS_HOOK), every rendered detail page is on disk (Astro writes each page before
 *    rendering the next: build.concurrency 1), so Pagefind adds them and writes the index while
 *    the list pages render;
 * 4. after the build: the staged pages move into place, the index moves to pagefind/, the
 *    manifest is written. Whatever step 3 did not do (no page after the details, or
 *    build.concurrency > 1) is done here.
 */
export function reuseIntegration(): AstroIntegration {
  const planFile = path.join(os.tmpdir(), `ppid-reuse-${process.pid}-${Date.now()}.json`);
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  const info: Record<string, number> = {};
  let outDir = '';
  let sequential = true;
  let planned: ReusePlan | null = null;
  let early: Promise<SearchIndex> | null = null;
  let written: Promise<number> | null = null;

  const stage = (plan: ReusePlan) => {
    planned = plan;
    info.plannedAt = seconds();
    info.rendered = plan.render;
    info.reused = plan.reuse.length;
    if (!plan.reuse.length || !plan.previousDir) return;
    const staging = path.join(outDir, STAGING);
    early = (async () => {
      await eachLimit(plan.reuse, 32, (p) => linkPage(plan.previousDir!, staging, p));
      info.stagedAt = seconds();
      const index = await SearchIndex.create();
      index.add(staging);
      return index;
    })();
    early.catch(() => {}); // reported at build:done
  };

  /** Every detail page is rendered: finish the index now, beside the list pages' rendering. */
  const detailsRendered = () => {
    const plan = planned;
    if (!plan || !sequential || written) return;
    info.detailsAt = seconds();
    written = (async () => {
      // Never index a page that is not completely there: check them all first.
      await Promise.all(plan.details.map((p) => access(path.join(outDir, p, 'index.html'))));
      const index = (await early) ?? (await SearchIndex.create());
      index.add(outDir); // the rendered detail pages (the staged ones are outside DETAIL_GLOB)
      const pages = await index.settled();
      info.indexedAt = seconds();
      await index.write(path.join(outDir, INDEX_NEXT));
      info.writtenAt = seconds();
      return pages;
    })();
    written.catch(() => {}); // reported at build:done
  };

  return {
    name: 'ppid-reuse',
    hooks: {
      'astro:config:done': async ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        sequential = (config.build.concurrency ?? 1) <= 1;
        (globalThis as Record<string, unknown>)[DETAILS_HOOK] = detailsRendered;
        process.env.PPID_SITE_TEMPLATE = await templateFingerprint();
        process.env.PPID_SITE_REUSE_PLAN = planFile;
        (globalThis as Record<string, unknown>)[PLAN_HOOK] = stage;
      },
      'astro:build:done': async ({ dir, logger }) => {
        outDir = fileURLToPath(dir);
        info.renderedAt = seconds();
        let plan: ReusePlan | null = null;
        try {
          plan = JSON.parse(await readFile(planFile, 'utf8'));
        } catch {
          plan = null; // no catch-all route rendered (should not happen): nothing reused, no manifest
        } finally {
          await rm(planFile, { force: true });
        }
        try {
          let pages: number;
          if (written) {
            pages = await written;
            await rename(path.join(outDir, INDEX_NEXT, 'pagefind'), path.join(outDir, 'pagefind'));
            await rm(path.join(outDir, INDEX_NEXT), { recursive: true, force: true });
          } else {
            const index = (await early) ?? (await SearchIndex.create());
            index.add(outDir);
            pages = await index.write(outDir); // from memory: the staged pages need not be in place
            info.indexedAt = info.writtenAt = seconds();
          }
          if (plan?.reuse.length && plan.previousDir) {
            const staging = path.join(outDir, STAGING);
            await eachLimit(plan.reuse, 32, async (p) => {
              const target = path.join(outDir, p);
              await mkdir(path.dirname(target), { recursive: true });
              await rename(path.join(staging, p), target);
            });
            await rm(staging, { recursive: true, force: true });
            logger.info(`reused ${plan.reuse.length} unchanged pages from the previous build`);
          }
          logger.info(`search index: ${pages} pages`);
        } finally {
          await SearchIndex.close();
        }
        await mkdir(path.join(outDir, path.dirname(MANIFEST_FILE)), { recursive: true });
        if (plan) await writeFile(path.join(outDir, MANIFEST_FILE), JSON.stringify(plan.manifest));
        const read = (globalThis as Record<string, unknown>).__ppidReadStats;
        await writeFile(path.join(outDir, BUILD_INFO_FILE), JSON.stringify({ ...info, doneAt: seconds(), read }));
      },
    },
  };
}
