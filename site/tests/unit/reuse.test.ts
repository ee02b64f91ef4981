import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseEntry, type DipEntry } from '../../src/lib/dip.ts';
import { parseManifest, planReuse } from '../../src/lib/reuse.ts';
import { makeContent, sitePages } from '../../src/lib/site.ts';
import { apiRow } from '../support/fixtures.ts';

function pages(rows: Record<string, unknown>[]) {
  const entries = (lang: 'id' | 'en') => rows.map((r) => normaliseEntry(apiRow(r), lang)).filter((e): e is DipEntry => e !== null);
  return sitePages(
    makeContent({ apiUrl: 'http://cms', builtAt: 'x', entries: { id: entries('id'), en: entries('en') }, units: [], profil: { id: null, en: null }, maklumat: { id: null, en: null } }),
  );
}

const rows = [{ documentId: 'a', nomor: 'A' }, { documentId: 'b', nomor: 'B' }, { documentId: 'c', nomor: 'C' }];

test('a first build renders everything and records a key per detail page', () => {
  const plan = planReuse(pages(rows), 'tpl1', 'http://cms', null);
  assert.equal(plan.reuse.length, 0);
  assert.deepEqual(Object.keys(plan.manifest.pages).sort(), ['/dokumen/a/', '/dokumen/b/', '/dokumen/c/', '/en/dokumen/a/', '/en/dokumen/b/', '/en/dokumen/c/']);
});

test('after one change, only that entry and the list pages are rendered again', () => {
  const first = planReuse(pages(rows), 'tpl1', 'http://cms', null).manifest;
  const changed = [rows[0], { ...rows[1], judul: 'Judul baru' }, rows[2], { documentId: 'd', nomor: 'D' }];
  const plan = planReuse(pages(changed), 'tpl1', 'http://cms', parseManifest(JSON.stringify(first)));
  assert.deepEqual(plan.reuse.sort(), ['/dokumen/a/', '/dokumen/c/', '/en/dokumen/a/', '/en/dokumen/c/']);
  const rendered = plan.render.map((p) => p.path);
  for (const p of ['/dokumen/b/', '/dokumen/d/', '/informasi/', '/']) assert.ok(rendered.includes(p), p);
});

test('a template change, a new CMS URL or a broken manifest means a full build', () => {
  const first = planReuse(pages(rows), 'tpl1', 'http://cms', null).manifest;
  assert.equal(planReuse(pages(rows), 'tpl2', 'http://cms', first).reuse.length, 0);
  assert.equal(planReuse(pages(rows), 'tpl1', 'https://cms.baru', first).reuse.length, 0);
  assert.equal(parseManifest('{"version":2}'), null);
  assert.equal(parseManifest('nope'), null);
  assert.equal(planReuse(pages(rows), 'tpl1', 'http://cms', first).reuse.length, 6);
});

test('an entry gone from the CMS is not carried over', () => {
  const first = planReuse(pages(rows), 'tpl1', 'http://cms', null).manifest;
  const plan = planReuse(pages(rows.slice(0, 2)), 'tpl1', 'http://cms', first);
  assert.equal(plan.reuse.some((p) => p.includes('/c/')), false);
  assert.equal('/dokumen/c/' in plan.manifest.pages, false);
});
