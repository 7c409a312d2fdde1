import { ALL_ROLES, definePolicy } from '../platform/roles.ts';

/**
 * Reports (PRODUCT.md capability 12): every member reads the dashboard, the
 * management reports and the OSCAL documents; the owner and the managers
 * issue a management report (the executive receives it, so it is theirs to date).
 */
export const reportsPolicy = definePolicy({
  permissions: {
    'reports.read': ALL_ROLES,
    'reports.issue': ['owner', 'manager'],
  },
});
