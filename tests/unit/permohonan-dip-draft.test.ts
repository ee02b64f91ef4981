import { planDipDraft, proposedDipNumber, type RequestForDraft } from '../../src/permohonan/dip-draft';

const defaults = { pejabatPenguasa: 'PPID Pelaksana', penanggungJawab: 'PPID Pelaksana', jangkaWaktuPenyimpanan: '5 tahun', utcOffsetMinutes: 420 };
const now = new Date('2026-03-02T02:00:00Z');
const granted = (over: Partial<RequestForDraft> = {}): RequestForDraft => ({
  nomorRegistrasi: '007/PPID/2026',
  statusAlur: 'dikabulkan',
  rincianInformasi: 'Daftar penerima hibah 2025\nbeserta nilainya',
  caraMemperoleh: 'salinan_softcopy',
  catatanJawaban: null,
  // 31 Dec 2025 20:00 UTC is 1 Jan 2026 in WIB: the entry's year and date follow the office's clock.
  dijawabPada: '2025-12-31T20:00:00.000Z',
  dipTerbit: null,
  ...over,
});

test('a granted answer gives a draft prefilled from the request, dated in WIB, never exempt', () => {
  const plan = planDipDraft(granted(), undefined, defaults, now);
  expect(plan).toEqual({
    ok: true,
    data: {
      nomor: 'PI/007/PPID/2026',
      judul: 'Daftar penerima hibah 2025',
      ringkasan: 'Daftar penerima hibah 2025 beserta nilainya\nInformasi ini diberikan atas permohonan informasi nomor 007/PPID/2026.',
      kategori: 'setiap_saat',
      pejabatPenguasa: 'PPID Pelaksana',
      penanggungJawab: 'PPID Pelaksana',
      bentukInformasi: 'softcopy',
      jangkaWaktuPenyimpanan: '5 tahun',
      tahun: '2026',
      waktuPembuatan: '2026-01-01',
    },
  });
});

test('partly granted: the withheld part is named; hardcopy; corrections win', () => {
  const plan = planDipDraft(
    granted({ statusAlur: 'dikabulkan_sebagian', catatanJawaban: 'NIK dihitamkan', caraMemperoleh: 'salinan_hardcopy' }),
    { judul: '  Hibah 2025 ', kategori: 'berkala' },
    defaults,
    now,
  );
  if (!plan.ok) throw new Error('refused');
  expect(plan.data.judul).toBe('Hibah 2025');
  expect(plan.data.kategori).toBe('berkala');
  expect(plan.data.bentukInformasi).toBe('hardcopy');
  expect(plan.data.ringkasan).toContain('(dikabulkan sebagian)');
  expect(plan.data.ringkasan).toContain('Bagian yang tidak diberikan: NIK dihitamkan');
});

test('long request text is shortened to the DIP limits', () => {
  const plan = planDipDraft(granted({ rincianInformasi: 'a'.repeat(6000) }), {}, defaults, now);
  if (!plan.ok) throw new Error('refused');
  expect(plan.data.judul.length).toBe(300);
  expect(plan.data.judul.endsWith('…')).toBe(true);
  expect(plan.data.ringkasan.length).toBeLessThanOrEqual(5000);
});

test('refusals: other outcomes, a request already published, bad corrections', () => {
  for (const state of ['diterima', 'diproses', 'diperpanjang', 'ditolak', 'tidak_dikuasai', 'diteruskan']) {
    const plan = planDipDraft(granted({ statusAlur: state }), {}, defaults, now);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.refusal.status).toBe(422);
  }
  const dup = planDipDraft(granted({ dipTerbit: { nomor: 'PI/007/PPID/2026', documentId: 'abc' } }), {}, defaults, now);
  expect(dup).toEqual({ ok: false, refusal: { status: 409, message: expect.stringMatching(/sudah ditautkan ke entri DIP PI\/007\/PPID\/2026/) } });
  const bad = planDipDraft(granted(), { kategori: 'dikecualikan', judul: 5, nomor: 'x'.repeat(101), dibuatOleh: 1 }, defaults, now);
  expect(bad.ok).toBe(false);
  if (!bad.ok) {
    expect(bad.refusal.status).toBe(400);
    expect(bad.refusal.errors!.map((e) => e.path[0]).sort()).toEqual(['dibuatOleh', 'judul', 'kategori', 'nomor']);
  }
  expect(planDipDraft(granted(), [1], defaults, now).ok).toBe(false);
  expect(proposedDipNumber('x'.repeat(200)).length).toBe(100);
});
