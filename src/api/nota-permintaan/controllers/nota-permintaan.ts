import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::nota-permintaan.nota-permintaan');
