/**
 * The six SOP actors (SPEC §2) and the least Content Manager access each needs for its duties.
 * Workflow steps (paraf, tanda tangan, persetujuan…) are NOT granted here: they go through the
 * workflow API, which checks the role of each step. `statusAlur` is therefore never writable here.
 */
export type RoleCode =
  | 'kepala-dinas'
  | 'koordinator'
  | 'kepala-bidang'
  | 'sub-koordinator'
  | 'operator'
  | 'web-developer';

export type CmAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

export interface ContentGrant {
  uid: string;
  actions: CmAction[];
  /** fields writable on create/update; default: every field except the workflow state */
  writableFields?: string[];
}

export interface RoleDefinition {
  code: RoleCode;
  name: string;
  description: string;
  content: ContentGrant[];
  /** the media library: upload PDFs and images */
  uploads: boolean;
}

const DIP = 'api::dip-document.dip-document';
const NOTA = 'api::nota-permintaan.nota-permintaan';
const KONTEN = 'api::konten-terjadwal.konten-terjadwal';
const NOTULEN = 'api::notulen.notulen';
const LAPORAN = 'api::laporan-evaluasi.laporan-evaluasi';
const BIDANG = 'api::bidang.bidang';
const LIBUR = 'api::hari-libur.hari-libur';
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const PROFIL = 'api::profil-ppid.profil-ppid';
const MAKLUMAT = 'api::maklumat-pelayanan.maklumat-pelayanan';
/** Written only by the site rebuild service; every role can see whether the public site is up to date. */
const STATUS_SITUS = 'api::status-situs.status-situs';

const READ: CmAction[] = ['read'];
const EDIT: CmAction[] = ['create', 'read', 'update'];

/** Kepala Dinas and Koordinator oversee everything (audit trail included) and write only evaluation reports. */
const OVERSIGHT: ContentGrant[] = [
  { uid: AUDIT, actions: READ },
  { uid: NOTA, actions: READ },
  { uid: NOTULEN, actions: READ },
  { uid: LAPORAN, actions: EDIT },
  { uid: DIP, actions: READ },
  { uid: KONTEN, actions: READ },
  { uid: BIDANG, actions: READ },
  { uid: LIBUR, actions: READ },
  { uid: PROFIL, actions: READ },
  { uid: MAKLUMAT, actions: READ },
  { uid: STATUS_SITUS, actions: READ },
];

export const SOP_ROLES: RoleDefinition[] = [
  {
    code: 'kepala-dinas',
    name: 'Kepala Dinas',
    description:
      'Menandatangani nota permintaan DIP; menerima notulen dan laporan evaluasi; mengevaluasi Koordinator tiap bulan.',
    content: OVERSIGHT,
    uploads: false,
  },
  {
    code: 'koordinator',
    name: 'Sekretaris / Koordinator',
    description:
      'Memaraf nota permintaan; menyetujui konten sebelum tayang; mengevaluasi pengelolaan website minimal 6 bulan sekali; menandatangani daftar konten triwulanan.',
    // The public pages have no workflow of their own: the Koordinator's publish is the approval.
    content: OVERSIGHT.map((g) => (g.uid === PROFIL || g.uid === MAKLUMAT ? { uid: g.uid, actions: ['read', 'publish'] } : g)),
    uploads: false,
  },
  {
    code: 'kepala-bidang',
    name: 'Kepala Bidang',
    description: 'Menyediakan bahan DIP unit kerjanya atas permintaan.',
    content: [
      { uid: NOTA, actions: READ },
      { uid: DIP, actions: EDIT },
      { uid: BIDANG, actions: READ },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: true,
  },
  {
    code: 'sub-koordinator',
    name: 'Sub Koordinator',
    description:
      'Menyusun nota permintaan; menerima DIP dari unit; menetapkan daftar konten triwulanan; menyusun notulen dan menindaklanjutinya dengan Web Developer.',
    content: [
      { uid: NOTA, actions: EDIT },
      { uid: NOTULEN, actions: EDIT },
      { uid: KONTEN, actions: EDIT },
      { uid: DIP, actions: ['read', 'update'] },
      { uid: LAPORAN, actions: READ },
      { uid: BIDANG, actions: EDIT },
      { uid: LIBUR, actions: EDIT },
      { uid: PROFIL, actions: EDIT },
      { uid: MAKLUMAT, actions: EDIT },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: true,
  },
  {
    code: 'operator',
    name: 'Operator',
    description: 'Mengunggah dan menjadwalkan konten serta dokumen.',
    content: [
      // Publishing is granted, but refused by the workflow until the Koordinator approves.
      { uid: DIP, actions: ['create', 'read', 'update', 'publish'] },
      { uid: KONTEN, actions: EDIT },
      { uid: NOTA, actions: READ },
      { uid: BIDANG, actions: READ },
      { uid: LIBUR, actions: EDIT },
      { uid: PROFIL, actions: EDIT },
      { uid: MAKLUMAT, actions: EDIT },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: true,
  },
  {
    code: 'web-developer',
    name: 'Web Developer',
    description: 'Menerima butir tindak lanjut, memperbaiki/mengembangkan website, dan melaporkan hasilnya.',
    // Only the progress of follow-up items: what to do and by when is set by the Sub Koordinator.
    content: [
      {
        uid: NOTULEN,
        actions: ['read', 'update'],
        writableFields: ['tindakLanjut.status', 'tindakLanjut.tanggalDiterima', 'tindakLanjut.tanggalSelesai'],
      },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: false,
  },
];

export const ROLE_CODES: RoleCode[] = SOP_ROLES.map((r) => r.code);

/** The attribute that holds a document's workflow state; only the workflow engine writes it. */
export const WORKFLOW_STATE_FIELD = 'statusAlur';
