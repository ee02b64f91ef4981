import { candidateHashes, isPublicFile, rowServing, uploadsTarget } from '../../src/uploads/public-files';

const DIP = 'api::dip-document.dip-document';

test('a file is public only through a published, non-exempt DIP entry (default deny)', () => {
  const published = { publishedAt: '2026-01-01T00:00:00.000Z', kategori: 'berkala' };
  expect(isPublicFile([])).toBe(false);
  expect(isPublicFile([{ uid: DIP, field: 'berkas', row: published }])).toBe(true);
  expect(isPublicFile([{ uid: DIP, field: 'berkas', row: { ...published, publishedAt: null } }])).toBe(false);
  expect(isPublicFile([{ uid: DIP, field: 'berkas', row: { ...published, kategori: 'dikecualikan' } }])).toBe(false);
  expect(isPublicFile([{ uid: DIP, field: 'lampiran', row: published }])).toBe(false);
  expect(isPublicFile([{ uid: 'api::notulen.notulen', field: 'berkas', row: published }])).toBe(false);
  // One public attachment is enough.
  expect(isPublicFile([{ uid: DIP, field: 'berkas', row: { ...published, publishedAt: null } }, { uid: DIP, field: 'berkas', row: published }])).toBe(true);
});

test('request paths are resolved as the static server resolves them', () => {
  expect(uploadsTarget('/uploads/laporan_ab12.pdf')).toEqual({ kind: 'file', name: 'laporan_ab12.pdf', canonicalPath: '/uploads/laporan_ab12.pdf' });
  for (const spelled of ['/%75ploads/laporan_ab12.pdf', '//uploads/laporan_ab12.pdf', '/x/../uploads/laporan_ab12.pdf', '/./uploads/laporan_ab12.pdf', '/UPLOADS/laporan_ab12.pdf', '/uploads%2flaporan_ab12.pdf', '/uploads\\laporan_ab12.pdf']) {
    expect(uploadsTarget(spelled)).toMatchObject({ kind: 'file', canonicalPath: expect.stringMatching(/^\/uploads\/laporan_ab12\.pdf$/i) });
  }
  expect(uploadsTarget('/uploads/%E0%A4%A.pdf')).toEqual({ kind: 'invalid' });
  expect(uploadsTarget('/uploads/a%00.pdf')).toEqual({ kind: 'invalid' });
  expect(uploadsTarget('/upload/files')).toEqual({ kind: 'none' });
  expect(uploadsTarget('/api/upload')).toEqual({ kind: 'none' });
  expect(uploadsTarget('/admin')).toEqual({ kind: 'none' });
  expect(uploadsTarget('/uploadsx/a.pdf')).toEqual({ kind: 'none' });
});

test('a stored name maps to its own hash or the hash of the original it is a format of', () => {
  expect(candidateHashes('laporan_ab12.pdf')).toEqual(['laporan_ab12', 'ab12']);
  expect(candidateHashes('thumbnail_foto_cd34.png')).toEqual(['thumbnail_foto_cd34', 'foto_cd34']);
  expect(candidateHashes('a/b.png')).toEqual([]);
  expect(candidateHashes('')).toEqual([]);
  const rows = [
    { id: 1, url: '/uploads/foto_cd34.png', formats: { thumbnail: { url: '/uploads/thumbnail_foto_cd34.png' } } },
    { id: 2, url: '/uploads/thumbnail_foto_cd34.png.png', formats: null },
  ];
  expect(rowServing(rows, '/uploads/thumbnail_foto_cd34.png')?.id).toBe(1);
  expect(rowServing(rows, '/uploads/foto_cd34.png')?.id).toBe(1);
  expect(rowServing([{ id: 3, url: '/uploads/x.png', formats: JSON.stringify({ small: { url: '/uploads/small_x.png' } }) as any }], '/uploads/small_x.png')?.id).toBe(3);
  expect(rowServing(rows, '/uploads/other.png')).toBeNull();
});
