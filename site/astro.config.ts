import { defineConfig } from 'astro/config';
import { reuseIntegration } from './integrations/reuse';

/**
 * Static output only: every page is HTML at build time, no server, no client framework.
 * - Stylesheets are always files (never inlined) and processed scripts too, so the pages' CSP
 *   needs no 'unsafe-inline'.
 * - Nothing is fetched from the network but the CMS (no fonts, no telemetry: ASTRO_TELEMETRY_DISABLED).
 * - Unchanged detail pages are taken from the live build when the rebuild service names it, and
 *   the Pagefind index (integrations/pagefind.ts) is built from the reused and the rendered detail
 *   pages (integrations/reuse.ts runs both).
 */
export default defineConfig({
  output: 'static',
  // The public address of the site (PPID_SITE_URL), for canonical and hreflang links; unset = none.
  site: process.env.PPID_SITE_URL || undefined,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [reuseIntegration()],
});
