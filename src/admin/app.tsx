import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * Admin panel customisation. Indonesian is offered and becomes the default language for anyone
 * who has not chosen one yet (the panel reads the choice from localStorage before rendering).
 */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['id'],
    translations: {
      id: {
        'Auth.form.welcome.title': 'Selamat datang di PPID',
        'Auth.form.welcome.subtitle': 'Masuk ke panel admin PPID',
        'app.components.LeftMenu.navbrand.title': 'PPID',
        'app.components.LeftMenu.navbrand.workplace': 'Panel admin',
      },
      en: {
        'Auth.form.welcome.title': 'Welcome to PPID',
        'Auth.form.welcome.subtitle': 'Log in to the PPID admin panel',
        'app.components.LeftMenu.navbrand.title': 'PPID',
        'app.components.LeftMenu.navbrand.workplace': 'Admin panel',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    if (typeof window !== 'undefined' && !window.localStorage.getItem(LANGUAGE_KEY)) {
      window.localStorage.setItem(LANGUAGE_KEY, 'id');
    }
  },
  bootstrap(_app: StrapiApp) {},
};
