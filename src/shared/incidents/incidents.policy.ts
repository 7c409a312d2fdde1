import { ALL_ROLES, definePolicy, WRITER_ROLES } from '../platform/roles.ts';

/**
 * Incidents (PRODUCT.md capability 9): everyone reads the incident records,
 * their deadlines and timelines, auditors included; writers record incidents
 * and their actions.
 */
export const incidentsPolicy = definePolicy({
  permissions: {
    'incidents.read': ALL_ROLES,
    'incidents.write': WRITER_ROLES,
  },
});
