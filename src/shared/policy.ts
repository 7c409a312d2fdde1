/**
 * What each role may do, declared once. The server checks these permissions
 * on every route; the answers for the current member are sent to the UI with
 * the data (`can`), so the UI never re-derives a rule.
 */
export const ROLES = ['owner', 'manager', 'staff', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Role[] = ROLES;
const WRITERS: readonly Role[] = ['owner', 'manager', 'staff'];

export const PERMISSIONS = {
  'organisation.read': ALL,
  'organisation.update': ['owner'],
  'members.read': ALL,
  // Inviting, changing roles and removing members stays with owners: it decides who sees everything.
  'members.manage': ['owner'],
  // The auditor reads everything, including the trail of who did what.
  'audit.read': ['owner', 'auditor'],
  'audit.export': ['owner', 'auditor'],
  'catalog.read': ALL,
  'catalog.manage': ['owner'],
  'content.write': WRITERS,
  // Evidence files: any member may download those of the organisation; uploads follow the record's own permission.
  'evidence.read': ALL,
  // Diagnosis, stage gates and roadmap (PRODUCT.md capability 3).
  // The profile feeds later rules (personal data, EU, finance): the executive side keeps it.
  'profile.update': ['owner', 'manager'],
  'diagnosis.read': ALL,
  'diagnosis.answer': WRITERS,
  // Seed 000 II.6: the executive and the cloud administrator evaluate; the executive decides.
  'gate.evaluate': WRITERS,
  'gate.decide': ['owner', 'manager'],
  'roadmap.update': WRITERS,
  'budget.update': ['owner', 'manager'],
  // The information-asset inventory (seed 000 III.3.3, III.4), and the workloads and system portfolio built on it:
  // everyone reads and exports; the auditor changes nothing.
  'assets.read': ALL,
  'assets.write': WRITERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role | null | undefined): Record<Permission, boolean> {
  return Object.fromEntries(
    (Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, can(role, p)]),
  ) as Record<Permission, boolean>;
}

/** Roles whose members must use MFA when the organisation's policy requires it. */
export const MFA_POLICY_ROLES: readonly Role[] = ['owner', 'manager'];
