import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { switchLink } from '../../server/builder.ts';
import { createSiteServer, resolveFile } from '../../server/static-server.ts';

let dir: string;
let base: string;
let close: () => void;

async function site(name: string, title: string) {
  const root = path.join(dir, name);
  await mkdir(path.join(root, 'informasi'), { recursive: true });
  await mkdir(path.join(root, 'en', '404'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), `<h1>${title}</h1>`);
  await writeFile(path.join(root, 'informasi', 'index.html'), 'list');
  await writeFile(path.join(root, '404.html'), 'tidak ditemukan');
  await writeFile(path.join(root, 'en', '404', 'index.html'), 'not found');
  return root;
}

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ppid-serve-'));
  await site('a', 'A');
  await site('b', 'B');
  await writeFile(path.join(dir, 'secret.txt'), 'secret');
  await symlink(path.join(dir, 'secret.txt'), path.join(dir, 'a', 'escape.txt'));
  await switchLink(path.join(dir, 'live'), path.join(dir, 'a'));
  const server = createSiteServer({ root: path.join(dir, 'live') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
after(async () => {
  close();
  await rm(dir, { recursive: true, force: true });
});

test('pages, directory redirects, security headers', async () => {
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 200);
  assert.equal(await res.text(), '<h1>A</h1>');
  const csp = res.headers.get('content-security-policy')!;
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  const redirect = await fetch(`${base}/informasi?x=1`, { redirect: 'manual' });
  assert.equal(redirect.status, 301);
  assert.equal(redirect.headers.get('location'), '/informasi/?x=1');
});

test('text is gzip-compressed for clients that accept it', async () => {
  const res = await fetch(`${base}/informasi/`, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(res.headers.get('content-encoding'), 'gzip');
  assert.equal(await res.text(), 'list'); // fetch decompresses
});

test('404 pages per language; nothing outside the root', async () => {
  assert.deepEqual([(await fetch(`${base}/tidak-ada/`)).status, await (await fetch(`${base}/tidak-ada/`)).text()], [404, 'tidak ditemukan']);
  assert.equal(await (await fetch(`${base}/en/missing/`)).text(), 'not found');
  for (const p of ['/..%2fsecret.txt', '/%2e%2e/secret.txt', '/escape.txt', '/a%00b']) assert.equal((await fetch(`${base}${p}`)).status, 404, p);
  assert.equal((await fetch(`${base}/`, { method: 'POST' })).status, 405);
  const real = path.join(dir, 'a');
  assert.equal(await resolveFile(real, '/../secret.txt'), null);
});

test('switching the live link serves the new build at once', async () => {
  await switchLink(path.join(dir, 'live'), path.join(dir, 'b'));
  assert.equal(await (await fetch(`${base}/`)).text(), '<h1>B</h1>');
});

test('before the first build is live, the server says so (503)', async () => {
  const server = createSiteServer({ root: path.join(dir, 'not-built-yet') });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  server.close();
  assert.equal(res.status, 503);
  assert.equal(res.headers.get('retry-after'), '5');
});
