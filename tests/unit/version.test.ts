import { canonicalVersion, sharedFingerprint, versionFingerprint, type VersionSchema } from '../../src/workflow/version';

const schema: VersionSchema = {
  attributes: {
    nomor: { type: 'string', localized: false },
    judul: { type: 'string', localized: true },
    tanggal: { type: 'date', localized: false },
    diperbarui: { type: 'datetime', localized: true },
    unit: { type: 'relation', localized: false },
    berkas: { type: 'media', localized: false },
    statusAlur: { type: 'enumeration', localized: true },
    notaPermintaan: { type: 'relation', localized: false },
    butir: { type: 'component', localized: true, component: 'ppid.butir' },
    updatedAt: { type: 'datetime', localized: false },
  },
};
const components = (uid: string): VersionSchema | undefined =>
  uid === 'ppid.butir' ? { attributes: { teks: { type: 'string', localized: true } } } : undefined;
const excluded = new Set(['statusAlur', 'notaPermintaan']);

const file = { id: 7, hash: 'abc', ext: '.pdf', mime: 'application/pdf', size: 12.5, url: '/uploads/abc.pdf', name: 'a.pdf', caption: null, alternativeText: null, updatedAt: '2026-11-01T00:00:00.000Z' };
const row = {
  id: 1, documentId: 'd1', locale: 'id', publishedAt: null, updatedAt: '2026-11-02T00:00:00.000Z',
  nomor: 'DIP/1', judul: 'Judul', tanggal: '2026-01-02', diperbarui: '2026-11-01T07:00:00+07:00',
  unit: { id: 3, documentId: 'u1' }, berkas: file, statusAlur: 'disetujui', notaPermintaan: { id: 9, documentId: 'n1' },
  butir: [{ id: 11, teks: 'satu' }],
};
const fp = (r: Record<string, unknown>) => versionFingerprint(canonicalVersion(schema, r, excluded, components));

describe('content version fingerprints', () => {
  test('the same content in another row (draft vs published copy, other ids) has the same fingerprint', () => {
    const published = { ...row, id: 2, publishedAt: '2026-11-03T00:00:00.000Z', updatedAt: '2026-11-03T00:00:00.000Z', unit: { id: 4, documentId: 'u1' }, butir: [{ id: 12, teks: 'satu' }], diperbarui: new Date('2026-11-01T00:00:00Z') };
    expect(fp(published)).toBe(fp(row));
  });

  test('workflow state, internal links and row bookkeeping are not content', () => {
    expect(fp({ ...row, statusAlur: 'menunggu_persetujuan', notaPermintaan: null, updatedAt: '2030-01-01T00:00:00Z' })).toBe(fp(row));
  });

  test.each([
    ['a localized text', { judul: 'Judul lain' }],
    ['a shared text', { nomor: 'DIP/2' }],
    ['a relation target', { unit: { id: 3, documentId: 'u2' } }],
    ['another file', { berkas: { ...file, id: 8 } }],
    ['the same file replaced in place (same hash and URL, new updatedAt)', { berkas: { ...file, updatedAt: '2026-11-05T00:00:00.000Z' } }],
    ['a file caption', { berkas: { ...file, caption: 'baru' } }],
    ['a removed file', { berkas: null }],
    ['a component value', { butir: [{ id: 11, teks: 'dua' }] }],
    ['a date', { tanggal: '2026-01-03' }],
  ])('%s changes the fingerprint', (_label, change) => {
    expect(fp({ ...row, ...change })).not.toBe(fp(row));
  });

  test('the shared fingerprint follows shared attributes only', () => {
    const shared = (r: Record<string, unknown>) => sharedFingerprint(canonicalVersion(schema, r, excluded, components));
    expect(shared({ ...row, judul: 'Judul lain', butir: [] })).toBe(shared(row));
    expect(shared({ ...row, nomor: 'DIP/9' })).not.toBe(shared(row));
    expect(shared({ ...row, berkas: null })).not.toBe(shared(row));
  });

  test('empty string, null and a missing value are the same absence', () => {
    expect(fp({ ...row, nomor: '' })).toBe(fp({ ...row, nomor: null }));
    const { nomor: _n, ...withoutNomor } = row;
    expect(fp(withoutNomor)).toBe(fp({ ...row, nomor: null }));
  });
});
