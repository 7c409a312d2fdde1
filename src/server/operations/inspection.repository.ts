import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { memberships, users } from '../platform/db/platform.table.ts';
import { defineRegister, recordContent } from '../platform/register/register.ts';
import { inspectionCompletions, inspections, reminderDigests, reminderSends, reminderSettings } from './inspection.table.ts';

/** Queries of inspections, their completions and the reminders sent, through a request's or a job's DataContext. */

export type InspectionRow = typeof inspections.$inferSelect;
export type CompletionRow = typeof inspectionCompletions.$inferSelect;

export const inspectionRegister = defineRegister({ table: inspections, entityType: 'inspection', auditView: recordContent, nameColumn: inspections.title });

export const listInspections = (ctx: DataContext): Promise<InspectionRow[]> => ctx.select(inspections, { orderBy: [asc(sql`lower(${inspections.title})`), asc(inspections.id)] });

/** Each inspection's completions, newest due date first. */
export async function completionsOf(ctx: DataContext, ids: readonly string[]): Promise<Map<string, CompletionRow[]>> {
  const out = new Map<string, CompletionRow[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await ctx.select(inspectionCompletions, { where: inArray(inspectionCompletions.inspectionId, [...ids]), orderBy: [sql`${inspectionCompletions.dueOn} desc`] });
  for (const r of rows) out.get(r.inspectionId)?.push(r);
  return out;
}

/** A completion of a due date not completed before; undefined when it was (the unique key decides, across instances). */
export async function insertCompletion(ctx: DataContext, values: Omit<typeof inspectionCompletions.$inferInsert, 'organisationId'>): Promise<CompletionRow | undefined> {
  const [row] = await ctx.db
    .insert(inspectionCompletions)
    .values({ ...values, organisationId: ctx.organisationId })
    .onConflictDoNothing()
    .returning();
  return row;
}

export interface Recipient {
  userId: string;
  email: string;
  name: string;
  role: string;
  locale: 'ja' | 'en';
}

/** The organisation's members with what a reminder needs: address, name, role and language. */
export async function members(ctx: DataContext): Promise<Recipient[]> {
  const rows = await ctx.db
    .select({ userId: users.id, email: users.email, name: users.displayName, role: memberships.role, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, ctx.organisationId));
  return rows.map((r) => ({ ...r, name: r.name || r.email, locale: r.locale === 'en' ? 'en' : 'ja' }));
}

/** Who was already reminded of which due date, as `remindedKey`s: read once per organisation and run. */
export const remindedKey = (userId: string, inspectionId: string, dueOn: string) => `${userId} ${inspectionId} ${dueOn}`;
export async function remindedKeys(ctx: DataContext): Promise<Set<string>> {
  const rows = await ctx.select(reminderSends);
  return new Set(rows.map((r) => remindedKey(r.userId, r.inspectionId, r.dueOn)));
}

/**
 * Claims the member's digest of `day`: the row is inserted, or, when another
 * instance claimed it first, nothing (its insert waits on the unique key until
 * that one commits, then finds it).
 */
export async function claimDigest(ctx: DataContext, userId: string, day: string, items: { inspectionId: string; dueOn: string }[]): Promise<string | null> {
  const [row] = await ctx.db.insert(reminderDigests).values({ organisationId: ctx.organisationId, userId, day, items }).onConflictDoNothing().returning({ id: reminderDigests.id });
  if (!row) return null;
  await ctx.db
    .insert(reminderSends)
    .values(items.map((i) => ({ organisationId: ctx.organisationId, userId, inspectionId: i.inspectionId, dueOn: i.dueOn, digestId: row.id })))
    .onConflictDoNothing();
  return row.id;
}

/** How many digests went out (tests and the operations screen). */
export async function digestCount(ctx: DataContext): Promise<number> {
  const [row] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(reminderDigests).where(and(ctx.scoped(reminderDigests)));
  return row?.n ?? 0;
}

export const settingsRegister = defineRegister({ table: reminderSettings, entityType: 'reminderSettings', auditView: recordContent });
export type SettingsRow = typeof reminderSettings.$inferSelect;

export async function settingsOf(ctx: DataContext, userId: string, lock?: 'update'): Promise<SettingsRow | undefined> {
  const [row] = await ctx.select(reminderSettings, { where: eq(reminderSettings.userId, userId), lock });
  return row;
}

/** The members who turned e-mail reminders off. */
export async function emailOptOuts(ctx: DataContext): Promise<Set<string>> {
  const rows = await ctx.select(reminderSettings, { where: eq(reminderSettings.email, false) });
  return new Set(rows.map((r) => r.userId));
}
