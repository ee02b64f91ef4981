import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::daftar-konten.daftar-konten');
