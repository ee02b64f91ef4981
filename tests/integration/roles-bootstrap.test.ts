import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { ensureAdminRoles } from '../../src/bootstrap/admin-roles';
import { ensureFieldLabels } from '../../src/bootstrap/field-labels';
import { ensureLocales } from '../../src/bootstrap/locales';
import { ensurePublicPermissions } from '../../src/bootstrap/public-permissions';
import { ROLE_CODES } from '../../src/roles/definitions';

let strapi: Core.Strapi;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

async function snapshot() {
  const roles = await strapi.db.query('admin::role').findMany({ orderBy: { id: 'asc' } });
  const permissions = await strapi.db.query('admin::permission').findMany({ populate: ['role'], orderBy: { id: 'asc' } });
  const publicPermissions = await strapi.db.query('plugin::users-permissions.permission').findMany({ orderBy: { id: 'asc' } });
  const locales = await strapi.db.query('plugin::i18n.locale').findMany({ orderBy: { id: 'asc' } });
  const strip = (rows: any[]) => rows.map(({ updatedAt, ...rest }) => rest);
  return { roles: strip(roles), permissions: strip(permissions), publicPermissions: strip(publicPermissions), locales: strip(locales) };
}

async function permissionsOf(code: string) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code } });
  return strapi.db.query('admin::permission').findMany({ where: { role: role.id } });
}

test('the six SOP roles exist, named in Indonesian, with fixed codes', async () => {
  const roles = await strapi.db.query('admin::role').findMany({ where: { code: { $in: ROLE_CODES } } });
  expect(roles.map((r: any) => r.code).sort()).toEqual([...ROLE_CODES].sort());
  expect(roles.find((r: any) => r.code === 'koordinator').name).toBe('Sekretaris / Koordinator');
});

test('a second bootstrap changes nothing: same roles, same permission rows, same locales', async () => {
  const before = await snapshot();
  await ensureLocales(strapi);
  await ensureAdminRoles(strapi);
  await ensurePublicPermissions(strapi);
  const after = await snapshot();
  expect(after).toEqual(before);
});

test('a permission removed or added by hand is put back to the SOP set on the next start', async () => {
  const operator = await strapi.db.query('admin::role').findOne({ where: { code: 'operator' } });
  const before = (await permissionsOf('operator')).length;
  const publish = (await permissionsOf('operator')).find((p: any) => p.action.endsWith('.publish'));
  await strapi.db.query('admin::permission').delete({ where: { id: publish.id } });
  await strapi.db.query('admin::permission').create({
    data: { action: 'plugin::content-manager.explorer.delete', subject: 'api::nota-permintaan.nota-permintaan', properties: {}, conditions: [], role: operator.id },
  });
  await ensureAdminRoles(strapi);
  const after = await permissionsOf('operator');
  expect(after.length).toBe(before);
  expect(after.some((p: any) => p.action.endsWith('.publish') && p.subject === 'api::dip-document.dip-document')).toBe(true);
  expect(after.some((p: any) => p.action.endsWith('.delete'))).toBe(false);
});

test('least privilege: each role gets only what its SOP duties need', async () => {
  const has = (perms: any[], action: string, subject: string) =>
    perms.some((p) => p.action === `plugin::content-manager.explorer.${action}` && p.subject === subject);
  const DIP = 'api::dip-document.dip-document';
  const NOTA = 'api::nota-permintaan.nota-permintaan';
  const LAPORAN = 'api::laporan-evaluasi.laporan-evaluasi';
  const NOTULEN = 'api::notulen.notulen';

  const operator = await permissionsOf('operator');
  expect(has(operator, 'publish', DIP)).toBe(true);
  expect(has(operator, 'read', LAPORAN)).toBe(false);
  expect(has(operator, 'update', NOTA)).toBe(false);

  const subKoordinator = await permissionsOf('sub-koordinator');
  expect(has(subKoordinator, 'create', NOTA)).toBe(true);
  expect(has(subKoordinator, 'publish', DIP)).toBe(false);

  const kepalaDinas = await permissionsOf('kepala-dinas');
  expect(has(kepalaDinas, 'update', NOTA)).toBe(false);
  expect(has(kepalaDinas, 'read', 'api::riwayat-alur.riwayat-alur')).toBe(true);
  expect(has(operator, 'read', 'api::riwayat-alur.riwayat-alur')).toBe(false);
  expect(has(kepalaDinas, 'create', LAPORAN)).toBe(true);

  const webDeveloper = await permissionsOf('web-developer');
  const STATUS_SITUS = 'api::status-situs.status-situs';
  expect(webDeveloper.filter((p: any) => p.action.startsWith('plugin::content-manager')).map((p: any) => p.subject).sort()).toEqual(
    [NOTULEN, NOTULEN, STATUS_SITUS].sort(),
  );
  expect(has(webDeveloper, 'read', STATUS_SITUS)).toBe(true);

  // The public pages: written by the Operator and Sub Koordinator, put online by the Koordinator.
  const PROFIL = 'api::profil-ppid.profil-ppid';
  const koordinator = await permissionsOf('koordinator');
  expect(has(koordinator, 'publish', PROFIL)).toBe(true);
  expect(has(koordinator, 'update', PROFIL)).toBe(false);
  expect(has(operator, 'update', PROFIL)).toBe(true);
  expect(has(operator, 'publish', PROFIL)).toBe(false);
  expect(has(operator, 'update', STATUS_SITUS)).toBe(false);
  const update = webDeveloper.find((p: any) => p.action.endsWith('.update'));
  expect(update.properties.fields.every((f: string) => f.startsWith('tindakLanjut.'))).toBe(true);

  // Nobody may delete, and nobody may write a workflow state through the Content Manager.
  for (const code of ROLE_CODES) {
    const perms = await permissionsOf(code);
    expect(perms.some((p: any) => p.action.endsWith('.delete'))).toBe(false);
    for (const p of perms.filter((p: any) => /^plugin::content-manager\.explorer\.(create|update)$/.test(p.action))) {
      expect(p.properties.fields).not.toContain('statusAlur');
    }
  }
});

test('Content Manager forms use Indonesian field labels, show the workflow state read-only, and keep labels an editor changed', async () => {
  const service = strapi.plugin('content-manager').service('content-types');
  const nota = strapi.contentType('api::nota-permintaan.nota-permintaan' as any);
  const configuration = await service.findConfiguration(nota);
  expect(configuration.metadatas.tanggalNota.edit.label).toBe('Tanggal nota');
  expect(configuration.metadatas.tanggalNota.list.label).toBe('Tanggal nota');
  expect(configuration.metadatas.statusAlur.edit.editable).toBe(false);

  configuration.metadatas.perihal.edit.label = 'Hal';
  await service.updateConfiguration(nota, { settings: configuration.settings, metadatas: configuration.metadatas, layouts: configuration.layouts });
  await ensureFieldLabels(strapi);
  const after = await service.findConfiguration(nota);
  expect(after.metadatas.perihal.edit.label).toBe('Hal');

  const item = strapi.components['ppid.tindak-lanjut' as keyof typeof strapi.components];
  const itemConfiguration = await strapi.plugin('content-manager').service('components').findConfiguration(item);
  expect(itemConfiguration.metadatas.tenggat.edit.label).toBe('Tenggat');
});

test('localized content permissions cover both locales', async () => {
  const read = (await permissionsOf('koordinator')).find((p: any) => p.subject === 'api::dip-document.dip-document');
  expect(read.properties.locales.sort()).toEqual(['en', 'id']);
});
