import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::permohonan-informasi.permohonan-informasi');
