import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::nota-permintaan.nota-permintaan');
