import type { Core } from '@strapi/strapi';

export const LOCALES = [
  { code: 'id', name: 'Indonesian (id)', isDefault: true },
  { code: 'en', name: 'English (en)', isDefault: false },
];

/** Indonesian is the default locale, English the second; created only when missing. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const locale of LOCALES) {
    if (!(await locales.findByCode(locale.code))) {
      await locales.create({ code: locale.code, name: locale.name });
    }
  }
  const current = await locales.getDefaultLocale();
  if (current !== 'id') await locales.setDefaultLocale({ code: 'id' });
}
