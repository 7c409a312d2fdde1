import { ALL_ROLES, definePolicy, WRITER_ROLES } from './roles.ts';

/** The platform's permissions: the organisation, its members, the audit trail, evidence files and the profile. */
export const platformPolicy = definePolicy({
  permissions: {
    'organisation.read': ALL_ROLES,
    'organisation.update': ['owner'],
    // All of the organisation's data in one file: who may take it all is the owner's decision.
    'organisation.export': ['owner'],
    'members.read': ALL_ROLES,
    // Inviting, changing roles and removing members stays with owners: it decides who sees everything.
    'members.manage': ['owner'],
    // The auditor reads everything, including the trail of who did what.
    'audit.read': ['owner', 'auditor'],
    'audit.export': ['owner', 'auditor'],
    'content.write': WRITER_ROLES,
    // Evidence files: any member may download those of the organisation; uploads follow the record's own permission.
    'evidence.read': ALL_ROLES,
    // The profile feeds later rules (personal data, EU, finance): the executive side keeps it.
    'profile.update': ['owner', 'manager'],
  },
});
