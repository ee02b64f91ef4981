import type { Core } from '@strapi/strapi';

export const LOCALES = [
  { code: 'id', name: 'Bahasa Indonesia (id)', isDefault: true },
  { code: 'en', name: 'Bahasa Inggris (en)', isDefault: false },
];

/** Names Strapi or an earlier version gave these locales; renamed, but a name an editor chose is kept. */
const DEFAULT_NAMES = new Set(['English (en)', 'Indonesian (id)']);

/** Indonesian is the default locale, English the second; created only when missing. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    const existing = await locales.findByCode(locale.code);
    if (!existing) {
      await locales.create({ code: locale.code, name: locale.name });
    } else if (DEFAULT_NAMES.has(existing.name)) {
      await locales.update({ id: existing.id }, { name: locale.name });
    }
  }
  const current = await locales.getDefaultLocale();
  if (current !== 'id') await locales.setDefaultLocale({ code: 'id' });
}
