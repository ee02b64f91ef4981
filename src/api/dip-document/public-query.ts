/** The caller's own query without `status`: the public API chooses the status itself. */
export function callerQuery(query: Record<string, unknown>): Record<string, unknown> {
  const { status: _ignored, ...rest } = query;
  return rest;
}

/** Rewrites a content-API query so only published, non-exempt DIP entries can match. */
export function publicDipQuery(query: Record<string, unknown>): Record<string, unknown> {
  const { status: _ignored, filters, ...rest } = query;
  const exemptionFilter = { kategori: { $ne: 'dikecualikan' } };
  return {
    ...rest,
    status: 'published',
    filters: filters && typeof filters === 'object' ? { $and: [filters, exemptionFilter] } : exemptionFilter,
  };
}
