import { ALLOWED_MIME_TYPES, decideUpload, extensionOf, findMarkup, servingTypeFor, sniff } from '../../src/uploads/file-types';
import { htmlPage, jsFile, mzExecutable, pdfHtmlPolyglot, svgWithScript, validPdf } from '../helpers/files';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(64, 1)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), Buffer.from('JFIF\0'), Buffer.alloc(64, 2)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([60, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(64, 3)]);

const decide = (fileName: string, bytes: Buffer, declaredType?: string, replacingMime?: string) =>
  decideUpload({ fileName, declaredType, size: bytes.length, head: bytes.subarray(0, 4096), whole: bytes, replacingMime });

describe('sniff: the real type from the first bytes', () => {
  it('recognises the four allowed kinds', () => {
    expect(sniff(validPdf())).toEqual({ allowed: true, kind: 'pdf' });
    expect(sniff(PNG)).toEqual({ allowed: true, kind: 'png' });
    expect(sniff(JPEG)).toEqual({ allowed: true, kind: 'jpeg' });
    expect(sniff(WEBP)).toEqual({ allowed: true, kind: 'webp' });
  });
  it('names what it refuses', () => {
    expect(sniff(mzExecutable())).toEqual({ allowed: false, label: 'program Windows (EXE/DLL)' });
    expect(sniff(htmlPage())).toEqual({ allowed: false, label: 'halaman HTML' });
    expect(sniff(svgWithScript())).toEqual({ allowed: false, label: 'gambar SVG (dapat memuat skrip)' });
    expect(sniff(jsFile())).toEqual({ allowed: false, label: 'teks atau skrip (misalnya JavaScript)' });
    expect(sniff(Buffer.from('\ufeff  <HTML><BODY>x</BODY></HTML>'))).toMatchObject({ label: 'halaman HTML' });
    expect(sniff(Buffer.from('PK\x03\x04rest', 'latin1'))).toMatchObject({ label: 'arsip ZIP (termasuk dokumen Office)' });
    expect(sniff(Buffer.from('GIF89a....'))).toMatchObject({ label: 'gambar GIF' });
    expect(sniff(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toMatchObject({ label: 'program Linux (ELF)' });
  });
  it('a PDF signature must be at offset 0 (a reader would accept it later, a sniffer too)', () => {
    expect(sniff(Buffer.from('   %PDF-1.4\n'))).toMatchObject({ allowed: false });
  });
});

describe('decideUpload: content, extension and declared type must agree', () => {
  it('accepts a real PDF named .pdf (also upper case .PDF, and a generic declared type)', () => {
    expect(decide('laporan.pdf', validPdf(), 'application/pdf')).toMatchObject({ ok: true, type: { mime: 'application/pdf' } });
    expect(decide('LAPORAN.PDF', validPdf(), 'application/pdf')).toMatchObject({ ok: true });
    expect(decide('laporan.pdf', validPdf(), 'application/octet-stream')).toMatchObject({ ok: true });
    expect(decide('laporan.pdf', validPdf(), '')).toMatchObject({ ok: true });
    expect(decide('foto.jpg', JPEG, 'image/jpeg')).toMatchObject({ ok: true, type: { mime: 'image/jpeg' } });
    expect(decide('foto.JPEG', JPEG, 'image/jpg')).toMatchObject({ ok: true, type: { mime: 'image/jpeg' } });
    expect(decide('foto.png', PNG, 'image/png')).toMatchObject({ ok: true });
    expect(decide('foto.webp', WEBP, 'image/webp')).toMatchObject({ ok: true });
  });

  it('refuses HTML, SVG, JavaScript and executables, whatever they are called or declared', () => {
    for (const [name, bytes, declared] of [
      ['x.html', htmlPage(), 'text/html'],
      ['x.pdf', htmlPage(), 'application/pdf'],
      ['x.svg', svgWithScript(), 'image/svg+xml'],
      ['x.png', svgWithScript(), 'image/png'],
      ['x.js', jsFile(), 'application/javascript'],
      ['x.pdf', jsFile(), 'application/pdf'],
      ['setup.pdf', mzExecutable(), 'application/pdf'],
      ['setup.exe', mzExecutable(), 'application/x-msdownload'],
    ] as const) {
      const d = decide(name, bytes, declared);
      expect(d).toMatchObject({ ok: false, code: 'FILE_TYPE_NOT_ALLOWED' });
      if (!d.ok) expect(d.message).toMatch(/ditolak: isinya .*Yang boleh diunggah hanya PDF/);
    }
    const exe = decide('setup.pdf', mzExecutable(), 'application/pdf');
    expect(!exe.ok && exe.message).toContain('program Windows (EXE/DLL)');
  });

  it('refuses a real PDF whose name or declared type lies (double extensions included)', () => {
    expect(decide('laporan.pdf.html', validPdf(), 'application/pdf')).toMatchObject({ ok: false, code: 'FILE_EXTENSION_MISMATCH' });
    expect(decide('laporan.html', validPdf(), 'text/html')).toMatchObject({ ok: false, code: 'FILE_EXTENSION_MISMATCH' });
    expect(decide('laporan', validPdf(), 'application/pdf')).toMatchObject({ ok: false, code: 'FILE_EXTENSION_MISMATCH' });
    expect(decide('laporan.pdf', validPdf(), 'text/html')).toMatchObject({ ok: false, code: 'FILE_DECLARED_TYPE_MISMATCH' });
    expect(decide('foto.png', JPEG, 'image/png')).toMatchObject({ ok: false, code: 'FILE_EXTENSION_MISMATCH' });
    expect(decide('foto.jpg', JPEG, 'image/png')).toMatchObject({ ok: false, code: 'FILE_DECLARED_TYPE_MISMATCH' });
    const m = decide('laporan.pdf.html', validPdf(), 'application/pdf');
    expect(!m.ok && m.message).toContain('Ganti akhiran nama berkas menjadi .pdf');
  });

  it('refuses polyglots: markup in the first KiB, or script/HTML tags anywhere', () => {
    expect(decide('x.pdf', pdfHtmlPolyglot(), 'application/pdf')).toMatchObject({ ok: false, code: 'FILE_POLYGLOT' });
    const tail = Buffer.concat([PNG, Buffer.alloc(3000, 0), Buffer.from('<script>alert(1)</script>')]);
    expect(decide('x.png', tail, 'image/png')).toMatchObject({ ok: false, code: 'FILE_POLYGLOT' });
    expect(findMarkup(Buffer.from('%PDF-1.4 <</Type /Catalog>> <48656c6c6f>'))).toBeNull();
    expect(findMarkup(Buffer.from('%PDF-1.4 <x:xmpmeta><rdf:RDF><pdf:Producer>'))).toBeNull();
  });

  it('refuses bad names and empty files', () => {
    expect(decide('../x.pdf', validPdf())).toMatchObject({ ok: false, code: 'FILE_NAME_INVALID' });
    expect(decide('x\u0000.pdf', validPdf())).toMatchObject({ ok: false, code: 'FILE_NAME_INVALID' });
    expect(decide('x.pdf', Buffer.alloc(0))).toMatchObject({ ok: false, code: 'FILE_EMPTY' });
  });

  it('a replacement must be of the same kind as the file it replaces', () => {
    expect(decide('baru.pdf', validPdf(), 'application/pdf', 'application/pdf')).toMatchObject({ ok: true });
    expect(decide('baru.png', PNG, 'image/png', 'application/pdf')).toMatchObject({ ok: false, code: 'FILE_REPLACE_TYPE_MISMATCH' });
    expect(decide('baru.pdf', validPdf(), 'application/pdf', 'text/html')).toMatchObject({ ok: false, code: 'FILE_REPLACE_TYPE_MISMATCH' });
  });
});

test('serving: allowed kinds inline with their own type, everything else a download', () => {
  expect(servingTypeFor('a.pdf')).toEqual({ contentType: 'application/pdf', inline: true });
  expect(servingTypeFor('a.PNG')).toEqual({ contentType: 'image/png', inline: true });
  expect(servingTypeFor('a.html')).toEqual({ contentType: 'application/octet-stream', inline: false });
  expect(servingTypeFor('a.svg')).toEqual({ contentType: 'application/octet-stream', inline: false });
  expect(servingTypeFor('a.js')).toEqual({ contentType: 'application/octet-stream', inline: false });
  expect(extensionOf('a.pdf.html')).toBe('.html');
  expect(extensionOf('.pdf')).toBe('');
  expect(ALLOWED_MIME_TYPES).not.toContain('image/svg+xml');
});
