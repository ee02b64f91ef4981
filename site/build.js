#!/usr/bin/env node
// Build the static site: src/ -> dist/.
// - Each page = src/layout.html + src/pages/<page>.html, with the Indonesian labels filled in
//   from the same dictionary the browser uses (src/js/lib/i18n.js), so the HTML reads well
//   before any script runs and the two can never drift apart.
// - CSS, JS modules and the favicon are copied as they are (no bundler).
// - dist/config.js (for the browser) and dist/config.json (for serve.js's CSP) carry the API
//   origin from PPID_API_URL.
// Usage: node build.js [--out DIR]   (PPID_API_URL=http://127.0.0.1:1337 by default)

import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { messages } from './src/js/lib/i18n.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SRC = path.join(here, 'src');
export const DEFAULT_OUT = path.join(here, 'dist');
export const DEFAULT_API_URL = 'http://127.0.0.1:1337';

/** The pages: output file, content fragment, title key, script, highlighted menu entry. */
export const PAGES = [
  { file: 'index.html', titleKey: 'title.home', script: 'home', nav: 'home' },
  { file: 'informasi.html', titleKey: 'title.list', script: 'list', nav: 'list' },
  { file: 'dokumen.html', titleKey: 'title.detail', script: 'detail', nav: 'list', navCurrent: 'true' },
  { file: 'unit.html', titleKey: 'title.units', script: 'units', nav: 'units' },
  // Served by serve.js for any unknown path, so its links and assets are root-absolute.
  { file: '404.html', titleKey: 'title.notFound', script: 'notfound', nav: null, base: '/' },
];

/** @param {string} text */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Validate and normalise the API URL: http(s), no credentials, no query; trailing '/' removed.
 * @param {string|undefined} value
 */
export function normaliseApiUrl(value) {
  const raw = (value ?? '').trim() || DEFAULT_API_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PPID_API_URL is not a URL: "${raw}" (expected e.g. ${DEFAULT_API_URL})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PPID_API_URL must start with http:// or https://, got "${raw}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`PPID_API_URL must be a plain origin or base path, got "${raw}"`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * Fill `data-i18n` elements (empty in the source) with their Indonesian text and set the
 * attributes named in `data-i18n-attr`. Throws on a key missing from the dictionary.
 * @param {string} html @param {Record<string, string>} dict
 */
export function fillLabels(html, dict) {
  const lookup = (/** @type {string} */ key) => {
    if (!Object.prototype.hasOwnProperty.call(dict, key)) throw new Error(`Unknown label key "${key}"`);
    return dict[key];
  };
  return html.replace(/<([a-zA-Z][\w-]*)(\s[^<>]*?)?(\/?)>(<\/\1>)?/g, (whole, tag, attrs = '', selfClose, close) => {
    if (!attrs.includes('data-i18n')) return whole;
    let newAttrs = attrs;
    const attrSpec = /\sdata-i18n-attr="([^"]*)"/.exec(attrs);
    if (attrSpec) {
      for (const pair of attrSpec[1].split(',')) {
        const [name, key] = pair.split(':').map((part) => part.trim());
        const value = escapeHtml(lookup(key));
        const existing = new RegExp(`\\s${name}="[^"]*"`);
        newAttrs = existing.test(newAttrs)
          ? newAttrs.replace(existing, ` ${name}="${value}"`)
          : `${newAttrs} ${name}="${value}"`;
      }
    }
    const textKey = /\sdata-i18n="([^"]*)"/.exec(attrs);
    if (textKey && close) return `<${tag}${newAttrs}${selfClose}>${escapeHtml(lookup(textKey[1]))}${close}`;
    if (textKey) throw new Error(`<${tag} data-i18n="${textKey[1]}"> must be empty in the source`);
    return `<${tag}${newAttrs}${selfClose}>${close ?? ''}`;
  });
}

/**
 * Render one page.
 * @param {string} layout @param {string} content @param {typeof PAGES[number]} page
 */
export function renderPage(layout, content, page) {
  const base = page.base ?? '';
  let html = layout
    .replaceAll('{{titleKey}}', page.titleKey)
    .replaceAll('{{script}}', page.script)
    .replaceAll('{{base}}', base)
    .replace('{{content}}', content.trim());
  if (page.nav) {
    html = html.replace(`data-nav="${page.nav}"`, `data-nav="${page.nav}" aria-current="${page.navCurrent ?? 'page'}"`);
  }
  return fillLabels(html, messages.id);
}

/**
 * @param {{ outDir?: string, apiUrl?: string }} [options]
 * @returns {Promise<{ outDir: string, apiUrl: string, files: string[] }>}
 */
export async function build({ outDir = DEFAULT_OUT, apiUrl = process.env.PPID_API_URL } = {}) {
  const api = normaliseApiUrl(apiUrl);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const layout = await readFile(path.join(SRC, 'layout.html'), 'utf8');
  const files = [];
  for (const page of PAGES) {
    const content = await readFile(path.join(SRC, 'pages', page.file), 'utf8');
    await writeFile(path.join(outDir, page.file), renderPage(layout, content, page));
    files.push(page.file);
  }
  await cp(path.join(SRC, 'css'), path.join(outDir, 'css'), { recursive: true });
  await cp(path.join(SRC, 'js'), path.join(outDir, 'js'), { recursive: true });
  await cp(path.join(SRC, 'favicon.svg'), path.join(outDir, 'favicon.svg'));
  const config = { apiUrl: api };
  await writeFile(
    path.join(outDir, 'config.js'),
    `// Written by build.js from PPID_API_URL. Do not edit: rebuild instead.\nexport default Object.freeze(${JSON.stringify(config)});\n`,
  );
  await writeFile(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  files.push('css/', 'js/', 'favicon.svg', 'config.js', 'config.json');
  return { outDir, apiUrl: api, files };
}

function parseArgs(argv) {
  const out = argv.indexOf('--out');
  return { outDir: out >= 0 && argv[out + 1] ? path.resolve(argv[out + 1]) : DEFAULT_OUT };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  build(parseArgs(process.argv.slice(2))).then(
    ({ outDir, apiUrl }) => console.log(`Built ${path.relative(process.cwd(), outDir) || '.'} (API ${apiUrl})`),
    (error) => {
      console.error(`build failed: ${error.message}`);
      process.exit(1);
    },
  );
}
