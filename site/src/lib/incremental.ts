/**
 * The build-time side of src/lib/reuse.ts, used by getStaticPaths: reads the previous build's
 * manifest (PPID_SITE_PREVIOUS, set by the rebuild service to the live build) and hands the plan
 * to integrations/reuse.ts through the file named in PPID_SITE_REUSE_PLAN (set by that
 * integration in the same process). Without them (a plain `astro build`): every page is rendered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest, planReuse } from './reuse';
import type { SitePage } from './site';

export const MANIFEST_FILE = '_ppid/manifest.json';

export function planFromEnvironment(pages: SitePage[], apiUrl: string): SitePage[] {
  const planFile = process.env.PPID_SITE_REUSE_PLAN;
  const template = process.env.PPID_SITE_TEMPLATE;
  if (!planFile || !template) return pages;
  const previousDir = process.env.PPID_SITE_PREVIOUS;
  let previous = null;
  if (previousDir) {
    try {
      previous = parseManifest(readFileSync(path.join(previousDir, MANIFEST_FILE), 'utf8'));
    } catch {
      previous = null;
    }
  }
  const plan = planReuse(pages, template, apiUrl, previous);
  writeFileSync(planFile, JSON.stringify({ previousDir: previous ? previousDir : null, reuse: plan.reuse, manifest: plan.manifest }));
  return plan.render;
}
