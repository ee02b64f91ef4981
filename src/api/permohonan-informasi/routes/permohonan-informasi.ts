/**
 * The public surface of information requests (no core CRUD routes: requests are read and
 * handled in the Content Manager). Each route is allowed for the public role by
 * src/bootstrap/public-permissions.ts.
 */
export default {
  routes: [
    { method: 'POST', path: '/permohonan-informasi', handler: 'permohonan-informasi.ajukan', config: { policies: [] } },
    { method: 'GET', path: '/permohonan-informasi/status', handler: 'permohonan-informasi.lacak', config: { policies: [] } },
    // The same look-up with the code in a JSON body, so that it is in no URL (proxies log URLs).
    { method: 'POST', path: '/permohonan-informasi/status', handler: 'permohonan-informasi.lacak', config: { policies: [] } },
    { method: 'GET', path: '/statistik-permohonan', handler: 'permohonan-informasi.statistik', config: { policies: [] } },
  ],
};
