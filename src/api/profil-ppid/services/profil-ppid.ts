import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::profil-ppid.profil-ppid');
