import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::laporan-evaluasi.laporan-evaluasi');
