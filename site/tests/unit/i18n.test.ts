import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bentukLabel, kategoriLabel, messages, otherLang, t } from '../../src/lib/i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Indonesian and English have the same keys and the same placeholders, none empty', () => {
  assert.deepEqual(Object.keys(messages.en).sort(), Object.keys(messages.id).sort());
  for (const key of Object.keys(messages.id) as (keyof typeof messages.id)[]) {
    assert.ok(messages.id[key].trim() && messages.en[key].trim(), key);
    assert.deepEqual(placeholders(messages.en[key]), placeholders(messages.id[key]), key);
  }
});

test('t fills placeholders and keeps unknown ones visible', () => {
  assert.equal(t('id', 'list.count', { from: 1, to: 20, total: 31 }), 'Menampilkan 1–20 dari 31 informasi');
  assert.equal(t('en', 'list.count', { from: 1 }), 'Showing 1–{to} of {total} items');
});

test('labels of categories and forms, unknown values shown raw', () => {
  assert.equal(kategoriLabel('id', 'serta_merta'), 'Informasi Serta Merta');
  assert.equal(kategoriLabel('en', 'berkala'), 'Periodic information');
  assert.equal(kategoriLabel('en', 'lain'), 'lain');
  assert.equal(bentukLabel('en', 'softcopy_dan_hardcopy'), 'Softcopy and hardcopy');
  assert.equal(bentukLabel('id', null), '');
  assert.equal(otherLang('id'), 'en');
  assert.equal(otherLang('en'), 'id');
});
