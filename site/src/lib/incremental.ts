/**
 * The build-time side of src/lib/reuse.ts, used by getStaticPaths: reads the previous build's
 * manifest (PPID_SITE_PREVIOUS, set by the rebuild service to the live build) and hands the plan
 * to integrations/reuse.ts through the file named in PPID_SITE_REUSE_PLAN (set by that
 * integration in the same process), and at once through the function it puts on globalThis under
 * PLAN_HOOK, which starts linking and indexing the reused pages while Astro renders the others.
 * Without them (a plain `astro build`): every page is rendered.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest, planReuse, type Manifest } from './reuse';
import type { SitePage } from './site';

export const MANIFEST_FILE = '_ppid/manifest.json';
/** Timings of the build's phases (seconds from its start) and page counts; read by the bench. */
export const BUILD_INFO_FILE = '_ppid/build.json';
export const PLAN_HOOK = '__ppidReusePlanned';
/** Called once when the first page that is not a detail page renders (see `pageRendering`). */
export const DETAILS_HOOK = '__ppidDetailsRendered';

export interface ReusePlan {
  previousDir: string | null;
  /** paths of the pages taken from previousDir */
  reuse: string[];
  /** how many pages Astro renders */
  render: number;
  /** paths of the detail pages Astro renders (before every other page) */
  details: string[];
  manifest: Manifest;
}

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
  // Detail pages first: Astro renders the paths in this order, one at a time, so once another
  // page renders, every detail page is written and the search index can be finished while the
  // list pages render (integrations/reuse.ts).
  const render = [...plan.render.filter((p) => p.data.kind === 'detail'), ...plan.render.filter((p) => p.data.kind !== 'detail')];
  const details = render.filter((p) => p.data.kind === 'detail').map((p) => p.path);
  const out: ReusePlan = { previousDir: previous ? previousDir! : null, reuse: plan.reuse, render: render.length, details, manifest: plan.manifest };
  writeFileSync(planFile, JSON.stringify(out));
  const hook = (globalThis as Record<string, unknown>)[PLAN_HOOK];
  if (typeof hook === 'function') hook(out);
  detailsAnnounced = false;
  return render;
}

let detailsAnnounced = false;

/** Called by the page route for every page it renders; tells integrations/reuse.ts when the detail pages are done. */
export function pageRendering(kind: string): void {
  if (kind === 'detail' || detailsAnnounced) return;
  detailsAnnounced = true;
  const hook = (globalThis as Record<string, unknown>)[DETAILS_HOOK];
  if (typeof hook === 'function') hook();
}
