/**
 * The database's plan for a statement as it was sent (captured from knex's `query` event), one
 * line per plan node: `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL.
 */
export async function queryPlan(knex: any, sql: string, bindings: readonly unknown[]): Promise<string[]> {
  if (process.env.DATABASE_CLIENT === 'postgres') {
    // A statement captured from the driver carries pg's $1, $2… placeholders, in binding order.
    const result = await knex.raw(`EXPLAIN ${sql.replace(/\$\d+/g, '?')}`, bindings);
    return result.rows.map((r: Record<string, string>) => r['QUERY PLAN']);
  }
  const rows = await knex.raw(`EXPLAIN QUERY PLAN ${sql}`, bindings);
  return rows.map((r: { detail: string }) => r.detail);
}
