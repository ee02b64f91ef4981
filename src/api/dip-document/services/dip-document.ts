import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::dip-document.dip-document');
