import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::maklumat-pelayanan.maklumat-pelayanan');
