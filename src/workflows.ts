import type { WorkflowDefinition } from './workflow/types';
import { notaPermintaanWorkflow } from './api/nota-permintaan/workflow';
import { dipDocumentWorkflow } from './api/dip-document/workflow';
import { kontenTerjadwalWorkflow } from './api/konten-terjadwal/workflow';
import { notulenWorkflow } from './api/notulen/workflow';
import { laporanEvaluasiWorkflow } from './api/laporan-evaluasi/workflow';
import { permohonanInformasiWorkflow } from './api/permohonan-informasi/workflow';
import { keberatanWorkflow } from './api/keberatan/workflow';
import { daftarKontenWorkflow } from './api/daftar-konten/workflow';

/**
 * Every content type with a workflow. Adding one is its definition file beside the schema
 * (src/api/<type>/workflow.ts) and one line here; src/index.ts hands this list to the mechanism.
 */
export const WORKFLOW_DEFINITIONS: WorkflowDefinition[] = [
  notaPermintaanWorkflow,
  dipDocumentWorkflow,
  kontenTerjadwalWorkflow,
  notulenWorkflow,
  laporanEvaluasiWorkflow,
  permohonanInformasiWorkflow,
  keberatanWorkflow,
  daftarKontenWorkflow,
];
