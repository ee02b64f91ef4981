import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::riwayat-alur.riwayat-alur');
