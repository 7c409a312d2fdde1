import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/**
 * The information-asset inventory (seed 000 III.3.3, III.4), and the workloads
 * and system portfolio built on it: everyone reads and exports; the auditor
 * changes nothing.
 */
export const assetsPolicy = definePolicy({
  permissions: {
    'assets.read': ALL_ROLES,
    'assets.write': WRITER_ROLES,
  },
});
