import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/** Operations (PRODUCT.md capability 11): everyone reads the inspection calendar and their reminders; writers plan inspections and record them done. */
export const operationsPolicy = definePolicy({
  permissions: {
    'operations.read': ALL_ROLES,
    'operations.write': WRITER_ROLES,
  },
});
