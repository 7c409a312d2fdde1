import { assetsPolicy } from './assets/assets.policy.ts';
import { catalogPolicy } from './catalog/catalog.policy.ts';
import { diagnosisPolicy } from './diagnosis/diagnosis.policy.ts';
import { continuityPolicy } from './continuity/continuity.policy.ts';
import { costsPolicy } from './costs/costs.policy.ts';
import { governancePolicy } from './governance/governance.policy.ts';
import { incidentsPolicy } from './incidents/incidents.policy.ts';
import { operationsPolicy } from './operations/operations.policy.ts';
import { platformPolicy } from './platform/platform.policy.ts';
import { providersPolicy } from './providers/providers.policy.ts';
import { reportsPolicy } from './reports/reports.policy.ts';
import { risksPolicy } from './risks/risks.policy.ts';
import { ROLES, type Role } from './platform/roles.ts';

/**
 * What each role may do: every module declares its own policy
 * (src/shared/<module>/<module>.policy.ts) and this file puts them together.
 * The server checks these permissions on every route; the answers for the
 * current member are sent to the UI with the data (`can`), so the UI never
 * re-derives a rule. A module adds its policy to MODULE_POLICIES (and names
 * it in its contract, src/server/<module>/index.ts).
 */
export { ROLES, type Role };

export const MODULE_POLICIES = [platformPolicy, catalogPolicy, diagnosisPolicy, assetsPolicy, risksPolicy, providersPolicy, incidentsPolicy, operationsPolicy, governancePolicy, continuityPolicy, costsPolicy, reportsPolicy] as const;

type Policies = (typeof MODULE_POLICIES)[number];
type Union<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;
type AllPermissions = Union<Policies['permissions']>;
type AllRecordRules = Union<Policies['records']>;

export type Permission = keyof AllPermissions & string;
/** A per-record rule, `<record>.<action>`: a permission and the record's state together. */
export type RecordAction = keyof AllRecordRules & string;
type RecordOf<A extends RecordAction> = AllRecordRules[A] extends { allows(record: infer R): boolean } ? R : never;

/** Every module's names, once: a permission or record rule declared by two modules stops the start. */
function merge<T>(parts: Record<string, T>[], what: string): Record<string, T> {
  const merged: Record<string, T> = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name in merged) throw new Error(`The ${what} "${name}" is declared by two modules.`);
      merged[name] = value;
    }
  }
  return merged;
}

export const PERMISSIONS = merge<readonly Role[]>(MODULE_POLICIES.map((p) => p.permissions), 'permission') as Record<Permission, readonly Role[]>;
const RECORD_RULES = merge<{ permission: string; allows(record: unknown): boolean }>(
  MODULE_POLICIES.map((p) => p.records as Record<string, { permission: string; allows(record: unknown): boolean }>),
  'record rule',
);
for (const name of Object.keys(RECORD_RULES)) if (name in PERMISSIONS) throw new Error(`"${name}" is both a permission and a record rule.`);

/** Whether `role` holds `permission`; or, given a record, whether the record rule `action` allows it on that record. */
export function can(role: Role | null | undefined, permission: Permission): boolean;
export function can<A extends RecordAction>(role: Role | null | undefined, action: A, record: RecordOf<A>): boolean;
export function can(role: Role | null | undefined, name: string, ...record: unknown[]): boolean {
  if (!role) return false;
  const rule = RECORD_RULES[name];
  if (rule) return record.length > 0 && (PERMISSIONS[rule.permission as Permission] as readonly Role[]).includes(role) && rule.allows(record[0]);
  return (PERMISSIONS[name as Permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role | null | undefined): Record<Permission, boolean> {
  return Object.fromEntries((Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, can(role, p)])) as Record<Permission, boolean>;
}

/** Roles whose members must use MFA when the organisation's policy requires it. */
export const MFA_POLICY_ROLES: readonly Role[] = ['owner', 'manager'];
