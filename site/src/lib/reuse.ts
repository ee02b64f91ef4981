/**
 * Incremental rebuilds: a detail page whose content and template are unchanged since the live
 * build is not rendered again but taken from that build. Pure planning here; the file work is in
 * integrations/reuse.ts and src/lib/incremental.ts.
 *
 * Safe by construction: a page is reused only when the previous build's manifest records the
 * same key for the same path, and the key is the SHA-256 of everything the page shows (the entry
 * in that language, the CMS URL its file links use) plus a fingerprint of the templates, styles
 * and dependencies (any change to the code makes every key differ: a full build).
 */
import { createHash } from 'node:crypto';
import type { SitePage } from './site';

export interface Manifest {
  version: 1;
  template: string;
  pages: Record<string, string>;
}

export function pageKey(template: string, apiUrl: string, page: SitePage): string | null {
  if (page.data.kind !== 'detail') return null; // list pages shift with every change: always rendered
  return createHash('sha256').update(JSON.stringify([template, apiUrl, page.path, page.data])).digest('hex');
}

export function parseManifest(text: string | null): Manifest | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text);
    return m && m.version === 1 && typeof m.template === 'string' && m.pages && typeof m.pages === 'object' ? m : null;
  } catch {
    return null;
  }
}

/** Which pages to render and which to take from the previous build; and the new manifest. */
export function planReuse(pages: SitePage[], template: string, apiUrl: string, previous: Manifest | null) {
  const manifest: Manifest = { version: 1, template, pages: {} };
  const render: SitePage[] = [];
  const reuse: string[] = [];
  for (const page of pages) {
    const key = pageKey(template, apiUrl, page);
    if (key) manifest.pages[page.path] = key;
    if (key && previous && previous.template === template && previous.pages[page.path] === key) reuse.push(page.path);
    else render.push(page);
  }
  return { render, reuse, manifest };
}
