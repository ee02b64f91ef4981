import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PAGES, build, fillLabels, normaliseApiUrl } from '../../build.js';

describe('normaliseApiUrl', () => {
  test('defaults and trims', () => {
    expect(normaliseApiUrl(undefined)).toBe('http://127.0.0.1:1337');
    expect(normaliseApiUrl(' https://cms.example.go.id/ ')).toBe('https://cms.example.go.id');
    expect(normaliseApiUrl('https://example.go.id/cms/')).toBe('https://example.go.id/cms');
  });

  test('refuses what cannot be an API base', () => {
    expect(() => normaliseApiUrl('127.0.0.1:1337')).toThrow(/http/);
    expect(() => normaliseApiUrl('not a url')).toThrow(/not a URL/);
    expect(() => normaliseApiUrl('ftp://x')).toThrow(/http/);
    expect(() => normaliseApiUrl('http://u:p@x')).toThrow(/plain/);
  });
});

describe('fillLabels', () => {
  const dict = { a: 'Satu & dua', b: 'Label "b"' };

  test('fills text and attributes, escaping them', () => {
    expect(fillLabels('<p data-i18n="a"></p>', dict)).toBe('<p data-i18n="a">Satu &amp; dua</p>');
    expect(fillLabels('<nav data-i18n-attr="aria-label:b">', dict)).toBe('<nav data-i18n-attr="aria-label:b" aria-label="Label &quot;b&quot;">');
    expect(fillLabels('<input placeholder="x" data-i18n-attr="placeholder:a">', dict)).toBe('<input placeholder="Satu &amp; dua" data-i18n-attr="placeholder:a">');
  });

  test('unknown keys and non-empty elements fail the build', () => {
    expect(() => fillLabels('<p data-i18n="nope"></p>', dict)).toThrow(/Unknown label key "nope"/);
    expect(() => fillLabels('<p data-i18n="a">x</p>', dict)).toThrow(/must be empty/);
  });
});

describe('build', () => {
  let out;
  beforeAll(async () => {
    out = await mkdtemp(path.join(os.tmpdir(), 'ppid-site-build-'));
    await build({ outDir: out, apiUrl: 'http://127.0.0.1:4567/' });
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  test('writes the configuration for the browser and the server', async () => {
    expect(await readFile(path.join(out, 'config.js'), 'utf8')).toContain('{"apiUrl":"http://127.0.0.1:4567"}');
    expect(JSON.parse(await readFile(path.join(out, 'config.json'), 'utf8'))).toEqual({ apiUrl: 'http://127.0.0.1:4567' });
  });

  test.each(PAGES.map((p) => p.file))('%s is complete Indonesian HTML', async (file) => {
    const html = await readFile(path.join(out, file), 'utf8');
    expect(html).toMatch(/^<!doctype html>\n<html lang="id"/);
    expect(html).not.toMatch(/\{\{|\}\}/);
    expect(html).not.toMatch(/data-i18n="[^"]*"><\//); // no label left empty
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<a href="#main" class="skip-link"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/); // no inline script (CSP)
    expect(html).not.toMatch(/\sstyle="/); // no inline style (CSP)
  });

  test('copies modules and styles', async () => {
    await expect(readFile(path.join(out, 'js/pages/list.js'), 'utf8')).resolves.toContain("from '../../config.js'");
    await expect(readFile(path.join(out, 'css/site.css'), 'utf8')).resolves.toContain('.skip-link');
  });
});
