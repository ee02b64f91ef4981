import { createHash } from 'node:crypto';
import { copyFile, link, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { MANIFEST_FILE } from '../src/lib/incremental';

const SITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

/**
 * Incremental rebuilds (see src/lib/reuse.ts): before the build, names the plan file and the
 * template fingerprint for getStaticPaths; after it, links the reused detail pages in from the
 * previous build (hard links, or copies across file systems) and writes the new manifest. Runs
 * before the Pagefind integration, so the index covers every page.
 */
export function reuseIntegration(): AstroIntegration {
  const planFile = path.join(os.tmpdir(), `ppid-reuse-${process.pid}-${Date.now()}.json`);
  return {
    name: 'ppid-reuse',
    hooks: {
      'astro:config:done': async () => {
        process.env.PPID_SITE_TEMPLATE = await templateFingerprint();
        process.env.PPID_SITE_REUSE_PLAN = planFile;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        let plan: { previousDir: string | null; reuse: string[]; manifest: unknown };
        try {
          plan = JSON.parse(await readFile(planFile, 'utf8'));
        } catch {
          return; // no catch-all route rendered (should not happen): nothing to reuse, no manifest
        } finally {
          await rm(planFile, { force: true });
        }
        if (plan.reuse.length && plan.previousDir) {
          for (const pagePath of plan.reuse) {
            const rel = path.join(pagePath, 'index.html');
            const target = path.join(outDir, rel);
            await mkdir(path.dirname(target), { recursive: true });
            // A missing file in the previous build fails the build: never a hole in the site.
            await link(path.join(plan.previousDir, rel), target).catch(() => copyFile(path.join(plan.previousDir!, rel), target));
          }
          logger.info(`reused ${plan.reuse.length} unchanged pages from the previous build`);
        }
        await mkdir(path.join(outDir, path.dirname(MANIFEST_FILE)), { recursive: true });
        await writeFile(path.join(outDir, MANIFEST_FILE), JSON.stringify(plan.manifest));
      },
    },
  };
}
