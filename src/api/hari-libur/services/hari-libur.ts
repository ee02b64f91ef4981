import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::hari-libur.hari-libur');
