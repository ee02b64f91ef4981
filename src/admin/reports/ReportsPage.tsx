import * as React from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Grid, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, TextInput, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { EXPORT_LABELS, chartAlternative, kategoriLabel, describeExportError, periodLabel, slaChartData, type ExportJob, type Figures, type ReportDetail, type ReportSummary } from './format';

/**
 * "Laporan & Ekspor": an evaluation report's figures as tables and bar charts (each chart with a
 * text alternative), recomputation while the report is a draft, and the exports (generated in the
 * background; progress polled from the job).
 */
function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius marginBottom={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <Box paddingTop={3}>{children}</Box>
    </Box>
  );
}

function SimpleTable({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <Table colCount={head.length} rowCount={rows.length + 1} aria-label={caption}>
      <Thead>
        <Tr>
          {head.map((h) => (
            <Th key={h}>
              <Typography variant="sigma">{h}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.length === 0 ? (
          <Tr>
            <Td colSpan={head.length}>
              <Typography textColor="neutral600">Tidak ada data.</Typography>
            </Td>
          </Tr>
        ) : (
          rows.map((r, i) => (
            <Tr key={i}>
              {r.map((c, j) => (
                <Td key={j}>
                  <Typography>{String(c)}</Typography>
                </Td>
              ))}
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
}

/** A bar chart with its text alternative: a caption read by screen readers, the table beside it shows the numbers. */
function Chart({ id, title, data, bars }: { id: string; title: string; data: Record<string, string | number>[]; bars: { key: string; name: string; color: string }[] }) {
  const alt = chartAlternative(title, data, bars);
  return (
    <figure aria-labelledby={`${id}-cap`} style={{ margin: 0 }}>
      <div role="img" aria-label={alt} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="nama" tick={{ fontSize: 11 }} interval={0} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {bars.map((b) => (
              <Bar key={b.key} dataKey={b.key} name={b.name} fill={b.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption id={`${id}-cap`}>
        <Typography variant="pi" textColor="neutral600">
          {alt}
        </Typography>
      </figcaption>
    </figure>
  );
}

function FiguresView({ f }: { f: Figures }) {
  const sla = slaChartData(f);
  return (
    <>
      <Section title="Ketepatan waktu per langkah prosedur (SLA)">
        <Chart id="sla" title="Langkah tepat waktu dan terlambat" data={sla.chart} bars={[{ key: 'tepat', name: 'Tepat waktu', color: '#328048' }, { key: 'terlambat', name: 'Terlambat', color: '#d02b20' }]} />
        <SimpleTable caption="Ketepatan waktu per langkah" head={['Alur', 'Langkah', 'Jumlah', 'Tepat waktu', 'Terlambat', 'Median', 'Terlama']} rows={sla.rows} />
      </Section>
      <Section title={`Terlambat saat ini (${f.terlambatSekarang.jumlah})`}>
        <SimpleTable caption="Pekerjaan terlambat" head={['Alur', 'Keadaan', 'Jumlah']} rows={f.terlambatSekarang.rincian.map((r) => [r.alur, r.keadaan, r.jumlah])} />
      </Section>
      <Section title="Dokumen DIP terbit dan diperbarui per kategori">
        <Chart
          id="dip"
          title="Dokumen DIP per kategori"
          data={f.dip.perKategori.map((r) => ({ nama: kategoriLabel(r.kategori), terbit: r.terbit, diperbarui: r.diperbarui }))}
          bars={[{ key: 'terbit', name: 'Terbit pertama', color: '#4945ff' }, { key: 'diperbarui', name: 'Diperbarui', color: '#ee5e52' }]}
        />
        <SimpleTable caption="DIP per kategori" head={['Kategori', 'Terbit pertama', 'Diperbarui']} rows={f.dip.perKategori.map((r) => [kategoriLabel(r.kategori), r.terbit, r.diperbarui])} />
      </Section>
      <Grid.Root gap={4}>
        <Grid.Item col={6} s={12}>
          <Section title={`Informasi berkala belum dimutakhirkan (${f.berkalaUsang.jumlah})`}>
            <SimpleTable caption="Berkala usang" head={['Nomor', 'Judul']} rows={f.berkalaUsang.entri.map((e) => [e.nomor, e.judul])} />
          </Section>
        </Grid.Item>
        <Grid.Item col={6} s={12}>
          <Section title="Konten terjadwal dan tindak lanjut notulen">
            <SimpleTable
              caption="Konten terjadwal dan tindak lanjut"
              head={['Uraian', 'Jumlah']}
              rows={[
                ['Tayang tepat waktu', f.terjadwal.tepatWaktu],
                ['Tayang terlambat', f.terjadwal.terlambat],
                ['Gagal tayang', f.terjadwal.gagal],
                ['Tindak lanjut selesai', f.tindakLanjut.selesai],
                ['Tindak lanjut terbuka', f.tindakLanjut.terbuka],
                ['Tindak lanjut lewat tenggat', f.tindakLanjut.lewatTenggat],
              ]}
            />
          </Section>
        </Grid.Item>
      </Grid.Root>
      <Section title={`DIP dikembalikan Koordinator (${f.dikembalikanKoordinator.jumlah})`}>
        <SimpleTable caption="DIP dikembalikan" head={['Nomor', 'Judul', 'Alasan']} rows={f.dikembalikanKoordinator.entri.map((e) => [e.nomor, e.judul, e.alasan ?? '-'])} />
      </Section>
      {f.permohonan ? (
        <Section title="Permohonan informasi">
          <SimpleTable
            caption="Rekap permohonan"
            head={['Uraian', 'Jumlah']}
            rows={[
              ['Permohonan diterima', f.permohonan.jumlahPermohonan],
              ['Selesai', f.permohonan.selesai],
              ['Dijawab tepat waktu', f.permohonan.tepatWaktu],
              ['Keberatan', f.permohonan.keberatan],
              ['Jumlah layanan', f.permohonan.jumlahLayanan],
            ]}
          />
        </Section>
      ) : null}
    </>
  );
}

function ExportButton({ label, body }: { label: string; body: Record<string, unknown> | null }) {
  const { post, get } = useFetchClient();
  const [job, setJob] = React.useState<ExportJob | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    if (!job || job.status === 'selesai' || job.status === 'gagal') return;
    const timer = window.setTimeout(() => {
      get<{ data: ExportJob }>(`/ppid/laporan/ekspor/${job.id}`)
        .then((res) => setJob(res.data.data))
        .catch((e: unknown) => setError(describeExportError(e)));
    }, 1000);
    return () => window.clearTimeout(timer);
  }, [job, get]);

  const start = () => {
    if (!body) return;
    setError(null);
    post<{ data: ExportJob }>('/ppid/laporan/ekspor', body)
      .then((res) => setJob(res.data.data))
      .catch((e: unknown) => setError(describeExportError(e)));
  };
  const download = async () => {
    if (!job) return;
    const res = await get<Blob>(`/ppid/laporan/ekspor/${job.id}/berkas`, { responseType: 'blob' });
    const url = URL.createObjectURL(res.data);
    const a = document.createElement('a');
    a.href = url;
    a.download = job.namaBerkas ?? 'ekspor';
    a.click();
    URL.revokeObjectURL(url);
  };
  const busy = job !== null && (job.status === 'menunggu' || job.status === 'diproses');
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      <Button variant="secondary" onClick={start} disabled={!body || busy} loading={busy}>
        {label}
      </Button>
      {job ? (
        <div aria-live="polite">
          {job.status === 'selesai' ? (
            <Button variant="tertiary" size="S" onClick={download}>
              Unduh {job.namaBerkas}
            </Button>
          ) : (
            <Flex gap={2} alignItems="center">
              <progress max={100} value={job.kemajuan} aria-label={`Kemajuan ${label}`} />
              <Typography variant="pi">{job.status === 'gagal' ? `Gagal: ${job.pesan ?? ''}` : `${job.kemajuan}% (${job.status})`}</Typography>
            </Flex>
          )}
        </div>
      ) : null}
      {error ? (
        <Typography variant="pi" textColor="danger600" role="alert">
          {error}
        </Typography>
      ) : null}
    </Flex>
  );
}

export default function ReportsPage() {
  const { get, post } = useFetchClient();
  const [reports, setReports] = React.useState<ReportSummary[]>([]);
  const [selected, setSelected] = React.useState<string>('');
  const [detail, setDetail] = React.useState<ReportDetail | null>(null);
  const [message, setMessage] = React.useState<string | null>(null);
  const [year, setYear] = React.useState(String(new Date().getFullYear()));
  const [quarter, setQuarter] = React.useState(`${new Date().getFullYear()}-Q${Math.floor(new Date().getMonth() / 3) + 1}`);

  React.useEffect(() => {
    get<{ data: ReportSummary[] }>('/ppid/laporan/evaluasi').then((res) => {
      setReports(res.data.data);
      if (res.data.data[0]) setSelected(res.data.data[0].documentId);
    });
  }, [get]);
  const load = React.useCallback(() => {
    if (!selected) return;
    get<{ data: ReportDetail }>(`/ppid/laporan/evaluasi/${selected}`).then((res) => setDetail(res.data.data));
  }, [get, selected]);
  React.useEffect(load, [load]);

  const recompute = () => {
    setMessage(null);
    post(`/ppid/laporan/evaluasi/${selected}/angka`, {})
      .then(() => {
        setMessage('Angka dihitung ulang.');
        load();
      })
      .catch((e: unknown) => setMessage(describeExportError(e)));
  };

  return (
    <Page.Main>
      <Page.Title>Laporan & Ekspor</Page.Title>
      <Layouts.Header title="Laporan & Ekspor" subtitle="Angka laporan evaluasi dari jejak audit, dan berkas untuk ditandatangani" />
      <Layouts.Content>
        <Section title="Ekspor">
          <Flex gap={6} wrap="wrap" alignItems="flex-end">
            <Field.Root name="tahun">
              <Field.Label>Tahun DIP</Field.Label>
              <TextInput value={year} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setYear(e.target.value)} />
            </Field.Root>
            <ExportButton label={EXPORT_LABELS.dip_pdf} body={/^\d{4}$/.test(year) ? { jenis: 'dip_pdf', tahun: Number(year) } : null} />
            <ExportButton label={EXPORT_LABELS.dip_xlsx} body={/^\d{4}$/.test(year) ? { jenis: 'dip_xlsx', tahun: Number(year) } : null} />
            <Field.Root name="periode">
              <Field.Label>Triwulan (mis. 2026-Q3)</Field.Label>
              <TextInput value={quarter} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQuarter(e.target.value)} />
            </Field.Root>
            <ExportButton label={EXPORT_LABELS.daftar_konten_pdf} body={/^\d{4}-Q[1-4]$/.test(quarter) ? { jenis: 'daftar_konten_pdf', periode: quarter } : null} />
            <ExportButton label={EXPORT_LABELS.daftar_konten_xlsx} body={/^\d{4}-Q[1-4]$/.test(quarter) ? { jenis: 'daftar_konten_xlsx', periode: quarter } : null} />
          </Flex>
        </Section>
        <Section title="Laporan evaluasi">
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <Field.Root name="laporan">
              <Field.Label>Laporan</Field.Label>
              <SingleSelect value={selected} onChange={(v: string | number) => setSelected(String(v))} placeholder="Pilih laporan">
                {reports.map((r) => (
                  <SingleSelectOption key={r.documentId} value={r.documentId}>
                    {`${r.judul} (${periodLabel(r)})`}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            {detail?.dapatDihitungUlang ? (
              <Button onClick={recompute}>Hitung ulang angka</Button>
            ) : null}
            <ExportButton label={EXPORT_LABELS.laporan_evaluasi_pdf} body={selected ? { jenis: 'laporan_evaluasi_pdf', laporan: selected } : null} />
          </Flex>
          {detail ? (
            <Box paddingTop={2}>
              <Typography variant="pi" textColor="neutral600">
                {detail.angkaDihitungPada
                  ? `Angka dihitung pada ${new Date(detail.angkaDihitungPada).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' })} WIB${detail.dapatDihitungUlang ? '' : ' — dibekukan sejak laporan diserahkan'}`
                  : 'Angka belum dihitung.'}
              </Typography>
            </Box>
          ) : null}
          {message ? (
            <Typography variant="pi" role="status">
              {message}
            </Typography>
          ) : null}
        </Section>
        {detail?.angka ? <FiguresView f={detail.angka} /> : null}
      </Layouts.Content>
    </Page.Main>
  );
}
