import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::daftar-konten.daftar-konten');
