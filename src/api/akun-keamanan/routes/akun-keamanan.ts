/** No content-API routes: 2FA secrets, recovery-code hashes and login challenges are never exposed. */
export default { routes: [] };
