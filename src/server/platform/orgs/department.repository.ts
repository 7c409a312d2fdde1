import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { departmentKey } from './department.rules.ts';
import { departments } from './department.table.ts';

/** Departments of the session's organisation; never another's. */

export interface DepartmentRow {
  id: string;
  name: string;
  nameKey: string;
}

export async function listDepartments(db: Db, organisationId: string): Promise<DepartmentRow[]> {
  return db
    .select({ id: departments.id, name: departments.name, nameKey: departments.nameKey })
    .from(departments)
    .where(eq(departments.organisationId, organisationId))
    .orderBy(asc(departments.name));
}

export async function findDepartment(db: Db, organisationId: string, id: string): Promise<DepartmentRow | undefined> {
  const [row] = await db
    .select({ id: departments.id, name: departments.name, nameKey: departments.nameKey })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), eq(departments.id, id)));
  return row;
}

/**
 * The departments with these names, created when missing (a concurrent
 * creation of the same name is absorbed by the unique key): name key → row,
 * and the names that were created by this call.
 */
export async function ensureDepartments(
  tx: Db,
  organisationId: string,
  names: readonly string[],
  createdBy: string | null,
): Promise<{ byKey: Map<string, DepartmentRow>; created: string[] }> {
  const wanted = new Map<string, string>();
  for (const n of names) {
    const key = departmentKey(n);
    if (key && !wanted.has(key)) wanted.set(key, n.trim());
  }
  if (!wanted.size) return { byKey: new Map(), created: [] };
  const inserted = await tx
    .insert(departments)
    .values([...wanted].map(([nameKey, name]) => ({ organisationId, name, nameKey, createdBy })))
    .onConflictDoNothing()
    .returning({ name: departments.name });
  const rows = await tx
    .select({ id: departments.id, name: departments.name, nameKey: departments.nameKey })
    .from(departments)
    .where(and(eq(departments.organisationId, organisationId), inArray(departments.nameKey, [...wanted.keys()])));
  return { byKey: new Map(rows.map((r) => [r.nameKey, r])), created: inserted.map((r) => r.name) };
}
