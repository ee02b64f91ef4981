/**
 * Why the PPID upload checks exist next to Strapi's own (ASVS 5.0 V5).
 *
 * Strapi 5.54's upload plugin validates files with `file-type` (configured in config/plugins.ts,
 * applied on every upload and replace route). `file-type` is ESM-only and cannot load inside jest
 * ("dynamic import callback was invoked without --experimental-vm-modules"), where Strapi's check
 * then silently falls back to the declared type. So Strapi's layer is exercised here in a plain
 * Node process, with the real library, on the probe's files: it refuses what `file-type` can name
 * (an MZ executable, a declared text/html or image/svg+xml), but text formats have no magic number,
 * and when detection finds nothing it trusts the extension. An HTML page or a script named .pdf and
 * declared application/pdf, and an SVG (without an XML prolog) named .png, pass it. The PPID checks refuse all of them.
 *
 * If the first test fails after a Strapi upgrade, Strapi's layer changed: review README "Uploads".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFile } from '../../src/uploads/inspect';
import { htmlPage, jsFile, mzExecutable, svgWithScript, validPdf } from '../helpers/files';
import { ALLOWED_MIME_TYPES, DENIED_MIME_TYPES } from '../../src/uploads/file-types';

const ROOT = path.resolve(__dirname, '../..');
let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-mime-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CASES: Array<[string, string, string, () => Buffer]> = [
  ['html page named .html', 'laporan.html', 'text/html', htmlPage],
  ['svg named .svg', 'logo.svg', 'image/svg+xml', svgWithScript],
  ['MZ executable named .pdf', 'setup.pdf', 'application/pdf', mzExecutable],
  ['html page named .pdf, declared application/pdf', 'dip.pdf', 'application/pdf', htmlPage],
  ['script named .pdf, declared application/pdf', 'x.pdf', 'application/pdf', jsFile],
  ['svg without an XML prolog named .png, declared image/png', 'logo.png', 'image/png', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
  ['real PDF', 'laporan.pdf', 'application/pdf', validPdf],
];

function strapiLayer(): Record<string, { isValid: boolean; type: string }> {
  const files = CASES.map(([label, name, type, bytes], i) => {
    const p = path.join(dir, `${i}-${name}`);
    fs.writeFileSync(p, bytes());
    return { label, file: { filepath: p, originalFilename: name, mimetype: type } };
  });
  const script = `
    const mv = require(${JSON.stringify(path.join(ROOT, 'node_modules/@strapi/upload/dist/server/utils/mime-validation.js'))});
    const config = ${JSON.stringify({ allowedTypes: ALLOWED_MIME_TYPES, deniedTypes: DENIED_MIME_TYPES })};
    const fake = { log: { warn() {}, error() {} } };
    (async () => {
      const out = {};
      for (const { label, file } of ${JSON.stringify(files)}) {
        const r = await mv.validateFile(file, config, fake);
        out[label] = { isValid: r.isValid, type: r.detectedMime || (r.error && r.error.message) };
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout);
}

test("Strapi's own layer (file-type, in plain Node) refuses what it can name and lets lying text files through", () => {
  const result = strapiLayer();
  expect(result['html page named .html'].isValid).toBe(false);
  expect(result['svg named .svg'].isValid).toBe(false);
  expect(result['MZ executable named .pdf']).toEqual({ isValid: false, type: "File type 'application/x-msdownload' is not allowed" });
  expect(result['real PDF']).toEqual({ isValid: true, type: 'application/pdf' });
  // The gaps: no magic number, so the extension and the declared type are believed.
  expect(result['html page named .pdf, declared application/pdf']).toEqual({ isValid: true, type: 'application/pdf' });
  expect(result['script named .pdf, declared application/pdf']).toEqual({ isValid: true, type: 'application/pdf' });
  expect(result['svg without an XML prolog named .png, declared image/png']).toEqual({ isValid: true, type: 'image/png' });
});

test('the PPID checks refuse every one of them and accept the real PDF', async () => {
  const options = { pdf: { allowScripts: false, allowAttachments: false }, maxBytes: 20 * 1024 * 1024 };
  for (const [label, name, type, bytes] of CASES) {
    const result = await inspectFile({ buffer: bytes(), originalFilename: name, mimetype: type }, options);
    expect({ label, ok: result.ok }).toEqual({ label, ok: label === 'real PDF' });
  }
});
