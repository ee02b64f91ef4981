/**
 * Tracking in the browser: number and code go to the CMS in a POST body (never in a URL). The
 * number may be prefilled from `?nomor=` (the form's confirmation links it); the code never is.
 * The answer is shown as text.
 */
import { formatDate } from '../lib/format';
import type { Lang } from '../lib/i18n';

type Labels = Record<'dip' | 'dipPath' | 'loading' | 'result' | 'status' | 'diterima' | 'batas' | 'diperpanjang' | 'alasan' | 'dijawab' | 'keputusan' | 'dasar' | 'diteruskan' | 'ya' | 'tidak' | 'belum' | 'error' | 'network', string> & {
  states: Record<string, string>;
};

interface Status {
  nomorRegistrasi: string;
  status: string;
  selesai: boolean;
  statusLabel: string;
  diterimaPada: string | null;
  batasWaktu: string | null;
  diperpanjang: boolean;
  alasanPerpanjangan: string | null;
  dijawabPada: string | null;
  keputusan: string | null;
  dasarPengecualian: string[];
  diteruskanKepada: string | null;
  dipTerbit?: { documentId: string; nomor: string; judul: string } | null;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;

export function startTracking(): void {
  const form = byId<HTMLFormElement>('track-form');
  if (!form) return;
  const api = (form.dataset.api ?? '').replace(/\/+$/, '');
  const lang = (form.dataset.lang === 'en' ? 'en' : 'id') as Lang;
  const labels = JSON.parse(form.dataset.labels ?? '{}') as Labels;
  const nomor = byId<HTMLInputElement>('t-nomor')!;
  const kode = byId<HTMLInputElement>('t-kode')!;
  const progress = byId('track-progress')!;
  const errorBox = byId('track-error')!;
  const result = byId('track-result')!;
  form.hidden = false;
  byId('track-noscript')!.hidden = true;
  const preset = new URLSearchParams(location.search).get('nomor');
  if (preset) nomor.value = preset.slice(0, 60);

  function row(list: HTMLElement, key: string, value: string, langOfValue?: string): void {
    const div = document.createElement('div');
    div.className = 'summary-list__row';
    const dt = document.createElement('dt');
    dt.className = 'summary-list__key';
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.className = 'summary-list__value';
    dd.textContent = value;
    if (langOfValue && langOfValue !== lang) dd.lang = langOfValue;
    div.append(dt, dd);
    list.append(div);
  }

  function show(s: Status): void {
    byId('track-result-title')!.textContent = labels.result.replace('{nomor}', s.nomorRegistrasi);
    const list = byId('track-list')!;
    list.replaceChildren();
    const date = (v: string | null) => (v ? formatDate(v, lang, true) : labels.belum);
    // The state in the page's language; the CMS's own label when it is one this page does not know.
    const state = labels.states[s.status];
    row(list, labels.status, state ?? s.statusLabel, state ? lang : 'id');
    row(list, labels.diterima, date(s.diterimaPada));
    row(list, labels.batas, date(s.batasWaktu));
    row(list, labels.diperpanjang, s.diperpanjang ? labels.ya : labels.tidak);
    if (s.diperpanjang && s.alasanPerpanjangan) row(list, labels.alasan, s.alasanPerpanjangan, 'id');
    row(list, labels.dijawab, date(s.dijawabPada));
    if (s.keputusan) row(list, labels.keputusan, s.selesai && state ? state : s.keputusan, s.selesai && state ? lang : 'id');
    if (s.dasarPengecualian.length) row(list, labels.dasar, s.dasarPengecualian.join('; '), 'id');
    if (s.diteruskanKepada) row(list, labels.diteruskan, s.diteruskanKepada, 'id');
    if (s.dipTerbit?.documentId) {
      row(list, labels.dip, '');
      const a = document.createElement('a');
      a.href = labels.dipPath.replace('__ID__', encodeURIComponent(s.dipTerbit.documentId));
      a.textContent = `${s.dipTerbit.nomor} — ${s.dipTerbit.judul}`;
      a.lang = 'id';
      list.lastElementChild!.querySelector('dd')!.append(a);
    }
    result.hidden = false;
    result.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errorBox.hidden = true;
    result.hidden = true;
    progress.textContent = labels.loading;
    try {
      const res = await fetch(`${api}/api/permohonan-informasi/status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ data: { nomor: nomor.value, kode: kode.value } }),
      });
      const body: any = await res.json().catch(() => null);
      if (res.ok && body?.data) return show(body.data as Status);
      byId('track-error-text')!.textContent = typeof body?.error?.message === 'string' ? body.error.message : labels.network;
    } catch {
      byId('track-error-text')!.textContent = labels.network;
    } finally {
      progress.textContent = '';
    }
    errorBox.hidden = false;
    errorBox.focus();
  });
}
