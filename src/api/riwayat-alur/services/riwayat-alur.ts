import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::riwayat-alur.riwayat-alur');
