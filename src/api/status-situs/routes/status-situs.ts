/** Internal: written only by the site rebuild service through /ppid/situs/status (src/site-build). */
export default { routes: [] };
