import { expectFunctions, type TouchPoint } from '../compat/self-check';

/**
 * The workflow API checks a document against the caller's RBAC conditions the way the Content
 * Manager does: the admin permission service's permissions manager turns a row into a CASL subject.
 */
export const UNIT_TOUCH_POINTS: TouchPoint[] = [
  {
    name: "the admin permission service's createPermissionsManager().toSubject and conditionProvider",
    usedBy: 'src/workflow/routes.ts, src/units/index.ts',
    problem(strapi) {
      const service = strapi.service('admin::permission') as any;
      if (!service) return 'the service admin::permission is missing';
      const provider = expectFunctions(service.conditionProvider, ['register', 'has'], 'conditionProvider');
      if (provider) return provider;
      if (typeof service.createPermissionsManager !== 'function') return 'createPermissionsManager is not a function';
      return null;
    },
  },
];
