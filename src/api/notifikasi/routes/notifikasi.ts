/** Internal: never on the content API. Super admins read it in the Content Manager and through /ppid/notifications. */
export default { routes: [] };
