import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { contentSecurityPolicy, contentType, createSiteServer } from '../../serve.js';

/** A raw request: the path is sent exactly as given (fetch would normalise '..'). */
function request(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let tmp;
let server;
let port;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-serve-'));
  const root = path.join(tmp, 'dist');
  await mkdir(path.join(root, 'css'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>home</title>');
  await writeFile(path.join(root, 'informasi.html'), '<!doctype html><title>list</title>');
  await writeFile(path.join(root, '404.html'), '<!doctype html><title>404 page</title>');
  await writeFile(path.join(root, 'css', 'site.css'), 'body{}');
  await writeFile(path.join(root, 'app.js'), 'export {}');
  await writeFile(path.join(root, 'favicon.svg'), '<svg/>');
  await writeFile(path.join(tmp, 'secret.txt'), 'SECRET');
  await symlink(path.join(tmp, 'secret.txt'), path.join(root, 'link.txt'));
  server = await createSiteServer({ root, apiOrigin: 'http://127.0.0.1:1337' });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(tmp, { recursive: true, force: true });
});

describe('serving', () => {
  test.each([
    ['/', 'text/html; charset=utf-8', 'home'],
    ['/index.html', 'text/html; charset=utf-8', 'home'],
    ['/informasi', 'text/html; charset=utf-8', 'list'],
    ['/informasi.html?kategori=berkala&page=2', 'text/html; charset=utf-8', 'list'],
    ['/css/site.css', 'text/css; charset=utf-8', 'body{}'],
    ['/app.js', 'text/javascript; charset=utf-8', 'export {}'],
    ['/favicon.svg', 'image/svg+xml', '<svg/>'],
  ])('%s', async (p, type, text) => {
    const res = await request(port, p);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.body).toContain(text);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  test('strict CSP allowing the API origin for connections only', async () => {
    const res = await request(port, '/');
    const csp = res.headers['content-security-policy'];
    expect(csp).toBe(contentSecurityPolicy('http://127.0.0.1:1337'));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:1337");
    expect(csp).not.toContain('unsafe');
  });

  test('unknown paths get the 404 page with status 404', async () => {
    const res = await request(port, '/tidak/ada');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.body).toContain('404 page');
  });

  test('HEAD has headers and no body; other methods are refused', async () => {
    const head = await request(port, '/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    const post = await request(port, '/index.html', 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });
});

describe('no way out of the root', () => {
  test.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/css/..%2f..%2fsecret.txt',
    '/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%5csecret.txt',
    '/index.html%00.css',
    '/link.txt',
    '/%E0%A4%A',
  ])('%s', async (p) => {
    const res = await request(port, p);
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('SECRET');
  });
});

test('contentType falls back to octet-stream', () => {
  expect(contentType('a.bin')).toBe('application/octet-stream');
  expect(contentType('A.CSS')).toBe('text/css; charset=utf-8');
});
