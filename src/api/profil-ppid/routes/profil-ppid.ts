import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::profil-ppid.profil-ppid');
