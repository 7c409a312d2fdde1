import type { Db } from '../db/database.ts';
import type { DataContext } from '../db/data-context.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { ensureDepartments, findDepartment, listDepartments, type DepartmentRow } from './department.repository.ts';
import { departmentKey } from './department.rules.ts';

/** Departments as every module offers them (asset owners today; risk and control owners later). */

export async function departmentChoices(db: Db, organisationId: string): Promise<{ id: string; name: string }[]> {
  return (await listDepartments(db, organisationId)).map((d) => ({ id: d.id, name: d.name }));
}

/**
 * The departments a change names, created on the fly inside the caller's
 * transaction, with one audit entry per department created.
 */
export async function resolveDepartments(
  tx: Db,
  organisationId: string,
  names: readonly string[],
  actor: { userId: string | null; label: string | null },
): Promise<{ byKey: Map<string, DepartmentRow>; created: string[] }> {
  const result = await ensureDepartments(tx, organisationId, names, actor.userId);
  for (const name of result.created) {
    const row = [...result.byKey.values()].find((d) => d.name === name);
    await appendAudit(tx, {
      organisationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'department.create',
      entityType: 'department',
      entityId: row?.id ?? null,
      after: { name },
    });
  }
  return result;
}

/** The organisation's departments (a domain module's view, through its DataContext). */
export const departmentsOf = (ctx: DataContext): Promise<DepartmentRow[]> => listDepartments(ctx.db, ctx.organisationId);

/** One record's owner department by id, as a map of names like the list's (empty for none): read alone, not with every department. */
export async function ownerDepartmentName(ctx: DataContext, id: string | null): Promise<Map<string, string>> {
  const row = id ? await findDepartment(ctx.db, ctx.organisationId, id) : undefined;
  return new Map(row ? [[row.id, row.name]] : []);
}

/** The departments with these names in the context's organisation, created (and audited) in its transaction when missing. */
export const departmentsNamed = (ctx: DataContext, names: readonly string[]) =>
  resolveDepartments(ctx.db, ctx.organisationId, names, { userId: ctx.userId, label: ctx.actor.actorLabel });

/** The id of the department with this name, created when new; null for none (an owner cleared). */
export async function departmentIdNamed(ctx: DataContext, name: string | null): Promise<string | null> {
  if (name === null) return null;
  const { byKey } = await departmentsNamed(ctx, [name]);
  return byKey.get(departmentKey(name))!.id;
}
