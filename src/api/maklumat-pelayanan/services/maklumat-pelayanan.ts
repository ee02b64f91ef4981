import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::maklumat-pelayanan.maklumat-pelayanan');
