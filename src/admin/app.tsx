import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { installSignInHandover } from './auth-handover';
import { indonesianTranslations } from './translations';
import { workflowTranslations } from './workflow/messages';
import { WorkflowPanel } from './workflow/WorkflowPanel';
import { ChartPie } from '@strapi/icons';

/**
 * Admin panel customisation. Indonesian is offered and becomes the default language for anyone
 * who has not chosen one yet (the panel reads the choice from localStorage before rendering);
 * src/admin/translations/ fills in the strings Strapi's bundled Indonesian lacks.
 * The Content Manager's edit view gets the "Alur kerja" side panel (src/admin/workflow/) for the
 * content types with a workflow.
 */
const LANGUAGE_KEY = 'strapi-admin-language';

export default {
  config: {
    locales: ['id'],
    translations: {
      id: {
        // Completes Strapi's partial Indonesian (admin, Content Manager, Media Library, i18n);
        // spread first so the PPID strings below still win.
        ...indonesianTranslations,
        'Auth.form.welcome.title': 'Selamat datang di PPID',
        'Auth.form.welcome.subtitle': 'Masuk ke panel admin PPID',
        'app.components.LeftMenu.navbrand.title': 'PPID',
        'app.components.LeftMenu.navbrand.workplace': 'Panel admin',
        ...workflowTranslations('id'),
      },
      en: {
        'Auth.form.welcome.title': 'Welcome to PPID',
        'Auth.form.welcome.subtitle': 'Log in to the PPID admin panel',
        'app.components.LeftMenu.navbrand.title': 'PPID',
        'app.components.LeftMenu.navbrand.workplace': 'Admin panel',
        ...workflowTranslations('en'),
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register() {
    if (typeof window === 'undefined') return;
    if (!window.localStorage.getItem(LANGUAGE_KEY)) window.localStorage.setItem(LANGUAGE_KEY, 'id');
    // Before the router's first move: its sign-in forms are handed to the server's PPID page.
    installSignInHandover(window);
  },
  bootstrap(app: StrapiApp) {
    const contentManager = app.getPlugin('content-manager');
    const apis = contentManager?.apis as ContentManagerPlugin['config']['apis'] | undefined;
    apis?.addEditViewSidePanel([WorkflowPanel]);
    // Evaluation reports: figures, charts and exports (src/admin/reports/).
    app.addMenuLink({
      to: 'laporan-ppid',
      icon: ChartPie,
      intlLabel: { id: 'ppid.reports.menu', defaultMessage: 'Laporan & Ekspor' },
      permissions: [],
      Component: () => import('./reports/ReportsPage'),
    });
  },
};
