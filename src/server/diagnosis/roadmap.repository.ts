import { eq } from 'drizzle-orm';
import { nextVersion } from '../platform/db/columns.ts';
import type { DataContext, InsertOf } from '../platform/db/data-context.ts';
import { roadmapTasks, stageBudgets } from './diagnosis.table.ts';

/** Roadmap tasks and stage budgets, through the request's DataContext: every statement is scoped to its organisation. */

export type TaskRow = typeof roadmapTasks.$inferSelect;
export type BudgetRow = typeof stageBudgets.$inferSelect;
export type TaskFields = Pick<TaskRow, 'ownerUserId' | 'dueDate' | 'status' | 'note'>;

export const listTasks = (ctx: DataContext): Promise<TaskRow[]> => ctx.select(roadmapTasks);

export const findTask = (ctx: DataContext, id: string): Promise<TaskRow | undefined> => ctx.findById(roadmapTasks, id);

/** Null when the practice item has a task already (one task per item). */
export async function insertTask(ctx: DataContext, row: InsertOf<typeof roadmapTasks>): Promise<TaskRow | null> {
  const [inserted] = await ctx.db
    .insert(roadmapTasks)
    .values({ ...row, organisationId: ctx.organisationId })
    .onConflictDoNothing()
    .returning();
  return inserted ?? null;
}

export async function updateTask(ctx: DataContext, id: string, version: number, fields: TaskFields): Promise<TaskRow | null> {
  const [row] = await ctx.db
    .update(roadmapTasks)
    .set({ ...fields, updatedBy: ctx.userId, ...nextVersion(roadmapTasks) })
    .where(ctx.scoped(roadmapTasks, eq(roadmapTasks.id, id), eq(roadmapTasks.version, version)))
    .returning();
  return row ?? null;
}

export const listBudgets = (ctx: DataContext): Promise<BudgetRow[]> => ctx.select(stageBudgets);

/** Insert (version 0) or update (the stored version); null on a stale version or a concurrent first save. */
export async function saveBudget(ctx: DataContext, stage: string, budgetYen: number, version: number): Promise<BudgetRow | null> {
  const updatedBy = ctx.userId;
  if (version === 0) {
    const [row] = await ctx.db.insert(stageBudgets).values({ organisationId: ctx.organisationId, stage, budgetYen, updatedBy }).onConflictDoNothing().returning();
    return row ?? null;
  }
  const [row] = await ctx.db
    .update(stageBudgets)
    .set({ budgetYen, updatedBy, ...nextVersion(stageBudgets) })
    .where(ctx.scoped(stageBudgets, eq(stageBudgets.stage, stage), eq(stageBudgets.version, version)))
    .returning();
  return row ?? null;
}
