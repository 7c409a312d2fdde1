import { eq } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { calendarFeeds } from './calendar-feed.table.ts';

/** Queries of members' calendar feeds. */

export type FeedRow = typeof calendarFeeds.$inferSelect;

export async function feedOf(ctx: DataContext, userId: string): Promise<FeedRow | undefined> {
  const [row] = await ctx.select(calendarFeeds, { where: eq(calendarFeeds.userId, userId) });
  return row;
}

export const deleteFeedOf = (ctx: DataContext, userId: string): Promise<FeedRow[]> => ctx.delete(calendarFeeds, eq(calendarFeeds.userId, userId));

export async function insertFeed(ctx: DataContext, userId: string, hash: string): Promise<FeedRow> {
  const [row] = await ctx.insert(calendarFeeds, { userId, tokenHash: hash });
  return row!;
}

/**
 * The feed a secret address names, across organisations: the one lookup
 * made before an organisation is known, because the token is the
 * credential (as a session's is). Everything after it runs in that feed's
 * organisation's DataContext.
 */
export async function feedByTokenHash(database: ModuleDeps['database'], hash: string): Promise<FeedRow | undefined> {
  const [row] = await database.db.select().from(calendarFeeds).where(eq(calendarFeeds.tokenHash, hash)).limit(1);
  return row;
}

export const markFeedRead = (ctx: DataContext, id: string, at: Date) => ctx.update(calendarFeeds, eq(calendarFeeds.id, id), { lastReadAt: at });
