/** No content-API routes: the audit trail is never public (SPEC §5). Admins read it in the panel. */
export default { routes: [] };
