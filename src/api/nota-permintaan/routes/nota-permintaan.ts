import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::nota-permintaan.nota-permintaan');
