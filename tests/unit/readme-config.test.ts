import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function filesUnder(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'tests') return [];
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(rel) : /\.(ts|js|tsx)$/.test(entry.name) ? [path.join(ROOT, rel)] : [];
  });
}

/** Every environment variable the running code reads (config, server code, scripts, site). */
function variablesReadByCode(): Set<string> {
  const names = new Set<string>();
  const sources = ['config', 'src', 'scripts', 'site/src', 'site/server', 'site/integrations', 'site/bench', 'site/astro.config.ts', 'bench'].flatMap(filesUnder);
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\benv(?:\.(?:int|bool|float|array|json))?\(\s*'([A-Z][A-Z0-9_]+)'/g)) names.add(m[1]);
    for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
    for (const m of text.matchAll(/process\.env\[\s*'([A-Z][A-Z0-9_]+)'\s*\]/g)) names.add(m[1]);
  }
  // Set by tools around us, not configuration a person chooses.
  for (const ignored of ['CI', 'HOME', 'PATH', 'BROWSER', 'STRAPI_DISABLE_UPDATE_NOTIFICATION', 'JEST_WORKER_ID']) names.delete(ignored);
  return names;
}

test('the README configuration table names every environment variable the code reads', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Adding a content type'));
  const missing = [...variablesReadByCode()].filter((name) => !table.includes(`\`${name}\``)).sort();
  expect(missing).toEqual([]);
});
