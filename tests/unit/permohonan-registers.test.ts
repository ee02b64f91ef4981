import { annualReportRows, localDate, objectionRegisterRow, requestRegisterRow, REQUEST_REGISTER_COLUMNS, OBJECTION_REGISTER_COLUMNS } from '../../src/permohonan/registers';
import { computeStatistics } from '../../src/permohonan/statistics';
import { businessCalendar } from '../../src/workflow/calendar';

const base = {
  nomorRegistrasi: '001/PPID/2026', diterimaPada: '2026-03-01T20:00:00.000Z', nama: 'Siti', alamat: 'Jl. A', telepon: '0812', email: 's@x.id',
  pekerjaan: 'Guru', rincianInformasi: 'Data', tujuanPenggunaan: 'Riset', informasiDikuasai: 'belum_didokumentasikan',
  caraMemperoleh: 'salinan_hardcopy', caraMenerima: 'pos', statusAlur: 'ditolak',
  dasarPengecualian: [{ nomor: 'DIP/1', dasarHukumPengecualian: 'Pasal 17 huruf b' }], batasWaktu: '2026-03-16T09:00:00.000Z',
  diperpanjang: false, dijawabPada: '2026-03-17T02:00:00.000Z', tanggalPemberitahuan: '2026-03-17', tanggalPenyerahan: null, biaya: '5000',
};

test('a request register row has one cell per column, dates in WIB, the refusal ground and the timeliness', () => {
  const row = requestRegisterRow(base);
  expect(row).toHaveLength(REQUEST_REGISTER_COLUMNS.length);
  expect(row[1]).toBe('02-03-2026'); // 20:00 UTC on 1 March is 2 March in WIB
  expect(row.slice(8, 13)).toEqual(['Belum didokumentasikan', 'Hardcopy', 'Salinan', 'Pos', 'Ditolak']);
  expect(row[13]).toBe('Pasal 17 huruf b');
  expect(row[16]).toBe('17-03-2026');
  expect(row[18]).toBe(5000);
  expect(row[19]).toBe('Tidak');
  expect(requestRegisterRow({ ...base, statusAlur: 'dikabulkan', caraMemperoleh: 'melihat_membaca', dijawabPada: null })[13]).toBe('');
  expect(localDate(null)).toBe('');
});

test('an objection register row names the Art. 35 ground and the superior decision', () => {
  const row = objectionRegisterRow({
    nomorRegistrasi: '001/KEB/PPID/2026', diajukanPada: '2026-04-01T02:00:00Z', permohonan: { nomorRegistrasi: '001/PPID/2026', nama: 'Siti' },
    alasan: 'biaya_tidak_wajar', ringkasanKasus: 'Biaya salinan terlalu mahal', statusAlur: 'dikabulkan', tanggapanAtasan: 'Biaya disesuaikan',
    ditanggapiPada: '2026-04-10T02:00:00Z', batasTanggapan: '2026-05-13T09:00:00Z', keKomisiInformasi: false,
  });
  expect(row).toHaveLength(OBJECTION_REGISTER_COLUMNS.length);
  expect(row[4]).toMatch(/^f\. pengenaan biaya/);
  expect(row[6]).toBe('Keberatan dikabulkan');
  expect(row[10]).toBe('Tidak');
});

test('the annual report rows carry the statistics', () => {
  const s = computeStatistics(2026, [], [], businessCalendar());
  const rows = annualReportRows(s);
  expect(rows.find((r) => r[0] === 'Jumlah permohonan informasi')?.[1]).toBe(0);
  expect(rows.find((r) => r[0] === 'Proporsi tepat waktu')?.[1]).toBe('-');
});
