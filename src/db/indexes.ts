/**
 * Indexes this project adds to Strapi's tables, created at bootstrap (idempotent: `IF NOT EXISTS`,
 * the same SQL on SQLite and PostgreSQL). Strapi's schema sync only creates the indexes it knows
 * (document id/locale/publication, foreign keys), and tables exist only after it ran, so every
 * feature that needs one for its queries declares it here by attribute names.
 *
 * `IF NOT EXISTS` goes by name: an index whose definition changes needs a new name (a database
 * that has the old one would otherwise keep it), and the old name a `DROP INDEX IF EXISTS`.
 */
import type { Core } from '@strapi/strapi';

export interface IndexSpec {
  /** Suffix of the index name: `<table>_<name>`. */
  name: string;
  /** Attribute names, in index order; mapped to their column names. */
  attributes: string[];
  unique?: boolean;
  /** A partial index over the rows where this attribute is set (e.g. published rows only). */
  whereNotNull?: string;
}

const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

/** `CREATE [UNIQUE] INDEX IF NOT EXISTS …` for a model, from its database metadata (pure). */
export function indexStatement(tableName: string, columnOf: (attribute: string) => string, spec: IndexSpec): string {
  const columns = spec.attributes.map(columnOf);
  const where = spec.whereNotNull ? ` WHERE ${columnOf(spec.whereNotNull)} IS NOT NULL` : '';
  const name = `${tableName}_${spec.name}`;
  for (const identifier of [tableName, name, ...columns, ...(spec.whereNotNull ? [columnOf(spec.whereNotNull)] : [])]) {
    if (!SAFE_IDENTIFIER.test(identifier)) throw new Error(`[ppid] index ${name}: "${identifier}" is not a plain SQL identifier`);
  }
  return `CREATE ${spec.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${name} ON ${tableName} (${columns.join(', ')})${where}`;
}

/** Creates the index on the model's table unless it exists. Throws, naming it, for an unknown attribute. */
export async function ensureIndex(strapi: Core.Strapi, uid: string, spec: IndexSpec): Promise<string> {
  const meta = strapi.db.metadata.get(uid as any) as any;
  const columnOf = (attribute: string): string => {
    const found = meta?.attributes?.[attribute];
    if (!found) throw new Error(`[ppid] index ${spec.name}: ${uid} has no attribute "${attribute}"`);
    return found.columnName ?? attribute;
  };
  await strapi.db.connection.raw(indexStatement(meta.tableName, columnOf, spec));
  return `${meta.tableName}_${spec.name}`;
}
