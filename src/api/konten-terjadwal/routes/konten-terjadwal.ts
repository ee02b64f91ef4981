import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::konten-terjadwal.konten-terjadwal');
