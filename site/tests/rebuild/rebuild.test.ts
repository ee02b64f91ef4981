/**
 * Incremental rebuilds through the production path (server/builder.ts: `astro build` with the
 * live build as PPID_SITE_PREVIOUS, the last read as PPID_SITE_CACHE), against the stand-in of the
 * CMS's REST API: only changed entries are read in full, unchanged detail pages are reused and
 * indexed while the rest renders, yet an entry that was unpublished or made
 * exempt is gone from every page AND from the search index, and an edited entry is found only
 * with its new text. No browser needed; each build takes a few seconds.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import { buildAndSwitch } from '../../server/builder.ts';
import { startStubCms } from '../../bench/stub-cms.ts';
import { BUILD_INFO_FILE } from '../../src/lib/incremental.ts';

const ENTRIES = 24;
let tmp: string;
let stub: Awaited<ReturnType<typeof startStubCms>>;

/** Every file of a build as text; Pagefind's files (gzip) decompressed. */
async function buildText(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of await readdir(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    if (!(await stat(file)).isFile()) continue;
    let body = await readFile(file);
    if (/\.pf_\w+$/.test(rel)) body = zlib.gunzipSync(body);
    out.set(rel, body.toString('latin1'));
  }
  return out;
}

const files = (all: Map<string, string>, re: RegExp) => [...all.entries()].filter(([rel]) => re.test(rel));
const containing = (all: Map<string, string>, needle: string) => [...all.entries()].filter(([, text]) => text.includes(needle)).map(([rel]) => rel);
/** The page URLs the search index can return (one fragment per indexed page). */
const indexedUrls = (all: Map<string, string>) =>
  files(all, /\.pf_fragment$/)
    .map(([, text]) => JSON.parse(text.slice(text.indexOf('{'))).url as string)
    .sort();

before(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-rebuild-'));
  stub = await startStubCms(ENTRIES);
});

after(async () => {
  await stub?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('a rebuild reuses unchanged pages, yet unpublished, exempt and old texts leave every page and the search index', { timeout: 240000 }, async () => {
  const opts = { apiUrl: stub.url, buildsDir: path.join(tmp, 'builds'), liveLink: path.join(tmp, 'live') };
  // Distinct words, so the search index's word lists can be checked too.
  stub.change('doc000001', { judul: 'Dokumen zyxqorbaru yang akan ditarik' });
  stub.change('doc000002', { judul: 'Dokumen wuvkelabu yang akan dikecualikan' });
  stub.change('doc000003', { judul: 'Judul lama qiptorang' });

  const first = await buildAndSwitch(opts);
  const before = await buildText(first.dir);
  assert.equal(indexedUrls(before).length, ENTRIES * 2, 'every detail page of both languages is searchable');
  for (const word of ['zyxqorbaru', 'wuvkelabu', 'qiptorang']) assert.ok(containing(before, word).some((f) => f.endsWith('.pf_index')), `${word} in the word index`);

  stub.unpublish('doc000001');
  stub.change('doc000002', { kategori: 'dikecualikan' }); // the API should never send it; the site drops it anyway
  stub.change('doc000003', { judul: 'Judul baru mobelvarst' });
  const added = stub.publish();
  const second = await buildAndSwitch(opts);
  const info = JSON.parse(await readFile(path.join(second.dir, BUILD_INFO_FILE), 'utf8'));
  assert.equal(info.reused, (ENTRIES - 3) * 2, 'the unchanged detail pages of both languages were reused');
  assert.equal(typeof info.detailsAt, 'number', 'the index was finished as soon as the detail pages were rendered');
  // Only the changed and the new entry were read in full (2 locales); the rest came from the cache.
  assert.deepEqual(info.read, { fullRows: 3 * 2, cachedRows: (ENTRIES - 3) * 2 });
  const { nlink } = await stat(path.join(second.dir, 'dokumen', 'doc000004', 'index.html'));
  assert.ok(nlink >= 2, 'a reused page is a hard link to the previous build');
  const afterText = await buildText(second.dir);

  for (const gone of ['doc000001', 'doc000002', 'zyxqorbaru', 'wuvkelabu', 'qiptorang', 'DIP/00002/', 'DIP/00003/']) {
    assert.deepEqual(containing(afterText, gone), [], `${gone} is nowhere in the new build`);
  }
  const expected = [];
  for (let i = 0; i <= ENTRIES; i += 1) {
    const id = `doc${String(i).padStart(6, '0')}`;
    if (id !== 'doc000001' && id !== 'doc000002') expected.push(`/dokumen/${id}/`, `/en/dokumen/${id}/`);
  }
  assert.deepEqual(indexedUrls(afterText), expected.sort(), 'the search index holds exactly the public detail pages');
  assert.ok(containing(afterText, 'mobelvarst').some((f) => f.endsWith('.pf_index')), 'the edited entry is found by its new text');
  assert.ok(afterText.has(path.join('dokumen', added, 'index.html')));
  assert.ok(!afterText.has(path.join('dokumen', 'doc000001', 'index.html')));
  assert.ok(![...afterText.keys()].some((f) => f.includes('staging')), 'no staging left in the build');
});
