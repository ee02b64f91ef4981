/** Objections are registered and answered in the Content Manager: no content-API routes. */
export default { routes: [] };
