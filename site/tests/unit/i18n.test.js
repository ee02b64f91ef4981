import { describe, expect, test } from '@jest/globals';
import { bentukLabel, kategoriLabel, messages, otherLang, resolveLang, t } from '../../src/js/lib/i18n.js';

describe('dictionary', () => {
  test('Indonesian and English have the same keys, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    for (const lang of ['id', 'en']) {
      for (const [key, value] of Object.entries(messages[lang])) expect([key, value.trim().length > 0]).toEqual([key, true]);
    }
  });

  test('placeholders are the same in both languages', () => {
    const names = (text) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(messages.id)) expect([key, names(messages.en[key])]).toEqual([key, names(messages.id[key])]);
  });

  test('the required messages say what the brief says', () => {
    expect(t('id', 'error.unavailable')).toBe('Layanan sedang tidak tersedia, coba lagi nanti.');
    expect(t('en', 'error.unavailable')).toMatch(/unavailable/);
    expect(t('id', 'pagination.prev')).toBe('Sebelumnya');
    expect(t('id', 'pagination.next')).toBe('Berikutnya');
  });
});

describe('t', () => {
  test('fills placeholders and leaves unknown ones', () => {
    expect(t('id', 'list.count', { from: 1, to: 10, total: 23 })).toBe('Menampilkan 1–10 dari 23 informasi');
    expect(t('en', 'pagination.page', {})).toBe('Page {page}');
  });

  test('unknown keys and languages', () => {
    expect(t('id', 'no.such.key')).toBe('no.such.key');
    expect(t('fr', 'nav.home')).toBe('Beranda');
  });
});

describe('resolveLang', () => {
  test('URL wins, then the remembered choice, then Indonesian', () => {
    expect(resolveLang('?lang=en', 'id')).toEqual({ lang: 'en', fromUrl: true });
    expect(resolveLang('?lang=id', 'en')).toEqual({ lang: 'id', fromUrl: true });
    expect(resolveLang('', 'en')).toEqual({ lang: 'en', fromUrl: false });
    expect(resolveLang('?lang=fr', null)).toEqual({ lang: 'id', fromUrl: false });
    expect(resolveLang('', 'xx')).toEqual({ lang: 'id', fromUrl: false });
  });

  test('otherLang', () => {
    expect(otherLang('id')).toBe('en');
    expect(otherLang('en')).toBe('id');
  });
});

test('category and form labels', () => {
  expect(kategoriLabel('id', 'serta_merta')).toBe('Informasi Serta Merta');
  expect(kategoriLabel('en', 'berkala')).toBe('Periodic information');
  expect(kategoriLabel('en', 'other')).toBe('other');
  expect(bentukLabel('id', 'softcopy_dan_hardcopy')).toBe('Softcopy dan hardcopy');
});
