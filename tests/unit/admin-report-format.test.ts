import { chartAlternative, describeExportError, formatMinutes, slaChartData } from '../../src/admin/reports/format';
import type { Figures } from '../../src/reports/figures';

test('a chart text alternative names every bar and its value', () => {
  const text = chartAlternative(
    'Dokumen DIP per kategori',
    [
      { nama: 'berkala', terbit: 3, diperbarui: 1 },
      { nama: 'setiap saat', terbit: 1, diperbarui: 0 },
    ],
    [
      { key: 'terbit', name: 'Terbit pertama' },
      { key: 'diperbarui', name: 'Diperbarui' },
    ],
  );
  expect(text).toBe('Dokumen DIP per kategori: berkala — Terbit pertama 3, Diperbarui 1; setiap saat — Terbit pertama 1, Diperbarui 0.');
  expect(chartAlternative('Kosong', [], [])).toBe('Kosong: tidak ada data.');
});

test('SLA rows and chart points come from the figures', () => {
  const f = {
    sla: [{ alur: 'Dokumen DIP', keadaan: 'Menunggu persetujuan Koordinator', workflow: 'x', state: 'y', jumlah: 3, terpenuhi: 2, terlambat: 1, medianMenitKerja: 120, terlamaMenitKerja: 3600 }],
  } as unknown as Figures;
  const d = slaChartData(f);
  expect(d.rows).toEqual([['Dokumen DIP', 'Menunggu persetujuan Koordinator', 3, 2, 1, '2 jam', '60 jam']]);
  expect(d.chart[0]).toEqual({ nama: 'Menunggu persetujuan Koord…', tepat: 2, terlambat: 1 });
  expect(formatMinutes(125)).toBe('2 jam 5 menit');
  expect(formatMinutes(null)).toBe('-');
});

test('a refusal shows the server message', () => {
  expect(describeExportError({ response: { data: { error: { message: 'Tahun Daftar Informasi Publik tidak valid.' } } } })).toBe('Tahun Daftar Informasi Publik tidak valid.');
  expect(describeExportError(new Error('x'))).toBe('Permintaan gagal; coba lagi.');
});
