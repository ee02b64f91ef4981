import type { Core } from '@strapi/strapi';
import { SOP_ROLES, WORKFLOW_STATE_FIELD, type CmAction, type ContentGrant } from '../roles/definitions';
import { SLA_FIELDS } from '../workflow/sla-fields';
import { LOCALES } from './locales';

interface AdminPermission {
  action: string;
  subject?: string | null;
  properties: Record<string, string[]>;
  conditions: string[];
}

const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

/** Attribute paths the Content Manager permission system knows (components expand to a.b). */
function fieldPaths(strapi: Core.Strapi, attributes: Record<string, any>, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (SYSTEM_FIELDS.has(name)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (attribute.type === 'component') {
      const component = strapi.components[attribute.component as keyof typeof strapi.components] as any;
      paths.push(...fieldPaths(strapi, component.attributes, path));
    } else {
      paths.push(path);
    }
  }
  return paths;
}

function permissionsFor(strapi: Core.Strapi, grant: ContentGrant): AdminPermission[] {
  const contentType = strapi.contentType(grant.uid as any) as any;
  const localized = Boolean(contentType.pluginOptions?.i18n?.localized);
  const locales: Record<string, string[]> = localized ? { locales: LOCALES.map((l) => l.code) } : {};
  const all = fieldPaths(strapi, contentType.attributes);
  const writable = grant.writableFields
    ? all.filter((f) => grant.writableFields!.some((w) => f === w || f.startsWith(`${w}.`)))
    : all.filter((f) => f !== WORKFLOW_STATE_FIELD && !(SLA_FIELDS as readonly string[]).includes(f));

  return grant.actions.map((action: CmAction) => {
    const properties: Record<string, string[]> =
      action === 'read'
        ? { fields: all, ...locales }
        : action === 'create' || action === 'update'
          ? { fields: writable, ...locales }
          : { ...locales };
    return {
      action: `plugin::content-manager.explorer.${action}`,
      subject: grant.uid,
      properties,
      conditions: grant.conditions ?? [],
    };
  });
}

const MEDIA_READ = ['plugin::upload.read', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'];
const MEDIA_WRITE = ['plugin::upload.assets.create', 'plugin::upload.assets.update'];

function mediaPermissions(uploads: boolean): AdminPermission[] {
  return [...MEDIA_READ, ...(uploads ? MEDIA_WRITE : [])].map((action) => ({
    action,
    subject: null,
    properties: {},
    conditions: [],
  }));
}

/**
 * Creates the six SOP roles when missing and (re)sets their permissions to exactly the SOP set.
 * Idempotent: Strapi's assignPermissions diffs against what is stored, so a second run writes
 * nothing. Roles are found by their fixed `code`, so renaming a role in the panel is harmless.
 */
export async function ensureAdminRoles(strapi: Core.Strapi): Promise<Record<string, number>> {
  const roleService = strapi.service('admin::role');
  const ids: Record<string, number> = {};
  for (const definition of SOP_ROLES) {
    let role = await strapi.db.query('admin::role').findOne({ where: { code: definition.code } });
    if (!role) {
      role = await roleService.create({
        name: definition.name,
        code: definition.code,
        description: definition.description,
      });
    }
    const permissions = [
      ...definition.content.flatMap((grant) => permissionsFor(strapi, grant)),
      ...mediaPermissions(definition.uploads),
    ];
    await roleService.assignPermissions(role.id, permissions);
    ids[definition.code] = role.id;
  }
  return ids;
}
