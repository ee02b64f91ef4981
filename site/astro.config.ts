import { defineConfig } from 'astro/config';
import { pagefindIntegration } from './integrations/pagefind';

/**
 * Static output only: every page is HTML at build time, no server, no client framework.
 * - Stylesheets are always files (never inlined) and processed scripts too, so the pages' CSP
 *   needs no 'unsafe-inline'.
 * - Nothing is fetched from the network but the CMS (no fonts, no telemetry: ASTRO_TELEMETRY_DISABLED).
 * - The Pagefind index is written into the output after the build (integrations/pagefind.ts).
 */
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [pagefindIntegration()],
});
