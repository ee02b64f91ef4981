import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { runSeed } from '../../src/seed';
import { demoEmail, ensureDemoAdmins } from '../../src/seed/demo-admins';
import { ROLE_CODES } from '../../src/roles/definitions';

let strapi: Core.Strapi;
beforeAll(async () => {
  process.env.PPID_DEMO_PASSWORD = 'Demo-Ppid-Sumbar-2026';
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('the seed loads units, 30+ bilingual DIP entries in all four categories, holidays, memos, minutes and a report', async () => {
  const report = await runSeed(strapi, { withDemoAdmins: true, log: () => {} });
  expect(report.units).toBe(5);
  expect(report.dipEntries).toBeGreaterThanOrEqual(30);
  const dip = strapi.documents('api::dip-document.dip-document' as any) as any;
  for (const locale of ['id', 'en']) {
    const all = await dip.findMany({ locale, status: 'draft', fields: ['kategori'], limit: 1000 });
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(new Set(all.map((d: any) => d.kategori))).toEqual(new Set(['berkala', 'serta_merta', 'setiap_saat', 'dikecualikan']));
  }
  const year = new Date().getUTCFullYear();
  const holidays = await strapi.db.query('api::hari-libur.hari-libur').findMany({});
  expect(holidays.some((h: any) => String(h.tanggal).startsWith(`${year}-`))).toBe(true);
  expect(holidays.some((h: any) => String(h.tanggal).startsWith(`${year + 1}-`))).toBe(true);
  expect(holidays.find((h: any) => h.tanggal === `${year}-08-17`)?.nama).toMatch(/Kemerdekaan/i);
  expect(report.memos).toBeGreaterThan(0);
  expect(report.minutes).toBeGreaterThan(0);
  expect(report.reports).toBe(1);
});

test('running the seed again adds nothing', async () => {
  const counts = async () =>
    Promise.all(
      ['api::bidang.bidang', 'api::dip-document.dip-document', 'api::hari-libur.hari-libur', 'api::nota-permintaan.nota-permintaan', 'admin::user', 'plugin::upload.file'].map((uid) =>
        strapi.db.query(uid as any).count(),
      ),
    );
  const before = await counts();
  const report = await runSeed(strapi, { withDemoAdmins: true, log: () => {} });
  expect(report).toEqual({ units: 0, dipEntries: 0, holidays: 0, memos: 0, minutes: 0, reports: 0, pages: 0, admins: [] });
  expect(await counts()).toEqual(before);
});

test('one demo admin per SOP role plus a super admin, with the demo password', async () => {
  const emails = (await strapi.db.query('admin::user').findMany({ populate: ['roles'] })).map((u: any) => [u.email, u.roles[0].code]);
  for (const code of ROLE_CODES) expect(emails).toContainEqual([demoEmail(code), code]);
  expect(emails).toContainEqual(['admin@ppid.test', 'strapi-super-admin']);
  const user = await strapi.db.query('admin::user').findOne({ where: { email: 'operator@ppid.test' } });
  expect(await strapi.service('admin::auth').validatePassword('Demo-Ppid-Sumbar-2026', user.password)).toBe(true);
});

test('edited holidays are kept on the next seed', async () => {
  const row = await strapi.db.query('api::hari-libur.hari-libur').findOne({ where: {} });
  await strapi.db.query('api::hari-libur.hari-libur').update({ where: { id: row.id }, data: { nama: 'Nama diubah editor' } });
  await runSeed(strapi, { withDemoAdmins: false, log: () => {} });
  expect((await strapi.db.query('api::hari-libur.hari-libur').findOne({ where: { id: row.id } })).nama).toBe('Nama diubah editor');
});

test('demo admins are never created in production', async () => {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await expect(ensureDemoAdmins(strapi, () => {})).rejects.toThrow(/never created when NODE_ENV=production/);
  } finally {
    process.env.NODE_ENV = previous;
  }
});

test('the seeded site answers the public list in Indonesian', async () => {
  const res = await request(strapi.server.httpServer).get('/api/dip-documents?locale=id');
  expect(res.status).toBe(200);
  expect(res.body.data.length).toBeGreaterThan(0);
});
