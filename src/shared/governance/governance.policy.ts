import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/**
 * Governance and controls (PRODUCT.md capability 7): everyone reads who is
 * responsible for what (seed 004: the RACI is documented and shared); the
 * roles that write keep it.
 */
export const governancePolicy = definePolicy({
  permissions: {
    'governance.read': ALL_ROLES,
    'governance.write': WRITER_ROLES,
  },
});
