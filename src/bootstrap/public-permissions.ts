import type { Core } from '@strapi/strapi';

/**
 * SPEC §5: the public may read published, non-exempt DIP entries, units, and the two public
 * pages (PPID profile, service charter; single types, published version only), submit an
 * information request, track it with its number and secret code, and read aggregate statistics;
 * nothing else.
 * Every other permission on the public role (including Strapi's default login/register routes,
 * since the public never signs in) is removed at each start, so a stray tick in the panel cannot
 * open memos, minutes or reports.
 */
export const PUBLIC_ACTIONS = [
  'api::dip-document.dip-document.find',
  'api::dip-document.dip-document.findOne',
  'api::bidang.bidang.find',
  'api::bidang.bidang.findOne',
  'api::permohonan-informasi.permohonan-informasi.ajukan',
  'api::permohonan-informasi.permohonan-informasi.lacak',
  'api::permohonan-informasi.permohonan-informasi.statistik',
  'api::profil-ppid.profil-ppid.find',
  'api::maklumat-pelayanan.maklumat-pelayanan.find',
];

export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const roleQuery = strapi.db.query('plugin::users-permissions.role');
  const permissionQuery = strapi.db.query('plugin::users-permissions.permission');
  const publicRole = await roleQuery.findOne({ where: { type: 'public' } });
  if (!publicRole) throw new Error('users-permissions public role is missing');

  const existing: { id: number; action: string }[] = await permissionQuery.findMany({
    where: { role: publicRole.id },
  });
  const stray = existing.filter((p) => !PUBLIC_ACTIONS.includes(p.action));
  if (stray.length > 0) {
    await permissionQuery.deleteMany({ where: { id: { $in: stray.map((p) => p.id) } } });
    strapi.log.info(`[ppid] removed public permissions: ${stray.map((p) => p.action).join(', ')}`);
  }
  const present = new Set(existing.map((p) => p.action));
  for (const action of PUBLIC_ACTIONS.filter((a) => !present.has(a))) {
    await permissionQuery.create({ data: { action, role: publicRole.id } });
  }

  // Nobody registers through the content API: editors are admin users, the public reads anonymously.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  }
}
