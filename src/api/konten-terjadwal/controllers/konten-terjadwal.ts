import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::konten-terjadwal.konten-terjadwal');
