import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::notulen.notulen');
