/** REST API rows shaped as Strapi 5 sends them (GET /api/dip-documents?populate…). */
export function apiRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const documentId = (overrides.documentId as string) ?? 'doc1';
  return {
    id: 1,
    documentId,
    nomor: 'DIP/B/001/2026',
    judul: 'Laporan Keuangan Tahun 2026',
    ringkasan: 'Laporan keuangan dinas.',
    kategori: 'berkala',
    pejabatPenguasa: 'Kepala Dinas',
    penanggungJawab: 'Sub Koordinator PPID',
    waktuPembuatan: '2026-01-15',
    tempatPembuatan: 'Padang',
    bentukInformasi: 'softcopy',
    jangkaWaktuPenyimpanan: '10 tahun',
    tahun: '2026',
    locale: 'id',
    publishedAt: '2026-02-01T03:00:00.000Z',
    updatedAt: '2026-02-01T03:00:00.000Z',
    unit: { id: 1, documentId: 'u1', kode: 'sekretariat', nama: 'Sekretariat' },
    berkas: { id: 1, documentId: 'f1', url: `/uploads/${documentId}.pdf`, name: `${documentId}.pdf`, mime: 'application/pdf', ext: '.pdf', size: 12.5 },
    ...overrides,
  };
}
