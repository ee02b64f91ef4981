import { factories } from '@strapi/strapi';
import { publicDipQuery } from '../public-query';

const UID = 'api::dip-document.dip-document';

/**
 * The content API serves only published, non-exempt entries (SPEC §5), whatever the caller asks
 * for: `status=draft` is ignored and the exemption filter is AND-ed to the caller's own filters.
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    ctx.query = publicDipQuery(ctx.query);
    return super.find(ctx);
  },

  async findOne(ctx) {
    ctx.query = publicDipQuery(ctx.query);
    const visible = await strapi.documents(UID).findFirst({
      filters: { documentId: ctx.params.id, kategori: { $ne: 'dikecualikan' } },
      status: 'published',
      locale: typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined,
      fields: ['id'],
    } as any);
    if (!visible) return ctx.notFound('Dokumen tidak ditemukan');
    return super.findOne(ctx);
  },
}));
