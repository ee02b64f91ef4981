import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';

let strapi: Core.Strapi;
beforeAll(async () => {
  strapi = await setupStrapi();
});
afterAll(teardownStrapi);

test('boots with Indonesian as the default locale and English available', async () => {
  const locales = await strapi.plugin('i18n').service('locales').find();
  expect(locales.map((l: any) => l.code).sort()).toEqual(['en', 'id']);
  expect(await strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('id');
  expect(locales.map((l: any) => l.name).sort()).toEqual(['Bahasa Indonesia (id)', 'Bahasa Inggris (en)']);
});

test('public cannot list memos', async () => {
  const res = await request(strapi.server.httpServer).get('/api/nota-permintaans');
  expect(res.status).toBe(403);
});
