import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::dip-document.dip-document');
