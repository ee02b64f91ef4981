import { corsOriginsFor, refuseCrossOriginAdminWrite } from '../../src/security/surface-rules';

const site = ['http://127.0.0.1:8080'];

test('the site\'s origins on the content API only', () => {
  expect(corsOriginsFor('/api/dip-documents', site)).toEqual(site);
  expect(corsOriginsFor('/api', site)).toEqual(site);
  for (const p of ['/admin/access-token', '/admin', '/upload/files', '/uploads/a.pdf', '/apix', '/content-manager/x', '/ppid/workflow/x/y']) {
    expect(corsOriginsFor(p, site)).toEqual([]);
  }
});

test('a cross-origin POST gets an origin only on the request form and tracking endpoints', () => {
  const post = (path: string) => corsOriginsFor(path, site, '/api', { method: 'POST' });
  const preflight = (path: string, method: string) => corsOriginsFor(path, site, '/api', { method: 'OPTIONS', preflightMethod: method });
  expect(post('/api/permohonan-informasi')).toEqual(site);
  expect(post('/api/permohonan-informasi/status/')).toEqual(site);
  expect(preflight('/api/permohonan-informasi', 'POST')).toEqual(site);
  for (const p of ['/api/dip-documents', '/api/keberatans', '/api/permohonan-informasi/1', '/api/auth/local']) {
    expect(post(p)).toEqual([]);
    expect(preflight(p, 'post')).toEqual([]);
    expect(corsOriginsFor(p, site, '/api', { method: 'DELETE' })).toEqual([]);
  }
  expect(preflight('/api/dip-documents', 'GET')).toEqual(site);
  expect(corsOriginsFor('/api/dip-documents', site, '/api', { method: 'GET' })).toEqual(site);
});

test('state-changing admin requests from another origin are refused by fetch metadata', () => {
  const at = (method: string, path: string, secFetchSite?: string) => refuseCrossOriginAdminWrite({ method, path, secFetchSite });
  expect(at('POST', '/admin/access-token', 'same-site')).toBe(true);
  expect(at('POST', '/admin/access-token', 'cross-site')).toBe(true);
  expect(at('POST', '/admin/login', 'CROSS-SITE')).toBe(true);
  expect(at('POST', '/admin/access-token', 'same-origin')).toBe(false);
  expect(at('POST', '/admin/access-token', 'none')).toBe(false);
  expect(at('POST', '/admin/access-token')).toBe(false); // not a browser, or an old one: CORS and SameSite still apply
  expect(at('GET', '/admin', 'cross-site')).toBe(false); // following a link to the panel is fine
  expect(at('POST', '/api/dip-documents', 'cross-site')).toBe(false);
  expect(refuseCrossOriginAdminWrite({ method: 'POST', path: '/cms/login', secFetchSite: 'same-site' }, '/cms')).toBe(true);
});
