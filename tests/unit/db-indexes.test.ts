import { indexStatement } from '../../src/db/indexes';

const columnOf = (attribute: string) => attribute.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

test('an index by attribute names becomes the statement on their columns', () => {
  expect(indexStatement('timer_slas', columnOf, { name: 'due_idx', attributes: ['cekBerikutnya'] })).toBe(
    'CREATE INDEX IF NOT EXISTS timer_slas_due_idx ON timer_slas (cek_berikutnya)',
  );
});

test('unique and partial indexes', () => {
  expect(indexStatement('notices', columnOf, { name: 'kunci_uq', attributes: ['kunciIdempotensi'], unique: true })).toBe(
    'CREATE UNIQUE INDEX IF NOT EXISTS notices_kunci_uq ON notices (kunci_idempotensi)',
  );
  expect(indexStatement('dip_documents', columnOf, { name: 'public_list_idx', attributes: ['nomor', 'locale'], whereNotNull: 'publishedAt' })).toBe(
    'CREATE INDEX IF NOT EXISTS dip_documents_public_list_idx ON dip_documents (nomor, locale) WHERE published_at IS NOT NULL',
  );
});

test('a name or column that is not a plain identifier is refused, nothing is built from it', () => {
  expect(() => indexStatement('dip_documents; DROP TABLE x', columnOf, { name: 'a', attributes: ['nomor'] })).toThrow(/not a plain SQL identifier/);
  expect(() => indexStatement('t', () => 'nomor) WHERE 1=1 --', { name: 'a', attributes: ['nomor'] })).toThrow(/not a plain SQL identifier/);
  expect(() => indexStatement('t', columnOf, { name: 'a b', attributes: ['nomor'] })).toThrow(/not a plain SQL identifier/);
});
