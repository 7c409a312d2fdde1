import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/**
 * Providers and contracts (PRODUCT.md capability 6): everyone reads the
 * profiles, evaluations, contract reviews and comparisons; writers record and
 * change them.
 */
export const providersPolicy = definePolicy({
  permissions: {
    'providers.read': ALL_ROLES,
    'providers.write': WRITER_ROLES,
  },
});
