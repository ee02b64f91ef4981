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
import { ensureIndex } from './db/indexes';
import { publicDipListIndex } from './api/dip-document/public-index';
import { bootstrapUploads, destroyUploads, registerUploads } from './uploads';
import { ensureSiteWebhook, registerSiteBuildRoutes } from './site-build';
import { bootstrapWorkflows, registerWorkflows } from './workflow';
import { ensureObligationTimers, registerObligations } from './obligations';
import { ROLE_LABELS } from './roles/definitions';
import { WORKFLOW_DEFINITIONS } from './workflows';
import { bootstrapOutbox, registerOutbox } from './outbox';
import { bootstrapRequests, registerRequests } from './permohonan';
import { bootstrapOps, destroyOps, registerOps } from './ops';
import { bootstrapReports, registerReports } from './reports';
import { registerUnitConditions, registerUnits } from './units';
import { workflowRuntime } from './workflow';
import { registerQuarterlyList } from './content/quarterly-list';
import { bootstrapHttpCache, closeHttpCache, registerHttpCache } from './cache';
import { registerSecurityHeaders } from './http/security-headers';
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
    registerUnits(strapi, workflowRuntime(strapi));
    registerQuarterlyList(strapi);
    registerSecurity(strapi);
    registerUploads(strapi);
    registerSiteBuildRoutes(strapi);
    registerOps(strapi);
    registerReports(strapi);
    registerHttpCache(strapi);
    registerSecurityHeaders(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await registerUnitConditions(strapi);
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
    await ensureIndex(strapi, 'api::dip-document.dip-document', publicDipListIndex(strapi.db.dialect.client));
    await ensureSiteWebhook(strapi);
    await bootstrapReports(strapi);
    await autoSeedIfEmpty(strapi);
    await bootstrapHttpCache(strapi);
    await bootstrapOps(strapi);
  },

  // SIGTERM/SIGINT: finish requests in flight and running cron tasks before Strapi closes sockets,
  // then close the response cache's Redis connection and the S3 client.
  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await destroyOps(strapi);
    await closeHttpCache(strapi);
    destroyUploads(strapi);
  },
};
