import { asc, eq, inArray } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, nextPosition, recordContent } from '../platform/register/register.ts';
import { staffingAssignments, staffingPeople, staffingRoles } from './staffing.table.ts';

/** Queries of the staffing matrix, through a request's DataContext. */

export type StaffingRoleRow = typeof staffingRoles.$inferSelect;
export type StaffingPersonRow = typeof staffingPeople.$inferSelect;

const writer = changeableWith('governance.write');

export const roleRegister = defineRegister({ table: staffingRoles, entityType: 'staffingRole', auditView: recordContent, can: writer });

/** A person as the trail keeps them: their content and the roles they hold (`roleIds`, added by the service). */
export const personRegister = defineRegister({ table: staffingPeople, entityType: 'staffingPerson', auditView: recordContent, can: writer });

export const listRoles = (ctx: DataContext) => ctx.select(staffingRoles, { orderBy: [asc(staffingRoles.position), asc(staffingRoles.id)] });

/** The position after the last role. */
export const nextRolePosition = (ctx: DataContext) => nextPosition(ctx, staffingRoles, staffingRoles.position);
const byName = [asc(staffingPeople.name), asc(staffingPeople.id)];
export const listPeople = (ctx: DataContext) => ctx.select(staffingPeople, { orderBy: byName });

/** The people holding a role, in the matrix's order. */
export const holdersOf = (ctx: DataContext, roleId: string) =>
  ctx.select(staffingPeople, {
    where: inArray(staffingPeople.id, ctx.db.select({ id: staffingAssignments.personId }).from(staffingAssignments).where(ctx.scoped(staffingAssignments, eq(staffingAssignments.roleId, roleId)))),
    orderBy: byName,
  });
export const listAssignments = (ctx: DataContext) => ctx.select(staffingAssignments);

/** The roles a person holds, replaced whole (in the caller's transaction). */
export async function replaceAssignments(ctx: DataContext, personId: string, roleIds: readonly string[]): Promise<void> {
  await ctx.delete(staffingAssignments, eq(staffingAssignments.personId, personId));
  if (roleIds.length) await ctx.insert(staffingAssignments, roleIds.map((roleId) => ({ personId, roleId })));
}

export async function rolesOfPerson(ctx: DataContext, personId: string): Promise<string[]> {
  return (await ctx.select(staffingAssignments, { where: eq(staffingAssignments.personId, personId) })).map((a) => a.roleId);
}
