import { ALL_ROLES, definePolicy } from '../platform/roles.ts';

/** The catalog: everyone reads it; the owner loads new versions and the organisation's own files. */
export const catalogPolicy = definePolicy({
  permissions: {
    'catalog.read': ALL_ROLES,
    'catalog.manage': ['owner'],
  },
  records: {
    // A newer shipped (or uploaded) version of a collection can be loaded in its place.
    'collection.load': { permission: 'catalog.manage', allows: (c: { updateAvailable: boolean }) => c.updateAvailable },
    // Only the organisation's own files can be removed; the shipped catalog stays.
    'collection.remove': { permission: 'catalog.manage', allows: (c: { origin: string }) => c.origin === 'organisation' },
  },
});
