import { factories } from '@strapi/strapi';
import { callerQuery, publicDipQuery } from '../public-query';

const UID = 'api::dip-document.dip-document';

/**
 * The content API serves only published, non-exempt entries (SPEC §5), whatever the caller asks
 * for: `status=draft` is ignored and the exemption filter is AND-ed to the caller's own filters.
 *
 * The steps are the core controller's (validate, sanitize, service, sanitize output), with the
 * public rule added after the caller's query was validated and sanitized: the rule is ours, so it
 * is not validated again on every request, and a single query answers `findOne` (it used to look
 * the entry up first and then let the core controller read it a second time).
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    ctx.query = callerQuery(ctx.query);
    await this.validateQuery!(ctx);
    const sanitizedQuery = await this.sanitizeQuery!(ctx);
    const { results, pagination } = await strapi.service(UID).find(publicDipQuery(sanitizedQuery) as any);
    const sanitizedResults = await this.sanitizeOutput!(results, ctx);
    return this.transformResponse!(sanitizedResults, { pagination });
  },

  async findOne(ctx) {
    ctx.query = callerQuery(ctx.query);
    await this.validateQuery!(ctx);
    const sanitizedQuery = await this.sanitizeQuery!(ctx);
    const entity = await strapi.service(UID).findOne(ctx.params.id, publicDipQuery(sanitizedQuery) as any);
    if (!entity) return ctx.notFound('Dokumen tidak ditemukan');
    const sanitizedEntity = await this.sanitizeOutput!(entity, ctx);
    return this.transformResponse!(sanitizedEntity);
  },
}));
