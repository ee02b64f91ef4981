import crypto from 'node:crypto';

/**
 * The identity of a content version, so "approved" can mean *this* version: the Koordinator's
 * approval records a fingerprint, and a version goes online only while its fingerprint is still
 * the approved one. Pure: a schema description and a loaded row in, canonical data out.
 */

/** Attributes that describe the row, not its content. */
export const SYSTEM_ATTRIBUTES: ReadonlySet<string> = new Set([
  'id', 'documentId', 'locale', 'localizations', 'createdAt', 'updatedAt', 'publishedAt',
  'firstPublishedAt', 'createdBy', 'updatedBy',
]);

export interface VersionAttribute {
  type: string;
  /** false for a shared (non-localized) attribute of a localized type */
  localized: boolean;
  /** component uid, for `component` attributes */
  component?: string;
}

export interface VersionSchema {
  attributes: Record<string, VersionAttribute>;
}

/** What a file contributes: replacing its bytes keeps its hash and URL, so updatedAt and size count too. */
const FILE_FIELDS = ['id', 'hash', 'ext', 'mime', 'size', 'url', 'name', 'caption', 'alternativeText', 'updatedAt'] as const;

function canonicalScalar(type: string, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) return type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if ((type === 'datetime' || type === 'timestamp') && typeof value === 'string') return new Date(value).toISOString();
  if ((type === 'integer' || type === 'biginteger' || type === 'float' || type === 'decimal') && typeof value !== 'object') return Number(value);
  if (type === 'boolean') return Boolean(value);
  if (type === 'json' && typeof value === 'string') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function canonicalFile(file: unknown): unknown {
  if (!file || typeof file !== 'object') return null;
  const f = file as Record<string, unknown>;
  return FILE_FIELDS.map((k) => (k === 'updatedAt' && f[k] ? new Date(f[k] as string).toISOString() : f[k] ?? null));
}

/** Relations are compared by the document they point to (draft and published rows differ in id). */
function canonicalRelationTarget(target: unknown): unknown {
  if (!target || typeof target !== 'object') return target ?? null;
  const t = target as Record<string, unknown>;
  return t.documentId ?? t.id ?? null;
}

function canonicalAttribute(
  attribute: VersionAttribute,
  value: unknown,
  componentSchema: (uid: string) => VersionSchema | undefined,
): unknown {
  const many = (fn: (v: unknown) => unknown) => (Array.isArray(value) ? value.map(fn) : fn(value));
  switch (attribute.type) {
    case 'relation':
      return value == null ? null : many(canonicalRelationTarget);
    case 'media':
      return value == null ? null : many(canonicalFile);
    case 'component': {
      const schema = attribute.component ? componentSchema(attribute.component) : undefined;
      return value == null ? null : many((v) => canonicalComponent(schema, v, componentSchema));
    }
    case 'dynamiczone':
      return Array.isArray(value)
        ? value.map((v) => {
            const uid = (v as { __component?: string })?.__component;
            return [uid ?? null, canonicalComponent(uid ? componentSchema(uid) : undefined, v, componentSchema)];
          })
        : null;
    default:
      return canonicalScalar(attribute.type, value);
  }
}

function canonicalComponent(schema: VersionSchema | undefined, value: unknown, componentSchema: (uid: string) => VersionSchema | undefined): unknown {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (!schema) return Object.keys(v).filter((k) => k !== 'id').sort().map((k) => [k, v[k] ?? null]);
  return Object.keys(schema.attributes)
    .sort()
    .map((name) => [name, canonicalAttribute(schema.attributes[name], v[name], componentSchema)]);
}

export interface CanonicalVersion {
  /** attributes every locale shares (a change here touches every locale's version) */
  shared: [string, unknown][];
  /** attributes of this locale only */
  localized: [string, unknown][];
}

/**
 * The canonical content of a row: every attribute except the row's own bookkeeping and the
 * `excluded` ones (the workflow state, and links that are not part of what is approved).
 */
export function canonicalVersion(
  schema: VersionSchema,
  row: Record<string, unknown>,
  excluded: ReadonlySet<string>,
  componentSchema: (uid: string) => VersionSchema | undefined = () => undefined,
): CanonicalVersion {
  const version: CanonicalVersion = { shared: [], localized: [] };
  for (const name of Object.keys(schema.attributes).sort()) {
    if (SYSTEM_ATTRIBUTES.has(name) || excluded.has(name)) continue;
    const attribute = schema.attributes[name];
    const entry: [string, unknown] = [name, canonicalAttribute(attribute, row[name], componentSchema)];
    (attribute.localized ? version.localized : version.shared).push(entry);
  }
  return version;
}

function sha256(value: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** Fingerprint of a whole version (what an approval records). */
export function versionFingerprint(version: CanonicalVersion): string {
  return sha256(['v1', version.shared, version.localized]);
}

/** Fingerprint of the shared part only (what publishing one locale copies to the others). */
export function sharedFingerprint(version: CanonicalVersion): string {
  return sha256(['v1-shared', version.shared]);
}
