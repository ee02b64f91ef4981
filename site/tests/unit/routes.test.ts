import assert from 'node:assert/strict';
import { test } from 'node:test';
import { langOfPath, paths, routeParam, switchLangPath } from '../../src/lib/routes.ts';

test('paths in both languages', () => {
  assert.equal(paths.home('id'), '/');
  assert.equal(paths.home('en'), '/en/');
  assert.equal(paths.list('id'), '/informasi/');
  assert.equal(paths.list('id', 'all', '', 2), '/informasi/halaman/2/');
  assert.equal(paths.list('en', 'kategori', 'serta_merta', 3), '/en/informasi/kategori/serta_merta/halaman/3/');
  assert.equal(paths.list('id', 'unit', 'bidang a/b'), '/informasi/unit/bidang%20a%2Fb/');
  assert.equal(paths.detail('en', 'abc'), '/en/dokumen/abc/');
});

test('switching language keeps the page', () => {
  assert.equal(switchLangPath('/informasi/halaman/2/', 'en'), '/en/informasi/halaman/2/');
  assert.equal(switchLangPath('/en/informasi/halaman/2/', 'id'), '/informasi/halaman/2/');
  assert.equal(switchLangPath('/', 'en'), '/en/');
  assert.equal(switchLangPath('/en/', 'id'), '/');
  assert.equal(switchLangPath('/en', 'id'), '/');
  assert.equal(switchLangPath('/404.html', 'en'), '/en/404/');
  assert.equal(switchLangPath('/en/404/', 'id'), '/404.html');
  assert.equal(langOfPath('/en/cari/'), 'en');
  assert.equal(langOfPath('/entri/'), 'id');
});

test('route params of the catch-all page', () => {
  assert.equal(routeParam('/'), undefined);
  assert.equal(routeParam('/en/'), 'en');
  assert.equal(routeParam('/informasi/halaman/2/'), 'informasi/halaman/2');
});
