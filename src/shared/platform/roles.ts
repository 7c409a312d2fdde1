/**
 * The roles of a member, and how a module declares what each may do
 * (`definePolicy`). Each module's policy lives with its shared code
 * (`src/shared/<module>/<module>.policy.ts`); src/shared/policy.ts puts them
 * together.
 */
export const ROLES = ['owner', 'manager', 'staff', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;
/** Everyone who changes content: the auditor reads everything and changes nothing. */
export const WRITER_ROLES: readonly Role[] = ['owner', 'manager', 'staff'];

/**
 * A rule on one record: the role must hold `permission`, and the record must
 * be in a state that allows the action (a submitted assessment takes no more
 * answers; only an organisation's own catalog file can be removed).
 */
export interface RecordRule<P extends string, R> {
  permission: P;
  allows(record: R): boolean;
}

/**
 * A module's policy: each permission with the roles that hold it, and the
 * per-record rules (named `<record>.<action>`), each built on one of the
 * module's own permissions.
 */
export function definePolicy<const P extends Record<string, readonly Role[]>, const A extends Record<string, RecordRule<keyof P & string, never>> = Record<never, never>>(policy: {
  permissions: P;
  records?: A;
}): { permissions: P; records: A } {
  return { permissions: policy.permissions, records: (policy.records ?? {}) as A };
}
