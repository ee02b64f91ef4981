import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::daftar-konten.daftar-konten');
