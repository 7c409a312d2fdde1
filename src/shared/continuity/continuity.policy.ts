import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/**
 * Continuity (PRODUCT.md capability 8): everyone reads the backup plans, the
 * recovery targets and the BCP (seed 004: the plan is known to those who act
 * on it); the roles that write keep them.
 */
export const continuityPolicy = definePolicy({
  permissions: {
    'continuity.read': ALL_ROLES,
    'continuity.write': WRITER_ROLES,
  },
});
