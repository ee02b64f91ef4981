/** Editors' actions through the CMS's own routes (Content Manager + workflow API), as in the panel. */
import type { Cms } from './cms.ts';

const DIP = 'api::dip-document.dip-document';

async function call(cms: Cms, role: 'operator' | 'koordinator', method: string, path: string, body?: unknown) {
  const res = await fetch(`${cms.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${cms.tokens[role]}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

export interface NewEntry {
  nomor: string;
  judul: string;
  ringkasan: string;
  kategori?: string;
  tahun?: string;
}

/** Operator drafts, submits; Koordinator approves; Operator publishes (Indonesian). Returns the documentId. */
export async function publishNewEntry(cms: Cms, entry: NewEntry): Promise<string> {
  const created = await call(cms, 'operator', 'POST', `/content-manager/collection-types/${DIP}?locale=id`, {
    kategori: 'berkala',
    tahun: '2026',
    pejabatPenguasa: 'Kepala Dinas',
    penanggungJawab: 'Sub Koordinator PPID',
    bentukInformasi: 'softcopy',
    jangkaWaktuPenyimpanan: '5 tahun',
    ...entry,
  });
  const documentId = created.data.documentId as string;
  await call(cms, 'operator', 'POST', `/ppid/workflow/dip-document/${documentId}/transitions?locale=id`, { to: 'menunggu_persetujuan' });
  await call(cms, 'koordinator', 'POST', `/ppid/workflow/dip-document/${documentId}/transitions?locale=id`, { to: 'disetujui' });
  await call(cms, 'operator', 'POST', `/content-manager/collection-types/${DIP}/${documentId}/actions/publish?locale=id`, {});
  return documentId;
}

/** The "Status Situs Publik" single type as the admin panel shows it. */
export async function siteStatusInPanel(cms: Cms): Promise<Record<string, any>> {
  const res = await call(cms, 'koordinator', 'GET', '/content-manager/single-types/api::status-situs.status-situs');
  return res.data;
}
