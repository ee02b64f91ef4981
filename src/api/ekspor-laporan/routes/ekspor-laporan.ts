/** Internal: never on the content API (the admin API of src/reports/routes.ts serves the jobs). */
export default { routes: [] };
