import type { StrapiApp } from '@strapi/strapi/admin';
import type { ContentManagerPlugin } from '@strapi/content-manager/strapi-admin';
import { installSignInHandover } from './auth-handover';
import { indonesianTranslations } from './translations';
import { workflowTranslations } from './workflow/messages';
import { WorkflowPanel } from './workflow/WorkflowPanel';
import { Bell, Briefcase, ChartPie, CheckCircle } from '@strapi/icons';
import { arrangeWidgets, mediaLibraryBannerKeys } from './workspace/homepage';
import { injectWorkflowColumns, SlaFilter } from './workspace/listView';
import { workspaceTranslations } from './workspace/messages';
import { stateLabelMessages } from './workspace/stateLabels';
import { WORKFLOW_DEFINITIONS } from '../workflows';

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
        // The state field of the edit form shows each state's label, not its raw value.
        ...stateLabelMessages(WORKFLOW_DEFINITIONS),
        'Auth.form.welcome.title': 'Selamat datang di PPID',
        'Auth.form.welcome.subtitle': 'Masuk ke panel admin PPID',
        'app.components.LeftMenu.navbrand.title': 'PPID',
        'app.components.LeftMenu.navbrand.workplace': 'Panel admin',
        ...workflowTranslations('id'),
        ...workspaceTranslations('id'),
      },
      en: {
        ...stateLabelMessages(WORKFLOW_DEFINITIONS),
        'Auth.form.welcome.title': 'Welcome to PPID',
        'Auth.form.welcome.subtitle': 'Log in to the PPID admin panel',
        'app.components.LeftMenu.navbrand.title': 'PPID',
        'app.components.LeftMenu.navbrand.workplace': 'Admin panel',
        ...workflowTranslations('en'),
        ...workspaceTranslations('en'),
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    registerWorkspace(app);
    if (typeof window === 'undefined') return;
    dismissMediaLibraryBanner(window);
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
    // The list views of the workflow types: state label and SLA columns, the SLA filter.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', injectWorkflowColumns);
    (contentManager as any)?.injectComponent?.('listView', 'actions', { name: 'ppid-sla-filter', Component: SlaFilter });
  },
};

/**
 * The editors' workspace on the homepage ("Pekerjaan saya", "Kepatuhan SOP", "Notifikasi") and
 * the notification centre behind the bell in the main menu (src/admin/workspace/).
 */
function registerWorkspace(app: StrapiApp) {
  app.widgets.register((existing) =>
    arrangeWidgets(existing, [
      {
        id: 'pekerjaan-saya',
        icon: Briefcase,
        title: { id: 'ppid.workspace.widget.myWork', defaultMessage: 'Pekerjaan saya' },
        component: async () => (await import('./workspace/MyWorkWidget')).MyWorkWidget,
      },
      {
        id: 'kepatuhan-sop',
        icon: CheckCircle,
        title: { id: 'ppid.workspace.widget.compliance', defaultMessage: 'Kepatuhan SOP' },
        component: async () => (await import('./workspace/ComplianceWidget')).ComplianceWidget,
        // Read access to the audit trail is what the Kepala Dinas, the Koordinator and the super
        // admin hold; the server answers 403 to anyone else (GET /ppid/compliance).
        permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::riwayat-alur.riwayat-alur' }],
      },
      {
        id: 'notifikasi',
        icon: Bell,
        title: { id: 'ppid.workspace.widget.notices', defaultMessage: 'Notifikasi' },
        link: { label: { id: 'ppid.workspace.widget.notices.link', defaultMessage: 'Semua notifikasi' }, href: '/notifikasi' },
        component: async () => (await import('./workspace/NoticeList')).NoticesWidget,
      },
    ]),
  );
  app.addMenuLink({
    to: 'notifikasi',
    icon: Bell,
    intlLabel: { id: 'ppid.workspace.menu.notices', defaultMessage: 'Notifikasi' },
    Component: () => import('./workspace/NoticesPage'),
    permissions: [],
  } as any);
}

/** Strapi's Media Library banner is a product announcement, not PPID work: dismissed up front. */
function dismissMediaLibraryBanner(win: Window) {
  const dismiss = (uuid: string | false | undefined) => mediaLibraryBannerKeys(uuid).forEach((key) => win.localStorage.setItem(key, 'true'));
  dismiss(false);
  dismiss(undefined);
  win
    .fetch('/admin/init')
    .then((res) => res.json())
    .then((body: { data?: { uuid?: string | false } }) => dismiss(body.data?.uuid))
    .catch(() => undefined);
}
