import { factories } from '@strapi/strapi';

/** The public reads the published version only: `status=draft` from a caller is ignored. */
export default factories.createCoreController('api::profil-ppid.profil-ppid', () => ({
  async find(ctx) {
    const { status: _ignored, ...rest } = ctx.query as Record<string, unknown>;
    ctx.query = { ...rest, status: 'published' };
    return super.find(ctx);
  },
}));
