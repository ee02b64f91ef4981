import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::laporan-evaluasi.laporan-evaluasi');
