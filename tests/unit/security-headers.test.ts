import path from 'node:path';
import { recordedSecurityHeaders, securityVariant } from '../../src/http/security-headers';

// Strapi's own middleware (by path: the package's exports map hides it), with this project's configuration.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { security } = require(path.resolve(__dirname, '../../node_modules/@strapi/core/dist/middlewares/security.js'));
// eslint-disable-next-line @typescript-eslint/no-var-requires
const middlewaresConfig = require('../../config/middlewares').default;

function projectSecurityConfig() {
  const env: any = (_k: string, d?: string) => d;
  env.array = (_k: string, d?: string[]) => d;
  env.bool = (_k: string, d?: boolean) => d;
  return middlewaresConfig({ env }).find((m: any) => m.name === 'strapi::security').config;
}

const fakeStrapi: any = { plugin: () => undefined, config: { get: (key: string, fallback?: unknown) => (key === 'admin.path' ? '/admin' : fallback) }, log: { error: jest.fn() } };

function fakeCtx(method: string, path: string) {
  const headers: Record<string, unknown> = { 'x-powered-by': 'Express' };
  const res = {
    setHeader: (n: string, v: unknown) => void (headers[n.toLowerCase()] = v),
    removeHeader: (n: string) => void delete headers[n.toLowerCase()],
    getHeader: (n: string) => headers[n.toLowerCase()],
  };
  return { ctx: { method, path, req: { method, url: path, headers: {} }, res }, headers };
}

const REQUESTS: [string, string][] = [
  ['GET', '/api/dip-documents'],
  ['HEAD', '/api/dip-documents'],
  ['POST', '/admin/login'],
  ['GET', '/admin'],
  ['GET', '/admin/content-manager'],
  ['GET', '/documentation/v1'],
  ['GET', '/uploads/x.pdf'],
];

test.each(['production', 'test', 'development'])('with NODE_ENV=%s every request gets exactly the headers Strapi would compute for it', async (nodeEnv) => {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = nodeEnv;
  try {
    const config = projectSecurityConfig();
    const recorded = recordedSecurityHeaders(security(config, { strapi: fakeStrapi }), fakeStrapi);
    // Twice over, in two orders, so replayed plans are compared as well as first recordings.
    for (const list of [REQUESTS, [...REQUESTS].reverse()]) {
      for (const [method, path] of list) {
        const theirs = fakeCtx(method, path);
        await security(config, { strapi: fakeStrapi })(theirs.ctx, async () => {});
        const ours = fakeCtx(method, path);
        let called = false;
        await recorded(ours.ctx, async () => void (called = true));
        expect(called).toBe(true);
        expect({ method, path, headers: ours.headers }).toEqual({ method, path, headers: theirs.headers });
        expect(theirs.headers['content-security-policy']).toBeTruthy();
      }
    }
  } finally {
    process.env.NODE_ENV = saved;
  }
});

test('the variants: documentation GETs, and admin GETs in development/test only', () => {
  expect(securityVariant('GET', '/api/x', ['/documentation'], '/admin', 'production')).toBe('00');
  expect(securityVariant('GET', '/documentation/v1', ['/documentation'], '/admin', 'production')).toBe('10');
  expect(securityVariant('POST', '/documentation/v1', ['/documentation'], '/admin', 'production')).toBe('00');
  expect(securityVariant('GET', '/admin/x', ['/documentation'], '/admin', 'production')).toBe('00');
  expect(securityVariant('GET', '/admin/x', ['/documentation'], '/admin', 'test')).toBe('01');
  expect(securityVariant('POST', '/admin/x', ['/documentation'], '/admin', 'development')).toBe('00');
});
