import type { Core } from '@strapi/strapi';
import { validatePpidConfig, type PpidConfig } from './config/ppid-config';
import { dipValidationMiddleware } from './content/dip-validation-middleware';
import { bootstrapAuditTrail, protectAuditTrail } from './audit/trail';
import { ensureAdminRoles } from './bootstrap/admin-roles';
import { ensureFieldLabels } from './bootstrap/field-labels';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { registerSecurity, bootstrapSecurity } from './security';
import { autoSeedIfEmpty } from './seed/auto-seed';
import { bootstrapUploads, registerUploads } from './uploads';
import { ensureSiteWebhook, registerSiteBuildRoutes } from './site-build';
import { bootstrapWorkflows, registerWorkflows } from './workflow';
import { ensureObligationTimers, registerObligations } from './obligations';
import { ROLE_LABELS } from './roles/definitions';
import { WORKFLOW_DEFINITIONS } from './workflows';
import { bootstrapOutbox, registerOutbox } from './outbox';
import { bootstrapRequests, registerRequests } from './permohonan';
import { registerWorkspace } from './workspace';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    const problems = validatePpidConfig(strapi.config.get('ppid') as PpidConfig);
    if (problems.length > 0) {
      throw new Error(`config/ppid.ts is invalid:\n - ${problems.join('\n - ')}`);
    }
    protectAuditTrail(strapi);
    registerOutbox(strapi);
    strapi.documents.use(dipValidationMiddleware(strapi));
    const workflows = registerWorkflows(strapi, WORKFLOW_DEFINITIONS, ROLE_LABELS);
    registerObligations(strapi, workflows);
    registerWorkspace(strapi, workflows);
    registerRequests(strapi);
    registerSecurity(strapi);
    registerUploads(strapi);
    registerSiteBuildRoutes(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureAdminRoles(strapi);
    await ensureFieldLabels(strapi);
    await ensurePublicPermissions(strapi);
    await bootstrapAuditTrail(strapi);
    await bootstrapOutbox(strapi);
    await bootstrapWorkflows(strapi);
    await ensureObligationTimers(strapi);
    await bootstrapRequests(strapi);
    await bootstrapSecurity(strapi);
    await bootstrapUploads(strapi);
    await ensureSiteWebhook(strapi);
    await autoSeedIfEmpty(strapi);
  },
};
