/**
 * The six SOP actors (SPEC §2) plus the PPID's superior (atasan PPID, UU 14/2008 Art. 36), and the
 * least Content Manager access each needs for its duties.
 * Workflow steps (paraf, tanda tangan, persetujuan…) are NOT granted here: they go through the
 * workflow API, which checks the role of each step. `statusAlur` is therefore never writable here.
 */
export type RoleCode =
  | 'kepala-dinas'
  | 'koordinator'
  | 'kepala-bidang'
  | 'sub-koordinator'
  | 'operator'
  | 'web-developer'
  | 'atasan-ppid';

export type CmAction = 'create' | 'read' | 'update' | 'delete' | 'publish';

export interface ContentGrant {
  uid: string;
  actions: CmAction[];
  /** fields writable on create/update; default: every field except the workflow state */
  writableFields?: string[];
  /** RBAC conditions (ids from Strapi's condition provider) limiting which rows the grant covers */
  conditions?: string[];
}

export interface RoleDefinition {
  code: RoleCode;
  /** the role's name in Strapi's admin (Roles settings) */
  name: string;
  /** the short name used in messages to editors ("… hanya dapat dilakukan oleh Koordinator") */
  label: string;
  description: string;
  content: ContentGrant[];
  /** the media library: upload PDFs and images */
  uploads: boolean;
}

const DIP = 'api::dip-document.dip-document';
const NOTA = 'api::nota-permintaan.nota-permintaan';
const KONTEN = 'api::konten-terjadwal.konten-terjadwal';
/** The quarterly content list (SOP seed 001 A1). */
const DAFTAR = 'api::daftar-konten.daftar-konten';
const NOTULEN = 'api::notulen.notulen';
const LAPORAN = 'api::laporan-evaluasi.laporan-evaluasi';
const BIDANG = 'api::bidang.bidang';
const LIBUR = 'api::hari-libur.hari-libur';
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const PERMOHONAN = 'api::permohonan-informasi.permohonan-informasi';
const KEBERATAN = 'api::keberatan.keberatan';
const PROFIL = 'api::profil-ppid.profil-ppid';
const MAKLUMAT = 'api::maklumat-pelayanan.maklumat-pelayanan';
/** Written only by the site rebuild service; every role can see whether the public site is up to date. */
const STATUS_SITUS = 'api::status-situs.status-situs';

const READ: CmAction[] = ['read'];
const EDIT: CmAction[] = ['create', 'read', 'update'];

/**
 * Requests and objections (issue #12). The PPID office handles them: the Operator and the Sub
 * Koordinator register a request received at the desk or by letter and process it; the
 * Koordinator decides and writes the answer. What the system computes (number, dates, legal
 * deadline, tracking code) is never writable; the requester's identity is writable only when the
 * office registers a request. Kepala Dinas and Kepala Bidang see no personal data (figures only,
 * through the statistics and the evaluation reports).
 */
const REQUESTER_FIELDS = ['jenisPemohon', 'nama', 'nomorIdentitas', 'alamat', 'telepon', 'email', 'pekerjaan', 'lampiranKtp'];
const REQUEST_FIELDS = ['rincianInformasi', 'tujuanPenggunaan', 'caraMemperoleh', 'caraMenerima', 'saluran'];
const ANSWER_FIELDS = [
  'informasiDikuasai', 'catatanJawaban', 'dasarPengecualian', 'diteruskanKepada', 'dipTerbit',
  'tanggalPemberitahuan', 'tanggalPenyerahan', 'biaya',
];
const OBJECTION_FIELDS = ['permohonan', 'alasan', 'tanggalAlasan', 'ringkasanKasus'];
const HANDLE_REQUESTS: ContentGrant[] = [
  { uid: PERMOHONAN, actions: EDIT, writableFields: [...REQUESTER_FIELDS, ...REQUEST_FIELDS, ...ANSWER_FIELDS] },
  { uid: KEBERATAN, actions: EDIT, writableFields: [...OBJECTION_FIELDS, 'keKomisiInformasi', 'tanggalKeKomisi', 'putusanKomisi'] },
];

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
  { uid: DAFTAR, actions: READ },
];

export const SOP_ROLES: RoleDefinition[] = [
  {
    code: 'kepala-dinas',
    name: 'Kepala Dinas',
    label: 'Kepala Dinas',
    description:
      'Menandatangani nota permintaan DIP; menerima notulen dan laporan evaluasi; mengevaluasi Koordinator tiap bulan.',
    content: OVERSIGHT,
    uploads: false,
  },
  {
    code: 'koordinator',
    name: 'Sekretaris / Koordinator',
    label: 'Koordinator',
    description:
      'Memaraf nota permintaan; menyetujui konten sebelum tayang; mengevaluasi pengelolaan website minimal 6 bulan sekali; menandatangani daftar konten triwulanan.',
    // The public pages have no workflow of their own: the Koordinator's publish is the approval.
    content: [
      ...OVERSIGHT.map((g) => (g.uid === PROFIL || g.uid === MAKLUMAT ? { uid: g.uid, actions: ['read', 'publish'] as CmAction[] } : g)),
      // The Koordinator decides requests and writes the answer (not the requester's identity).
      { uid: PERMOHONAN, actions: ['read', 'update'], writableFields: ANSWER_FIELDS },
      { uid: KEBERATAN, actions: READ },
    ],
    uploads: false,
  },
  {
    code: 'kepala-bidang',
    name: 'Kepala Bidang',
    label: 'Kepala Bidang',
    description: 'Menyediakan bahan DIP unit kerjanya atas permintaan; mengonfirmasi penerimaan nota permintaan untuk unitnya.',
    content: [
      { uid: NOTA, actions: READ },
      // Only the entries of the units they head or staff (src/units: condition api::unit-kerja-sendiri).
      { uid: DIP, actions: EDIT, conditions: ['api::unit-kerja-sendiri'] },
      { uid: BIDANG, actions: READ },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: true,
  },
  {
    code: 'sub-koordinator',
    name: 'Sub Koordinator',
    label: 'Sub Koordinator',
    description:
      'Menyusun nota permintaan; menerima DIP dari unit; menetapkan daftar konten triwulanan; menyusun notulen dan menindaklanjutinya dengan Web Developer.',
    content: [
      { uid: NOTA, actions: EDIT },
      { uid: NOTULEN, actions: EDIT },
      { uid: KONTEN, actions: EDIT },
      { uid: DAFTAR, actions: EDIT },
      { uid: DIP, actions: ['read', 'update'] },
      // C3: the Sub Koordinator works the follow-ups of the Koordinator's evaluation meeting (status only).
      { uid: LAPORAN, actions: ['read', 'update'], writableFields: ['tindakLanjutRapat.status', 'tindakLanjutRapat.tanggalSelesai'] },
      { uid: BIDANG, actions: EDIT },
      { uid: LIBUR, actions: EDIT },
      ...HANDLE_REQUESTS,
      { uid: PROFIL, actions: EDIT },
      { uid: MAKLUMAT, actions: EDIT },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: true,
  },
  {
    code: 'operator',
    name: 'Operator',
    label: 'Operator',
    description: 'Mengunggah dan menjadwalkan konten serta dokumen.',
    content: [
      // Publishing is granted, but refused by the workflow until the Koordinator approves.
      { uid: DIP, actions: ['create', 'read', 'update', 'publish'] },
      { uid: KONTEN, actions: EDIT },
      { uid: DAFTAR, actions: READ },
      { uid: NOTA, actions: READ },
      { uid: BIDANG, actions: READ },
      { uid: LIBUR, actions: EDIT },
      ...HANDLE_REQUESTS,
      { uid: PROFIL, actions: EDIT },
      { uid: MAKLUMAT, actions: EDIT },
      { uid: STATUS_SITUS, actions: READ },
    ],
    uploads: true,
  },
  {
    code: 'web-developer',
    name: 'Web Developer',
    label: 'Web Developer',
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
  {
    code: 'atasan-ppid',
    name: 'Atasan PPID',
    label: 'Atasan PPID',
    description:
      'Menanggapi keberatan atas layanan informasi (UU 14/2008 Pasal 36) dalam 30 hari kerja; mencatat penyelesaian sengketa di Komisi Informasi.',
    // Reads the request behind an objection; writes only its answer and the escalation record.
    content: [
      { uid: PERMOHONAN, actions: READ },
      { uid: KEBERATAN, actions: ['read', 'update'], writableFields: ['tanggapanAtasan', 'keKomisiInformasi', 'tanggalKeKomisi', 'putusanKomisi'] },
    ],
    uploads: false,
  },
];

export const ROLE_CODES: RoleCode[] = SOP_ROLES.map((r) => r.code);

/** Short names of the SOP roles by code: what the workflow mechanism puts in its messages. */
export const ROLE_LABELS: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(SOP_ROLES.map((r) => [r.code, r.label])));

/** The attribute that holds a document's workflow state; only the workflow engine writes it. */
export const WORKFLOW_STATE_FIELD = 'statusAlur';
