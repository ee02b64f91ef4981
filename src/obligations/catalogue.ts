import type { PpidConfig } from '../config/ppid-config';
import { REPORT_AUTHOR_ROLE } from '../api/laporan-evaluasi/workflow';

/**
 * Recurring SOP obligations (SPEC §3.5). Each runs as a timer with kind "kewajiban" that the
 * sweeper treats like any other; fulfilling the obligation closes it and starts the next period.
 */
export interface Obligation {
  name: string;
  label: string;
  months: (cfg: PpidConfig) => number;
  responsible: string[];
}

export const OBLIGATIONS: Obligation[] = [
  {
    name: 'rencana_konten',
    label: 'Daftar konten triwulanan ditetapkan, ditandatangani Koordinator, dan diterima Kepala Dinas',
    months: (c) => c.recurring.contentPlanMonths,
    responsible: ['sub-koordinator', 'koordinator', 'kepala-dinas'],
  },
  {
    name: 'unggah_bulanan',
    label: 'Unggah konten/dokumen bulanan oleh Operator',
    months: (c) => c.recurring.uploadMonths,
    responsible: ['operator'],
  },
  {
    name: 'evaluasi_pengelolaan',
    label: 'Evaluasi pengelolaan website oleh Koordinator, diterima Kepala Dinas (semesteran)',
    months: (c) => c.recurring.managementEvaluationMonths,
    responsible: ['koordinator'],
  },
  {
    name: 'evaluasi_koordinator',
    label: 'Evaluasi kinerja Koordinator oleh Kepala Dinas, dengan rapat evaluasi (bulanan)',
    months: (c) => c.recurring.coordinatorEvaluationMonths,
    responsible: ['kepala-dinas'],
  },
];

/** Every published `berkala` entry must be refreshed within this many months. */
export const BERKALA_REFRESH = {
  name: 'segarkan_berkala',
  label: 'Pemutakhiran informasi berkala',
  months: (c: PpidConfig) => c.recurring.berkalaRefreshMonths,
  responsible: ['operator', 'sub-koordinator'],
};

/**
 * True when an accepted evaluation report fulfils its obligation: its kind is an obligation's,
 * and its author held the role the SOP names for that kind (C1 Koordinator, C2 Kepala Dinas).
 */
export function reportMeetsObligation(jenis: string, authorRoles: readonly string[]): boolean {
  if (!['evaluasi_pengelolaan', 'evaluasi_koordinator'].includes(jenis)) return false;
  const role = REPORT_AUTHOR_ROLE[jenis];
  return Boolean(role && authorRoles.includes(role));
}
