import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { TOKENS_WITHOUT_MFA } from '../helpers/admin';
import { CM, dipHarness, viewOf, WRITER_ROLES } from '../helpers/dip';
import { makePdf } from '../../src/seed/pdf';
import { prng } from '../helpers/prng';

/**
 * Random sequences of what editors do to DIP entries (edits in either locale, shared and
 * localized fields, file replacement and attachment, steps, publish, unpublish, discard, clone),
 * with the invariant checked after every step: the public API serves only versions the
 * Koordinator approved in that locale. The seed is printed so a failure can be replayed with
 * PPID_RANDOM_SEED.
 */
// A fixed default keeps CI reproducible; set PPID_RANDOM_SEED to explore other sequences.
const SEED = Number(process.env.PPID_RANDOM_SEED ?? 20261129);
const STEPS = Number(process.env.PPID_RANDOM_STEPS ?? 120);


let strapi: Core.Strapi;
let h: ReturnType<typeof dipHarness>;

beforeAll(async () => {
  strapi = await setupStrapi(TOKENS_WITHOUT_MFA);
  h = dipHarness(strapi);
  await h.signInAll();
});
afterAll(teardownStrapi);

test(`random editing sequences never put an unapproved version online (seed ${SEED})`, async () => {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const docs: string[] = [];
  for (let i = 0; i < 3; i++) docs.push(await h.publishedEntry(`DIP/ACAK/${SEED}/${i}`));
  await h.assertPublicIsApproved();

  const actions: Record<string, (doc: string, locale: string) => Promise<{ status: number }>> = {
    editLocalized: (doc, locale) => h.update(pick(WRITER_ROLES), doc, locale, { ringkasan: `Ringkasan acak ${Math.floor(random() * 1e6)}` }),
    editShared: (doc, locale) => h.update(pick(WRITER_ROLES), doc, locale, pick([{ nomor: `N-${Math.floor(random() * 1e6)}` }, { tahun: String(2000 + Math.floor(random() * 26)) }, { pejabatPenguasa: `Pejabat ${Math.floor(random() * 100)}` }])),
    replaceFile: async (doc, locale) => {
      const file = (await h.draftRow(doc, locale))?.berkas;
      if (!file) return { status: 0 };
      return h
        .http()
        .post(`/upload?id=${file.id}`)
        .set(h.as(pick(WRITER_ROLES)))
        .attach('files', makePdf(`Ganti ${random()}`, ['x']), { filename: 'ganti.pdf', contentType: 'application/pdf' });
    },
    attachFile: async (doc, locale) => {
      const pdf = await h.uploadPdf('operator', `baru-${Math.floor(random() * 1e6)}.pdf`);
      return h.update(pick(WRITER_ROLES), doc, locale, { berkas: pdf.id });
    },
    submit: (doc, locale) => h.move(pick(['operator', 'kepala-bidang', 'sub-koordinator']), doc, locale, 'menunggu_persetujuan'),
    approve: async (doc, locale) => {
      const res = await h.move('koordinator', doc, locale, 'disetujui');
      if (res.status === 200) h.rememberApproved(doc, locale, viewOf(await h.draftRow(doc, locale)));
      return res;
    },
    sendBack: (doc, locale) => h.move('koordinator', doc, locale, 'dikembalikan', 'Perlu perbaikan.'),
    publish: (doc, locale) => h.publish(pick(['operator', 'super-admin']), doc, locale),
    unpublish: (doc, locale) => h.http().post(`${CM}/${doc}/actions/unpublish?locale=${locale}`).set(h.as('operator')).send({}),
    discard: (doc, locale) => h.http().post(`${CM}/${doc}/actions/discard?locale=${locale}`).set(h.as('operator')).send({}),
    clone: async (doc) => {
      const res = await h.http().post(`${CM}/clone/${doc}?locale=id`).set(h.as('operator')).send({ nomor: `SALIN-${Math.floor(random() * 1e6)}` });
      if (res.status === 200 && docs.length < 6) docs.push(res.body.data.documentId);
      return res;
    },
  };
  const names = Object.keys(actions);
  const log: string[] = [];
  const outcomes: Record<string, number> = {};
  for (let step = 0; step < STEPS; step++) {
    const name = pick(names);
    const doc = pick(docs);
    const locale = pick(['id', 'en']);
    const { status } = await actions[name](doc, locale);
    log.push(`${step}: ${name} ${doc} ${locale} → ${status}`);
    const outcome = `${name}:${status >= 200 && status < 300 ? 'ok' : 'refused'}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    // A refusal is a 4xx with a message; never a server error.
    expect({ step: log.at(-1), serverError: status >= 500 }).toEqual({ step: log.at(-1), serverError: false });
    try {
      await h.assertPublicIsApproved();
    } catch (error) {
      throw new Error(`invariant broken after step ${step} (seed ${SEED}):\n${log.join('\n')}\n${(error as Error).message}`);
    }
  }

  // The default sequence must exercise both sides of the gate, or it proves nothing (a seed given
  // to explore other sequences may not reach every outcome).
  if (process.env.PPID_RANDOM_SEED) return;
  for (const outcome of ['publish:ok', 'publish:refused', 'editShared:ok', 'approve:ok', 'replaceFile:refused']) {
    expect({ outcome, seen: (outcomes[outcome] ?? 0) > 0 }).toEqual({ outcome, seen: true });
  }
});
