import { checkDipEntry } from '../../src/content/dip-rules';
import { publicDipQuery } from '../../src/api/dip-document/public-query';
import { makePdf } from '../../src/seed/pdf';

const pdf = { name: 'a.pdf', mime: 'application/pdf', ext: '.pdf', sizeKb: 100 };
const exemptComplete = {
  kategori: 'dikecualikan',
  dasarHukumPengecualian: 'Pasal 17 huruf h',
  ringkasanUjiKonsekuensi: 'Merugikan',
  jangkaWaktuPengecualian: '5 tahun',
};

test('a public entry with a PDF within the limit passes', () => {
  expect(checkDipEntry({ kategori: 'berkala' }, pdf, 20)).toEqual([]);
  expect(checkDipEntry({ kategori: 'setiap_saat' }, null, 20)).toEqual([]);
});

test('an exempt entry never carries a file, and needs its legal basis, consequence test and period', () => {
  expect(checkDipEntry(exemptComplete, null, 20)).toEqual([]);
  expect(checkDipEntry(exemptComplete, pdf, 20).map((p) => p.path)).toEqual(['berkas']);
  expect(checkDipEntry({ kategori: 'dikecualikan', dasarHukumPengecualian: '   ' }, null, 20).map((p) => p.path)).toEqual([
    'dasarHukumPengecualian',
    'ringkasanUjiKonsekuensi',
    'jangkaWaktuPengecualian',
  ]);
});

test('a year must be written with four digits', () => {
  expect(checkDipEntry({ kategori: 'berkala', tahun: '2026' }, null, 20)).toEqual([]);
  expect(checkDipEntry({ kategori: 'berkala', tahun: null }, null, 20)).toEqual([]);
  expect(checkDipEntry({ kategori: 'berkala', tahun: '26' }, null, 20)).toEqual([
    { path: 'tahun', message: 'Tahun harus ditulis dengan 4 angka, misalnya 2026 (diisi "26").' },
  ]);
  expect(checkDipEntry({ kategori: 'berkala', tahun: '2o26' }, null, 20).map((p) => p.path)).toEqual(['tahun']);
});

test('files must be PDFs by type and extension, and within the size limit', () => {
  expect(checkDipEntry({ kategori: 'berkala' }, { ...pdf, ext: '.exe' }, 20)[0].message).toMatch(/bukan PDF/);
  expect(checkDipEntry({ kategori: 'berkala' }, { ...pdf, mime: 'text/html' }, 20)[0].message).toMatch(/bukan PDF/);
  expect(checkDipEntry({ kategori: 'berkala' }, { ...pdf, sizeKb: 21 * 1024 }, 20)[0].message).toBe(
    'Berkas "a.pdf" berukuran 21.0 MB; batasnya 20 MB.',
  );
  expect(checkDipEntry({ kategori: 'berkala' }, { ...pdf, sizeKb: 20 * 1024 }, 20)).toEqual([]);
});

test('the public query always asks for published, non-exempt entries', () => {
  expect(publicDipQuery({ status: 'draft', locale: 'en' })).toEqual({
    locale: 'en',
    status: 'published',
    filters: { kategori: { $ne: 'dikecualikan' } },
  });
  const mine = { kategori: { $eq: 'dikecualikan' } };
  expect(publicDipQuery({ filters: mine })).toEqual({
    status: 'published',
    filters: { $and: [mine, { kategori: { $ne: 'dikecualikan' } }] },
  });
});

test('generated PDFs are well-formed: header, trailer and a cross-reference table that points at each object', () => {
  const buf = makePdf('Judul (uji)', ['baris satu']);
  const text = buf.toString('latin1');
  expect(text.startsWith('%PDF-1.4\n')).toBe(true);
  expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
  expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
  const offsets = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  expect(offsets).toHaveLength(5);
  offsets.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  expect(text).toContain('(Judul \\(uji\\)) Tj');
});
