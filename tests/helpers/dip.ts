import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { adminToken, createAdmin } from './admin';
import { makePdf } from '../../src/seed/pdf';

/**
 * DIP entries driven the way editors drive them: the Content Manager's routes, the workflow API,
 * and the upload routes, each with a real admin token of an SOP role. Shared by the tests of the
 * "approved means approved" invariant.
 */
export const DIP = 'api::dip-document.dip-document';
export const CM = `/content-manager/collection-types/${DIP}`;
const AUDIT = 'api::riwayat-alur.riwayat-alur';
const TIMER = 'api::timer-sla.timer-sla';

export const WRITER_ROLES = ['operator', 'kepala-bidang', 'sub-koordinator', 'super-admin'] as const;
export const ALL_ROLES = ['kepala-dinas', 'koordinator', 'kepala-bidang', 'sub-koordinator', 'operator', 'web-developer', 'super-admin'] as const;

export const validEntry = (nomor: string) => ({
  nomor,
  judul: `Judul ${nomor}`,
  ringkasan: `Ringkasan ${nomor} yang disetujui.`,
  kategori: 'berkala',
  pejabatPenguasa: 'Kepala Dinas',
  penanggungJawab: 'Sub Koordinator',
  bentukInformasi: 'softcopy',
  jangkaWaktuPenyimpanan: '5 tahun',
  tahun: '2026',
});

/** What the public sees of an entry, as the test compares it (independent of the server's fingerprints). */
export interface PublicView {
  nomor: string;
  judul: string;
  ringkasan: string;
  kategori: string;
  tahun: string | null;
  pejabatPenguasa: string;
  file: string | null;
}

const fileKey = (f: any) => (f ? `${f.id}|${f.url}|${f.size}|${f.mime}|${new Date(f.updatedAt).toISOString()}` : null);

export function viewOf(row: any): PublicView {
  return {
    nomor: row.nomor,
    judul: row.judul,
    ringkasan: row.ringkasan,
    kategori: row.kategori,
    tahun: row.tahun ?? null,
    pejabatPenguasa: row.pejabatPenguasa,
    file: fileKey(row.berkas),
  };
}

export function dipHarness(strapi: Core.Strapi) {
  const http = () => request(strapi.server.httpServer);
  const tokens: Record<string, string> = {};
  const users: Record<string, any> = {};
  /** documentId|locale → every version the Koordinator approved, as the test saw it at approval. */
  const approved = new Map<string, PublicView[]>();

  /** The unit the harness's Kepala Bidang heads; every entry the harness creates belongs to it. */
  let unitDocumentId: string | null = null;

  async function signInAll() {
    for (const role of ALL_ROLES) {
      users[role] = await createAdmin(strapi, role);
      tokens[role] = await adminToken(strapi, users[role].id);
    }
    // A Kepala Bidang sees and edits only the entries of a unit they head (src/units).
    const unit = await (strapi.documents('api::bidang.bidang' as any) as any).create({ data: { nama: `Unit uji ${process.pid}`, kode: `unit-uji-${process.pid}` } });
    await strapi.db.query('api::bidang.bidang').update({ where: { id: unit.id }, data: { kepalaBidang: [users['kepala-bidang'].id] } });
    unitDocumentId = unit.documentId;
  }

  const as = (role: string) => ({ Authorization: `Bearer ${tokens[role]}` });

  async function uploadPdf(role: string, name: string, text = name): Promise<any> {
    const res = await http().post('/upload').set(as(role)).attach('files', makePdf(text, ['isi ' + text]), { filename: name, contentType: 'application/pdf' });
    if (res.status !== 201) throw new Error(`upload ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body[0];
  }

  async function create(role: string, nomor: string, extra: Record<string, unknown> = {}) {
    const unit = unitDocumentId ? { unit: { connect: [{ documentId: unitDocumentId }] } } : {};
    const res = await http().post(`${CM}?locale=id`).set(as(role)).send({ ...validEntry(nomor), ...unit, ...extra });
    if (res.status !== 201) throw new Error(`create ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.data.documentId as string;
  }

  function update(role: string, documentId: string, locale: string, data: Record<string, unknown>) {
    return http().put(`${CM}/${documentId}?locale=${locale}`).set(as(role)).send(data);
  }

  function move(role: string, documentId: string, locale: string, to: string, note?: string) {
    return http().post(`/ppid/workflow/dip-document/${documentId}/transitions?locale=${locale}`).set(as(role)).send({ to, note });
  }

  function publish(role: string, documentId: string, locale: string) {
    return http().post(`${CM}/${documentId}/actions/publish?locale=${locale}`).set(as(role)).send({});
  }

  async function draftRow(documentId: string, locale: string) {
    return strapi.db.query(DIP).findOne({ where: { documentId, locale, publishedAt: null }, populate: { berkas: true } });
  }

  async function stateOf(documentId: string, locale: string): Promise<string | undefined> {
    return (await draftRow(documentId, locale))?.statusAlur;
  }

  /** Submit (if needed) and approve; records the approved version as the test sees it. */
  async function approve(documentId: string, locale: string) {
    const state = await stateOf(documentId, locale);
    if (state !== 'menunggu_persetujuan') {
      const submitted = await move('operator', documentId, locale, 'menunggu_persetujuan');
      if (submitted.status !== 200) throw new Error(`submit ${submitted.status}: ${JSON.stringify(submitted.body)}`);
    }
    const res = await move('koordinator', documentId, locale, 'disetujui');
    if (res.status !== 200) throw new Error(`approve ${res.status}: ${JSON.stringify(res.body)}`);
    rememberApproved(documentId, locale, viewOf(await draftRow(documentId, locale)));
  }

  function rememberApproved(documentId: string, locale: string, view: PublicView) {
    const key = `${documentId}|${locale}`;
    approved.set(key, [...(approved.get(key) ?? []), view]);
  }

  /** Creates an entry in id and en, approved and published in both. */
  async function publishedEntry(nomor: string, opts: { file?: boolean } = {}) {
    const berkas = opts.file === false ? undefined : (await uploadPdf('operator', `${nomor.replace(/\W/g, '_')}.pdf`)).id;
    const documentId = await create('operator', nomor, berkas ? { berkas } : {});
    const unit = unitDocumentId ? { unit: { connect: [{ documentId: unitDocumentId }] } } : {};
    const en = await update('operator', documentId, 'en', { ...validEntry(nomor), ...unit, judul: `Title ${nomor}`, ringkasan: `Summary ${nomor}.`, berkas });
    if (en.status !== 200) throw new Error(`en ${en.status}: ${JSON.stringify(en.body)}`);
    for (const locale of ['id', 'en']) await approve(documentId, locale);
    for (const locale of ['id', 'en']) {
      const res = await publish('operator', documentId, locale);
      if (res.status !== 200) throw new Error(`publish ${res.status}: ${JSON.stringify(res.body)}`);
    }
    return documentId;
  }

  /** The public REST API, as a visitor reads it. */
  async function publicEntries(locale: string): Promise<any[]> {
    const res = await http().get(`/api/dip-documents?locale=${locale}&populate=berkas&pagination[pageSize]=100`);
    if (res.status !== 200) throw new Error(`public ${res.status}`);
    return res.body.data;
  }

  /**
   * The invariant: every entry the public API serves, in every locale, is a version the
   * Koordinator approved in that locale, with those shared fields and that file.
   */
  async function assertPublicIsApproved() {
    for (const locale of ['id', 'en']) {
      for (const entry of await publicEntries(locale)) {
        const versions = approved.get(`${entry.documentId}|${locale}`) ?? [];
        const served = viewOf(entry);
        expect({ documentId: entry.documentId, locale, served, approvedVersions: versions.some((v) => JSON.stringify(v) === JSON.stringify(served)) }).toEqual({
          documentId: entry.documentId,
          locale,
          served,
          approvedVersions: true,
        });
      }
    }
  }

  /** Every row the workflow touches, to prove a refusal changed nothing. */
  async function snapshot() {
    const strip = (rows: any[]) => JSON.parse(JSON.stringify(rows));
    return {
      entries: strip(await strapi.db.query(DIP).findMany({ orderBy: { id: 'asc' }, populate: { berkas: true, unit: true } })),
      audit: await strapi.db.query(AUDIT).count(),
      timers: strip(await strapi.db.query(TIMER).findMany({ orderBy: { id: 'asc' } })),
      files: strip(await strapi.db.query('plugin::upload.file').findMany({ orderBy: { id: 'asc' } })),
    };
  }

  function fileOnDisk(file: { url: string }): Buffer {
    return fs.readFileSync(path.join(strapi.dirs.static.public, file.url));
  }

  function tempFile(name: string, body: Buffer) {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ppid-')), name);
    fs.writeFileSync(file, body);
    return file;
  }

  return { http, as, tokens, users, approved, signInAll, uploadPdf, create, update, move, publish, draftRow, stateOf, approve, rememberApproved, publishedEntry, publicEntries, assertPublicIsApproved, snapshot, fileOnDisk, tempFile };
}
