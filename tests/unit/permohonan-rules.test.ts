import { businessCalendar } from '../../src/workflow/calendar';
import {
  answerDeadline,
  extendedDeadline,
  formatRegistrationNumber,
  hashTrackingCode,
  isObjectionInTime,
  newTrackingCode,
  objectionAnswerDeadline,
  objectionFilingDeadline,
  trackingCodeMatches,
  validateNumberFormat,
  validateRequestInput,
  isHoneypotFilled,
} from '../../src/permohonan/rules';
import { memoryRateLimiter } from '../../src/http/rate-limit';

const wib = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+07:00`);
const show = (d: Date): string => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
// 2026: Monday 2 March. Nyepi (Thu 19 Mar) and Idul Fitri 20–24 March as holidays in this test.
const cal = businessCalendar({ holidays: ['2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24'] });
const plain = businessCalendar();

describe('legal deadlines on working days', () => {
  test('10 working days from receipt, day of receipt not counted, weekends skipped', () => {
    // Received Monday 2 March 10:00 -> 10th working day after is Monday 16 March, closing 16:00.
    expect(show(answerDeadline(wib('2026-03-02 10:00'), plain))).toBe('2026-03-16 16:00');
    // Received Friday 6 March after closing: still counts from the next working day.
    expect(show(answerDeadline(wib('2026-03-06 20:00'), plain))).toBe('2026-03-20 16:30');
    // Received on Saturday: the weekend day is the day of receipt, Monday is day 1.
    expect(show(answerDeadline(wib('2026-03-07 09:00'), plain))).toBe('2026-03-20 16:30');
  });

  test('holidays are skipped', () => {
    // From Mon 9 March: 10,11,12,13,16,17,18 (7), then 19,20,23,24 are holidays, 25,26,27 -> Fri 27.
    expect(show(answerDeadline(wib('2026-03-09 08:00'), cal))).toBe('2026-03-27 16:30');
    expect(show(answerDeadline(wib('2026-03-09 08:00'), plain))).toBe('2026-03-23 16:00');
  });

  test('the extension adds 7 working days to the deadline, not to the day it is decided', () => {
    const deadline = answerDeadline(wib('2026-03-02 10:00'), plain); // Mon 16 March
    expect(show(extendedDeadline(deadline, plain))).toBe('2026-03-25 16:00');
    // Across the holidays: 17,18 then 19,20,23,24 skipped, 25,26,27,30,31 -> Tue 31 March.
    expect(show(extendedDeadline(deadline, cal))).toBe('2026-03-31 16:00');
    // 17 working days from receipt in total.
    expect(extendedDeadline(deadline, plain).getTime()).toBe(
      new Date(answerDeadline(wib('2026-03-02 10:00'), plain)).getTime() + 9 * 86_400_000,
    );
  });

  test('objection: filed within 30 working days of its grounds; answered within 30 working days', () => {
    const grounds = wib('2026-03-02 10:00');
    const last = objectionFilingDeadline(grounds, plain);
    expect(show(last)).toBe('2026-04-13 16:00'); // 6 weeks of 5 days = 30 working days
    expect(isObjectionInTime(grounds, wib('2026-04-13 15:59'), plain)).toBe(true);
    expect(isObjectionInTime(grounds, wib('2026-04-14 07:30'), plain)).toBe(false);
    // Holidays push it by their number of working days (4).
    expect(show(objectionFilingDeadline(grounds, cal))).toBe('2026-04-17 16:30');
    expect(show(objectionAnswerDeadline(wib('2026-04-01 09:00'), plain))).toBe('2026-05-13 16:00');
  });
});

describe('registration number', () => {
  test('format with sequence and year', () => {
    expect(formatRegistrationNumber('{nomor}/PPID/{tahun}', 7, 2026)).toBe('007/PPID/2026');
    expect(formatRegistrationNumber('PPID-{tahun}-{nomor}', 1234, 2026)).toBe('PPID-2026-1234');
    expect(() => formatRegistrationNumber('{nomor}/{tahun}', 0, 2026)).toThrow();
  });
  test('format validation', () => {
    expect(validateNumberFormat('{nomor}/PPID/{tahun}')).toBeNull();
    expect(validateNumberFormat('PPID/{tahun}')).toMatch(/\{nomor\}/);
    expect(validateNumberFormat('{nomor}/PPID')).toMatch(/\{tahun\}/);
    expect(validateNumberFormat('{nomor} {tahun}')).toMatch(/hanya boleh/);
  });
});

describe('tracking code', () => {
  test('random, readable, stored hashed, compared regardless of case and dashes', () => {
    const a = newTrackingCode();
    expect(a).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(newTrackingCode()).not.toBe(a);
    const h = hashTrackingCode(a);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(a);
    expect(trackingCodeMatches(a, h)).toBe(true);
    expect(trackingCodeMatches(a.toLowerCase().replace(/-/g, ''), h)).toBe(true);
    expect(trackingCodeMatches('AAAA-BBBB-CCCC', h)).toBe(false);
    expect(trackingCodeMatches(a, null)).toBe(false);
    expect(trackingCodeMatches(a, 'garbage')).toBe(false);
  });
});

const good = {
  jenisPemohon: 'perorangan',
  nama: 'Siti Rahmawati',
  nomorIdentitas: '3175 0123 4567 8901',
  alamat: 'Jl. Merdeka No. 10, Padang',
  telepon: '0812-3456-7890',
  email: 'Siti@Contoh.id',
  pekerjaan: 'Wiraswasta',
  rincianInformasi: 'Daftar penerima hibah tahun 2025',
  tujuanPenggunaan: 'Bahan penelitian skripsi',
  caraMemperoleh: 'salinan_softcopy',
  caraMenerima: 'email',
};

describe('validation of a submission', () => {
  test('good input is normalised', () => {
    const r = validateRequestInput(good);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.nomorIdentitas).toBe('3175012345678901');
      expect(r.value.telepon).toBe('081234567890');
      expect(r.value.email).toBe('siti@contoh.id');
    }
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['missing name', { nama: '' }, 'nama', /Nama wajib diisi/],
    ['name not text', { nama: 42 }, 'nama', /harus berupa teks/],
    ['name with digits', { nama: 'Siti 123' }, 'nama', /hanya boleh memuat huruf/],
    ['NIK not 16 digits', { nomorIdentitas: '12345' }, 'nomorIdentitas', /NIK harus terdiri atas 16 angka/],
    ['bad phone', { telepon: '12ab' }, 'telepon', /Nomor telepon tidak valid/],
    ['bad e-mail', { email: 'siti@contoh' }, 'email', /Alamat e-mail tidak valid/],
    ['short information', { rincianInformasi: 'data' }, 'rincianInformasi', /terlalu pendek/],
    ['long purpose', { tujuanPenggunaan: 'x'.repeat(2001) }, 'tujuanPenggunaan', /terlalu panjang \(maksimal 2000/],
    ['bad obtain option', { caraMemperoleh: 'fax' }, 'caraMemperoleh', /melihat_membaca, salinan_softcopy, salinan_hardcopy/],
    ['bad receive option', { caraMenerima: 'merpati' }, 'caraMenerima', /langsung, pos, email/],
    ['bad requester kind', { jenisPemohon: 'alien' }, 'jenisPemohon', /perorangan/],
    ['control characters', { nama: 'Siti\u0000' }, 'nama', /karakter yang tidak diperbolehkan/],
    ['unknown field', { statusAlur: 'dikabulkan' }, 'statusAlur', /tidak dikenal/],
  ];
  test.each(bad)('%s is refused with a message for that field', (_name, patch, field, message) => {
    const r = validateRequestInput({ ...good, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const e = r.errors.find((x) => x.path[0] === field);
      expect(e?.message).toMatch(message);
    }
  });

  test('a legal entity gives its registration number instead of a NIK', () => {
    expect(validateRequestInput({ ...good, jenisPemohon: 'badan_hukum', nomorIdentitas: 'AHU 0012345 #1' }).ok).toBe(false);
    expect(validateRequestInput({ ...good, jenisPemohon: 'badan_hukum', nomorIdentitas: 'AHU-0012345.AH.01.04' }).ok).toBe(true);
  });

  test('not an object', () => {
    expect(validateRequestInput(null).ok).toBe(false);
    expect(validateRequestInput([good]).ok).toBe(false);
  });

  test('honeypot', () => {
    expect(isHoneypotFilled({ ...good, situsWeb: 'http://spam' })).toBe(true);
    expect(isHoneypotFilled({ ...good, situsWeb: '' })).toBe(false);
    expect(isHoneypotFilled(good)).toBe(false);
  });
});

describe('rate limiter', () => {
  test('allows the limit per window per key, then refuses until the window ends', async () => {
    const rl = memoryRateLimiter(3, 60_000);
    const t = 1_000_000;
    for (let i = 0; i < 3; i++) expect((await rl.hit('1.2.3.4', t + i)).allowed).toBe(true);
    const refused = await rl.hit('1.2.3.4', t + 10);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(60);
    expect((await rl.hit('5.6.7.8', t + 10)).allowed).toBe(true);
    expect((await rl.hit('1.2.3.4', t + 60_000)).allowed).toBe(true);
  });
});
