/** Strings of the editors' workspace registered under `ppid.workspace.*` (Indonesian default). */
export const WORKSPACE_MESSAGES = {
  'widget.myWork': { id: 'Pekerjaan saya', en: 'My work' },
  'widget.compliance': { id: 'Kepatuhan SOP', en: 'SOP compliance' },
  'widget.notices': { id: 'Notifikasi', en: 'Notifications' },
  'widget.notices.link': { id: 'Semua notifikasi', en: 'All notifications' },
  'menu.notices': { id: 'Notifikasi', en: 'Notifications' },
  'column.state': { id: 'Status alur', en: 'Workflow state' },
  'column.sla': { id: 'Batas waktu / SLA', en: 'Due / SLA' },
} as const satisfies Record<string, { id: string; en: string }>;

export function workspaceTranslations(language: 'id' | 'en'): Record<string, string> {
  return Object.fromEntries(Object.entries(WORKSPACE_MESSAGES).map(([key, value]) => [`ppid.workspace.${key}`, value[language]]));
}
