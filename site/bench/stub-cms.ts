/**
 * A stand-in for the CMS's public REST API with N generated DIP entries per locale, answering
 * exactly the requests the site's build makes (same shapes as Strapi 5: data + meta.pagination,
 * populated unit and file), so a 10k-entry build can be measured without seeding 20k documents.
 * `publish()` adds one entry, as an editor's publish would; `change()` edits one (both locales),
 * `unpublish()` removes one from the public API; status reports are accepted (204).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const KATEGORI = ['berkala', 'serta_merta', 'setiap_saat'] as const;
const WORDS = ['Laporan', 'Keuangan', 'Rencana', 'Strategis', 'Anggaran', 'Pengadaan', 'Peraturan', 'Keputusan', 'Statistik', 'Layanan', 'Perizinan', 'Kinerja', 'Program', 'Kegiatan', 'Daftar', 'Aset', 'Hibah', 'Kerja Sama', 'Evaluasi', 'Pengumuman'];
const WORDS_EN = ['Report', 'Finance', 'Plan', 'Strategic', 'Budget', 'Procurement', 'Regulation', 'Decree', 'Statistics', 'Service', 'Licensing', 'Performance', 'Programme', 'Activity', 'List', 'Assets', 'Grant', 'Cooperation', 'Evaluation', 'Announcement'];

export function units(count = 25) {
  return Array.from({ length: count }, (_, i) => ({ id: i + 1, documentId: `unit${i}`, kode: `unit-kerja-${i + 1}`, nama: `Unit Kerja ${i + 1}`, kepala: `Kepala Unit ${i + 1}`, email: `unit${i + 1}@ppid.test`, telepon: null, deskripsi: null }));
}

function entry(i: number, locale: 'id' | 'en', unitList: ReturnType<typeof units>) {
  const w = locale === 'id' ? WORDS : WORDS_EN;
  const tahun = String(2026 - (i % 12));
  const unit = unitList[i % unitList.length];
  const title = `${w[i % w.length]} ${w[(i * 7 + 3) % w.length]} ${w[(i * 13 + 5) % w.length]} ${tahun} #${i + 1}`;
  return {
    id: i + 1,
    documentId: `doc${String(i).padStart(6, '0')}`,
    nomor: `DIP/${String(i + 1).padStart(5, '0')}/${tahun}`,
    judul: title,
    ringkasan: `${title}: ${locale === 'id' ? 'ringkasan isi informasi yang dikuasai dinas, disusun sesuai Daftar Informasi Publik dan diperbarui sesuai ketentuan UU 14/2008.' : 'summary of the information held by the agency, prepared according to the Public Information List and updated as required by Law 14/2008.'}`,
    kategori: KATEGORI[i % 3],
    pejabatPenguasa: 'Kepala Dinas',
    penanggungJawab: 'Sub Koordinator PPID',
    waktuPembuatan: `${tahun}-0${(i % 9) + 1}-15`,
    tempatPembuatan: 'Padang',
    bentukInformasi: 'softcopy_dan_hardcopy',
    jangkaWaktuPenyimpanan: '10 tahun',
    tahun,
    locale,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-06-01T00:00:00.000Z',
    publishedAt: '2026-06-01T00:00:00.000Z',
    unit: { id: unit.id, documentId: unit.documentId, kode: unit.kode, nama: unit.nama },
    berkas: { id: i + 1, documentId: `file${i}`, url: `/uploads/dip_${i + 1}.pdf`, name: `dip-${i + 1}.pdf`, mime: 'application/pdf', ext: '.pdf', size: 120 + (i % 900), updatedAt: '2026-06-01T00:00:00.000Z' },
  };
}

export async function startStubCms(count: number) {
  const unitList = units();
  const data = { id: [] as ReturnType<typeof entry>[], en: [] as ReturnType<typeof entry>[] };
  for (let i = 0; i < count; i += 1) {
    data.id.push(entry(i, 'id', unitList));
    data.en.push(entry(i, 'en', unitList));
  }
  let requests = 0;
  let created = count;
  const page = (rows: unknown[], url: URL) => {
    const n = Number(url.searchParams.get('pagination[page]') ?? 1);
    const size = Number(url.searchParams.get('pagination[pageSize]') ?? 25);
    return { data: rows.slice((n - 1) * size, n * size), meta: { pagination: { page: n, pageSize: size, pageCount: Math.max(1, Math.ceil(rows.length / size)), total: rows.length } } };
  };
  const server = http.createServer((req, res) => {
    requests += 1;
    const url = new URL(req.url ?? '/', 'http://stub');
    const json = (status: number, body: unknown) => res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const locale = url.searchParams.get('locale') === 'en' ? 'en' : 'id';
    if (url.pathname === '/api/dip-documents') {
      // filters[documentId][$in][i] and fields[i] (+ populate[berkas][fields][i]) as Strapi applies them
      const ids = [...url.searchParams.entries()].filter(([k]) => k.startsWith('filters[documentId][$in]')).map(([, v]) => v);
      let rows: Record<string, unknown>[] = ids.length ? data[locale].filter((r) => ids.includes(r.documentId)) : data[locale];
      const fields = [...url.searchParams.entries()].filter(([k]) => /^fields\[\d+\]$/.test(k)).map(([, v]) => v);
      if (fields.length) {
        const fileFields = [...url.searchParams.entries()].filter(([k]) => k.startsWith('populate[berkas][fields]')).map(([, v]) => v);
        rows = rows.map((r: any) => ({
          id: r.id,
          documentId: r.documentId,
          ...Object.fromEntries(fields.map((f) => [f, r[f]])),
          ...(fileFields.length ? { berkas: r.berkas && { id: r.berkas.id, documentId: r.berkas.documentId, ...Object.fromEntries(fileFields.map((f) => [f, r.berkas[f]])) } } : {}),
        }));
      }
      return json(200, page(rows, url));
    }
    if (url.pathname === '/api/bidangs') return json(200, page(unitList, url));
    if (url.pathname === '/api/profil-ppid' || url.pathname === '/api/maklumat-pelayanan') {
      return json(200, { data: { documentId: 'p', locale, judul: locale === 'id' ? 'Profil PPID' : 'About the PPID', ringkasan: 'Teks.', pernyataan: 'Teks.', publishedAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' } });
    }
    if (url.pathname === '/ppid/situs/status' && req.method === 'POST') return void res.writeHead(204).end();
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get requests() {
      return requests;
    },
    /** One more published entry in both locales; returns its documentId. */
    publish(): string {
      const i = created;
      created += 1;
      data.id.push(entry(i, 'id', unitList));
      data.en.push(entry(i, 'en', unitList));
      return data.id.at(-1)!.documentId;
    },
    /** An edit published in both locales (fields merged in, updatedAt moved on). */
    change(documentId: string, fields: Record<string, unknown>): void {
      for (const locale of ['id', 'en'] as const) {
        const row = data[locale].find((r) => r.documentId === documentId);
        if (!row) throw new Error(`no entry ${documentId}`);
        Object.assign(row, fields, { updatedAt: new Date().toISOString() });
      }
    },
    /** The entry leaves the public API (unpublished or deleted), in both locales. */
    unpublish(documentId: string): void {
      for (const locale of ['id', 'en'] as const) data[locale] = data[locale].filter((r) => r.documentId !== documentId);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
