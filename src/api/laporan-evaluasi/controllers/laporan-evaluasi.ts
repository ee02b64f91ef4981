import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::laporan-evaluasi.laporan-evaluasi');
