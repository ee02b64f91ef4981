/** Internal: never on the content API. */
export default { routes: [] };
