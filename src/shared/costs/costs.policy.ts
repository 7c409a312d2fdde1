import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/** Costs (PRODUCT.md capability 10): everyone reads the comparison the executive decides on; the roles that write keep the scenarios. */
export const costsPolicy = definePolicy({
  permissions: {
    'costs.read': ALL_ROLES,
    'costs.write': WRITER_ROLES,
  },
});
