import { asc, eq, inArray } from 'drizzle-orm';
import type { RaciCell } from '../../shared/governance/raci.rules.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { departments } from '../platform/orgs/department.table.ts';
import { changeableWith, defineRegister, nextPosition } from '../platform/register/register.ts';
import { raciAssignments, raciTasks } from './raci.table.ts';

/** Queries of the RACI matrix, through a request's DataContext. */

export type RaciTaskRow = typeof raciTasks.$inferSelect;
export interface CellRow {
  taskId: string;
  departmentId: string;
  department: string;
  cell: RaciCell;
}

/** The trail keeps a task as its title, its template task and its row of cells by department name (raci.service.ts `auditViewOf`). */
export const raciRegister = defineRegister({
  table: raciTasks,
  entityType: 'raciTask',
  auditView: (row: RaciTaskRow) => ({ title: row.title, templateItemId: row.templateItemId }),
  can: changeableWith('governance.write'),
});

/** The matrix's rows in the order they were added. */
export const listTasks = (ctx: DataContext): Promise<RaciTaskRow[]> => ctx.select(raciTasks, { orderBy: [asc(raciTasks.position), asc(raciTasks.createdAt), asc(raciTasks.id)] });

/** The cells of these tasks, each with its department's name, in each row's order. */
export async function cellsOf(ctx: DataContext, taskIds: readonly string[]): Promise<CellRow[]> {
  if (!taskIds.length) return [];
  const rows = await ctx.db
    .select({ taskId: raciAssignments.taskId, departmentId: raciAssignments.departmentId, department: departments.name, cell: raciAssignments.cell })
    .from(raciAssignments)
    .innerJoin(departments, eq(departments.id, raciAssignments.departmentId))
    .where(ctx.scoped(raciAssignments, inArray(raciAssignments.taskId, [...taskIds]), eq(departments.organisationId, ctx.organisationId)))
    .orderBy(asc(raciAssignments.taskId), asc(raciAssignments.position));
  return rows as CellRow[];
}

/** Replaces a task's row of cells (in the caller's transaction). */
export async function replaceCells(ctx: DataContext, taskId: string, cells: readonly { departmentId: string; cell: RaciCell }[]): Promise<void> {
  await ctx.delete(raciAssignments, eq(raciAssignments.taskId, taskId));
  if (cells.length) await ctx.insert(raciAssignments, cells.map((c, position) => ({ taskId, departmentId: c.departmentId, cell: c.cell, position })));
}

/** The position after the matrix's last row. */
export const nextTaskPosition = (ctx: DataContext) => nextPosition(ctx, raciTasks, raciTasks.position);
