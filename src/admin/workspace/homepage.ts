/**
 * The homepage for the SOP roles (pure, unit-tested): Strapi's generic "last edited / last
 * published entries" widgets are removed (they listed audit and security events of the hidden
 * types), the PPID widgets come first, the rest keep Strapi's order.
 */
export const REMOVED_WIDGETS = ['plugin::content-manager.last-edited-entries', 'plugin::content-manager.last-published-entries'];

type WidgetLike = { id: string; pluginId?: string };

const uidOf = (w: WidgetLike) => (w.pluginId ? `plugin::${w.pluginId}.${w.id}` : `global::${w.id}`);

export function arrangeWidgets<T extends WidgetLike>(existing: T[], ours: T[]): T[] {
  return [...ours, ...existing.filter((w) => !REMOVED_WIDGETS.includes(uidOf(w)))];
}

/**
 * localStorage keys with which Strapi's AuthenticatedLayout remembers that its Media Library banner
 * ("Memperkenalkan Pustaka Media yang baru…") was dismissed: `…_FOR_<legacy flag>:<instance uuid>`.
 * The uuid is false without telemetry and undefined until the init answer arrives.
 */
export function mediaLibraryBannerKeys(uuid: string | false | undefined): string[] {
  return [true, false].flatMap((flag) => [`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${flag}:${uuid}`]);
}
