import zlib from 'node:zlib';
import { decidePdf, scanPdf } from '../../src/uploads/pdf-scan';
import {
  pdfFromObjects,
  pdfMentioningJavaScript,
  pdfWithAdditionalActions,
  pdfWithEmbeddedFile,
  pdfWithJsInObjectStream,
  pdfWithObfuscatedJs,
  pdfWithOpenActionJs,
  streamObject,
  validPdf,
} from '../helpers/files';

const strict = { allowScripts: false, allowAttachments: false };
const names = (buf: Buffer) => scanPdf(buf).findings.map((f) => f.name).sort();

test('a plain PDF has no active content', () => {
  expect(scanPdf(validPdf())).toMatchObject({ findings: [], unverifiable: null, encrypted: false });
  expect(decidePdf(validPdf(), strict, 'a.pdf').ok).toBe(true);
});

test('JavaScript run by /OpenAction is found, also hex-escaped and inside a compressed object stream', () => {
  expect(names(pdfWithOpenActionJs())).toEqual(['/JS', '/JavaScript']);
  expect(names(pdfWithObfuscatedJs())).toEqual(['/JS', '/JavaScript']);
  const objStm = scanPdf(pdfWithJsInObjectStream());
  expect(objStm.objectStreams).toBe(1);
  expect(objStm.findings.map((f) => f.name).sort()).toEqual(['/JS', '/JavaScript']);
  // A reader finds object streams through the xref and needs only /N and /First.
  expect(names(pdfWithJsInObjectStream({ declareType: false }))).toEqual(['/JS', '/JavaScript']);
});

test('additional actions, embedded files and /Launch are found', () => {
  expect(names(pdfWithAdditionalActions())).toEqual(['/AA', '/JS', '/JavaScript']);
  expect(names(pdfWithEmbeddedFile())).toEqual(['/EmbeddedFile', '/EmbeddedFiles']);
  const launch = pdfFromObjects(['<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>']);
  expect(names(launch)).toEqual(['/Launch']);
});

test('text and comments that only mention /JavaScript are not findings', () => {
  expect(scanPdf(pdfMentioningJavaScript()).findings).toEqual([]);
  const inStream = pdfFromObjects(['<< /Type /Catalog >>', streamObject('', '/JS /JavaScript /AA (binary-ish content of a page)')]);
  expect(scanPdf(inStream).findings).toEqual([]);
});

test('the policy: refused by default with an Indonesian message, allowed when configured; /Launch always refused', () => {
  const js = decidePdf(pdfWithOpenActionJs(), strict, 'dip.pdf');
  expect(js).toMatchObject({ ok: false, code: 'PDF_ACTIVE_CONTENT' });
  expect(!js.ok && js.message).toMatch(/^PDF "dip.pdf" ditolak karena memuat skrip \(JavaScript\/aksi otomatis\)/);
  expect(decidePdf(pdfWithOpenActionJs(), { allowScripts: true, allowAttachments: false }, 'a.pdf').ok).toBe(true);
  const att = decidePdf(pdfWithEmbeddedFile(), strict, 'a.pdf');
  expect(!att.ok && att.message).toContain('berkas tersemat');
  expect(decidePdf(pdfWithEmbeddedFile(), { allowScripts: false, allowAttachments: true }, 'a.pdf').ok).toBe(true);
  const launch = pdfFromObjects(['<< /Type /Catalog /OpenAction << /S /Launch /F (cmd.exe) >> >>']);
  expect(decidePdf(launch, { allowScripts: true, allowAttachments: true }, 'a.pdf').ok).toBe(false);
});

test('object streams that cannot be decoded are refused as unverifiable (fail closed)', () => {
  const weird = pdfFromObjects(['<< /Type /Catalog >>', '<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode /Length 4 >>\nstream\nabcd\nendstream']);
  expect(scanPdf(weird).unverifiable).toMatch(/LZWDecode/);
  expect(decidePdf(weird, strict, 'a.pdf')).toMatchObject({ ok: false, code: 'PDF_UNVERIFIABLE' });
  const broken = pdfFromObjects(['<< /Type /Catalog >>', '<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 4 >>\nstream\n\xff\xfe\xfd\xfc\nendstream']);
  expect(scanPdf(broken).unverifiable).toBeTruthy();
  const encrypted = Buffer.concat([pdfWithJsInObjectStream(), Buffer.from('trailer << /Encrypt 9 0 R >>\n')]);
  expect(scanPdf(encrypted)).toMatchObject({ encrypted: true, unverifiable: expect.stringMatching(/terenkripsi/) });
});

test('a decompression bomb in an object stream is not inflated beyond the limit', () => {
  const bomb = zlib.deflateSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
  const pdf = pdfFromObjects([
    '<< /Type /Catalog >>',
    Buffer.concat([Buffer.from(`<< /Type /ObjStm /N 1 /First 2 /Filter /FlateDecode /Length ${bomb.length} >>\nstream\n`, 'latin1'), bomb, Buffer.from('\nendstream')]),
  ]);
  expect(scanPdf(pdf, { maxStreamBytes: 1024 * 1024, maxDecodedBytes: 2 * 1024 * 1024 }).unverifiable).toMatch(/terlalu besar/);
  expect(scanPdf(pdf).unverifiable).toBeNull();
});

test('ASCIIHex/ASCII85 chains and PNG predictors are decoded', () => {
  const inner = Buffer.from('6 0 << /S /JavaScript /JS (x) >>', 'latin1');
  const hex = inner.toString('hex') + '>';
  const pdf = pdfFromObjects(['<< /Type /Catalog >>', `<< /Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode /Length ${hex.length} >>\nstream\n${hex}\nendstream`]);
  expect(names(pdf)).toEqual(['/JS', '/JavaScript']);
  // PNG "Up" predictor over 8 columns, then Flate.
  const columns = 8;
  const rows: Buffer[] = [];
  const padded = Buffer.concat([inner, Buffer.alloc((columns - (inner.length % columns)) % columns, 0x20)]);
  let prev = Buffer.alloc(columns);
  for (let i = 0; i < padded.length; i += columns) {
    const row = padded.subarray(i, i + columns);
    rows.push(Buffer.concat([Buffer.from([2]), Buffer.from(row.map((v, k) => (v - prev[k]) & 255))]));
    prev = Buffer.from(row);
  }
  const data = zlib.deflateSync(Buffer.concat(rows));
  const predicted = pdfFromObjects([
    '<< /Type /Catalog >>',
    Buffer.concat([
      Buffer.from(`<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns ${columns} >> /Length ${data.length} >>\nstream\n`, 'latin1'),
      data,
      Buffer.from('\nendstream'),
    ]),
  ]);
  expect(names(predicted)).toEqual(['/JS', '/JavaScript']);
});
