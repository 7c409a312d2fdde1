import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database.ts';
import { roadmapTasks, stageBudgets } from './diagnosis.table.ts';

/** Roadmap tasks and stage budgets of the session's organisation. */

export type TaskRow = typeof roadmapTasks.$inferSelect;
export type BudgetRow = typeof stageBudgets.$inferSelect;
export type TaskFields = Pick<TaskRow, 'ownerUserId' | 'dueDate' | 'status' | 'note'>;

export async function listTasks(db: Db, organisationId: string): Promise<TaskRow[]> {
  return db.select().from(roadmapTasks).where(eq(roadmapTasks.organisationId, organisationId));
}

export async function findTask(db: Db, organisationId: string, id: string): Promise<TaskRow | undefined> {
  const [row] = await db.select().from(roadmapTasks).where(and(eq(roadmapTasks.organisationId, organisationId), eq(roadmapTasks.id, id)));
  return row;
}

/** Null when the practice item has a task already (one task per item). */
export async function insertTask(db: Db, row: typeof roadmapTasks.$inferInsert): Promise<TaskRow | null> {
  const [inserted] = await db.insert(roadmapTasks).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function updateTask(db: Db, organisationId: string, id: string, version: number, fields: TaskFields, updatedBy: string): Promise<TaskRow | null> {
  const [row] = await db
    .update(roadmapTasks)
    .set({ ...fields, updatedBy, updatedAt: new Date(), version: sql`${roadmapTasks.version} + 1` })
    .where(and(eq(roadmapTasks.organisationId, organisationId), eq(roadmapTasks.id, id), eq(roadmapTasks.version, version)))
    .returning();
  return row ?? null;
}

export async function listBudgets(db: Db, organisationId: string): Promise<BudgetRow[]> {
  return db.select().from(stageBudgets).where(eq(stageBudgets.organisationId, organisationId));
}

/** Insert (version 0) or update (the stored version); null on a stale version or a concurrent first save. */
export async function saveBudget(db: Db, organisationId: string, stage: string, budgetYen: number, version: number, updatedBy: string): Promise<BudgetRow | null> {
  if (version === 0) {
    const [row] = await db.insert(stageBudgets).values({ organisationId, stage, budgetYen, updatedBy }).onConflictDoNothing().returning();
    return row ?? null;
  }
  const [row] = await db
    .update(stageBudgets)
    .set({ budgetYen, updatedBy, updatedAt: new Date(), version: sql`${stageBudgets.version} + 1` })
    .where(and(eq(stageBudgets.organisationId, organisationId), eq(stageBudgets.stage, stage), eq(stageBudgets.version, version)))
    .returning();
  return row ?? null;
}
