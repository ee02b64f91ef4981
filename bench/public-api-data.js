'use strict';
/**
 * The data set of bench/public-api.js, inserted straight into the tables (column names from
 * Strapi's metadata) so this project and the plain Strapi project get exactly the same rows:
 * N DIP documents × 2 locales (id, en), each a draft and (90 %) a published row, 5 % exempt,
 * linked to one of 24 units and (80 %) to one of 300 PDF files; and, where the type exists (this
 * project), an audit history of two sealed transitions per document with an intact hash chain.
 * Deterministic: the same documents (and documentIds) on every run and in both projects.
 */
const DIP = 'api::dip-document.dip-document';
const UNIT = 'api::bidang.bidang';
const FILE = 'plugin::upload.file';
const AUDIT = 'api::riwayat-alur.riwayat-alur';

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const WORDS_ID = ['anggaran', 'laporan', 'keuangan', 'rencana', 'strategis', 'kinerja', 'pengadaan', 'barang', 'jasa', 'daftar', 'aset', 'daerah', 'peraturan', 'kepala', 'dinas', 'realisasi', 'program', 'kegiatan', 'tahunan', 'evaluasi', 'pelayanan', 'publik', 'informasi', 'statistik'];
const WORDS_EN = ['budget', 'report', 'finance', 'plan', 'strategic', 'performance', 'procurement', 'goods', 'services', 'list', 'assets', 'regional', 'regulation', 'head', 'agency', 'realisation', 'programme', 'activity', 'annual', 'evaluation', 'service', 'public', 'information', 'statistics'];
const KATEGORI = ['berkala', 'serta_merta', 'setiap_saat'];

/** What the bench's URLs refer to, the same in both projects. */
function plan(count) {
  const rand = prng(20261129);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const docId = () => Array.from({ length: 24 }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');
  const units = Array.from({ length: 24 }, (_, i) => ({ id: i + 1, documentId: docId(), nama: `Bidang ${i + 1} ${pick(WORDS_ID)}`, kode: `bidang-${i + 1}` }));
  const files = Array.from({ length: 300 }, (_, i) => ({ id: i + 1, documentId: docId(), hash: `dip_${i + 1}_${docId().slice(0, 10)}`, size: 20 + Math.floor(rand() * 900) }));
  const docs = Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 4 }, () => Math.floor(rand() * WORDS_ID.length));
    return {
      documentId: docId(),
      nomor: `DIP/${String(i + 1).padStart(5, '0')}`,
      judulId: words.map((w) => WORDS_ID[w]).join(' '),
      judulEn: words.map((w) => WORDS_EN[w]).join(' '),
      kategori: rand() < 0.05 ? 'dikecualikan' : pick(KATEGORI),
      tahun: String(2015 + Math.floor(rand() * 11)),
      unit: units[Math.floor(rand() * units.length)].id,
      file: rand() < 0.8 ? files[Math.floor(rand() * files.length)].id : null,
      published: rand() < 0.9,
    };
  });
  return { units, files, docs };
}

function columns(strapi, uid, row) {
  const meta = strapi.db.metadata.get(uid);
  const out = {};
  for (const [name, value] of Object.entries(row)) {
    const attr = meta.attributes[name];
    if (!attr) continue; // a column the other project lacks
    out[attr.columnName || name] = value;
  }
  return out;
}

async function insertAll(knex, table, rows) {
  for (let i = 0; i < rows.length; i += 400) await knex(table).insert(rows.slice(i, i + 400));
}

async function generate(strapi, { count = 10000 } = {}) {
  const { units, files, docs } = plan(count);
  const knex = strapi.db.connection;
  const now = new Date('2026-11-01T00:00:00Z');
  const dipMeta = strapi.db.metadata.get(DIP);
  const unitMeta = strapi.db.metadata.get(UNIT);
  const fileMeta = strapi.db.metadata.get(FILE);

  await insertAll(knex, unitMeta.tableName, units.map((u) => columns(strapi, UNIT, {
    id: u.id, documentId: u.documentId, nama: u.nama, kode: u.kode, kepala: `Kepala ${u.nama}`, email: `${u.kode}@dinas.go.id`,
    createdAt: now, updatedAt: now, publishedAt: now,
  })));
  await insertAll(knex, fileMeta.tableName, files.map((f) => columns(strapi, FILE, {
    id: f.id, documentId: f.documentId, name: `${f.hash}.pdf`, hash: f.hash, ext: '.pdf', mime: 'application/pdf', size: f.size,
    url: `/uploads/${f.hash}.pdf`, provider: 'local', folderPath: '/', createdAt: now, updatedAt: now, publishedAt: now,
  })));

  const unitJoin = dipMeta.attributes.unit.joinTable;
  const rows = [];
  const unitLinks = [];
  const fileLinks = [];
  let id = 0;
  for (const d of docs) {
    for (const locale of ['id', 'en']) {
      for (const published of d.published ? [false, true] : [false]) {
        id += 1;
        rows.push(columns(strapi, DIP, {
          id, documentId: d.documentId, locale, nomor: d.nomor,
          judul: locale === 'id' ? `Dokumen ${d.judulId}` : `Document ${d.judulEn}`,
          ringkasan: locale === 'id' ? `Ringkasan ${d.judulId} tahun ${d.tahun}.` : `Summary of ${d.judulEn} for ${d.tahun}.`,
          kategori: d.kategori, pejabatPenguasa: 'Kepala Dinas', penanggungJawab: 'Sub Koordinator', waktuPembuatan: `${d.tahun}-06-30`,
          tempatPembuatan: 'Kota', bentukInformasi: 'softcopy', jangkaWaktuPenyimpanan: '5 tahun', tahun: d.tahun,
          dasarHukumPengecualian: d.kategori === 'dikecualikan' ? 'Pasal 17 huruf h' : null,
          ringkasanUjiKonsekuensi: d.kategori === 'dikecualikan' ? 'Merugikan' : null,
          jangkaWaktuPengecualian: d.kategori === 'dikecualikan' ? '5 tahun' : null,
          statusAlur: published ? 'disetujui' : 'disetujui',
          createdAt: now, updatedAt: now, publishedAt: published ? now : null,
        }));
        unitLinks.push({ [unitJoin.joinColumn.name]: id, [unitJoin.inverseJoinColumn.name]: d.unit, ...(unitJoin.inverseOrderColumnName ? { [unitJoin.inverseOrderColumnName]: id } : {}) });
        if (d.file) fileLinks.push({ file_id: d.file, related_id: id, related_type: DIP, field: 'berkas', order: 1 });
      }
    }
  }
  await knex.transaction(async (trx) => {
    await insertAll(trx, dipMeta.tableName, rows);
    await insertAll(trx, unitJoin.name, unitLinks);
    await insertAll(trx, 'files_related_mph', fileLinks);
  });

  let events = 0;
  if (strapi.contentTypes[AUDIT]) {
    // This project's audit trail: sealed as appendAuditEvent seals it, so the chain verifies.
    const path = require('node:path');
    const dist = strapi.dirs.dist.root;
    const { sealEvent, GENESIS_HASH } = require(path.join(dist, 'src/audit/chain'));
    const { auditKeyring } = require(path.join(dist, 'src/audit/trail'));
    const key = auditKeyring(strapi).current;
    const auditMeta = strapi.db.metadata.get(AUDIT);
    let prev = GENESIS_HASH;
    const audit = [];
    for (const d of docs) {
      for (const [dari, ke] of [['draf', 'menunggu_persetujuan'], ['menunggu_persetujuan', 'disetujui']]) {
        events += 1;
        const event = { kategori: 'transisi', peristiwa: `${dari}→${ke}`, jenisKonten: DIP, dokumenId: d.documentId, locale: 'id', dari, ke, aktorId: 1, aktorEmail: 'operator@dinas.go.id', waktu: now.toISOString(), dipaksa: false };
        const hash = sealEvent(events, prev, event, key);
        audit.push(columns(strapi, AUDIT, { ...event, id: events, seq: events, hashSebelumnya: prev, hash, kunci: key.id, documentId: `audit${String(events).padStart(19, '0')}`, createdAt: now, updatedAt: now, publishedAt: now }));
        prev = hash;
      }
    }
    await knex.transaction(async (trx) => insertAll(trx, auditMeta.tableName, audit));
  }
  return { documents: docs.length, rows: rows.length, units: units.length, files: files.length, auditEvents: events };
}

module.exports = { generate, plan };
