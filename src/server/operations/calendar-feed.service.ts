import ical, { ICalCalendarMethod } from 'ical-generator';
import { newToken, tokenHash } from '../platform/auth/tokens.ts';
import { DataContext } from '../platform/db/data-context.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { HttpProblem } from '../platform/http/problem.ts';
import { translator } from '../platform/i18n/translate.ts';
import { findMembership } from '../platform/orgs/organisation.repository.ts';
import { deleteFeedOf, feedByTokenHash, feedOf, insertFeed, markFeedRead } from './calendar-feed.repository.ts';
import { calendarOf } from './calendar.service.ts';
import { members } from './inspection.repository.ts';

/**
 * A member's iCalendar feed (RFC 5545, written by ical-generator): the
 * operations calendar of the next year (calendar.service.ts), as all-day
 * events a calendar application subscribes to at a
 * secret address. The address is shown once when made; a new one replaces
 * it; revoking ends it; it answers only while the member belongs to the
 * organisation.
 */

export const FEED_DAYS = 366;
const feedPath = (token: string) => `/api/v1/calendar/${token}.ics`;

export async function feedStatus(ctx: DataContext, userId: string) {
  const row = await feedOf(ctx, userId);
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null, lastReadAt: row?.lastReadAt?.toISOString() ?? null };
}

/** A new secret address for the member (the old one stops answering); the only time the address is shown. */
export async function createFeed(ctx: DataContext, userId: string, publicUrl: string) {
  const token = newToken();
  const row = await ctx.transaction(async (tx) => {
    const replaced = await deleteFeedOf(tx, userId);
    const created = await insertFeed(tx, userId, tokenHash(token));
    await tx.audit({ action: 'calendarFeed.create', entityType: 'calendarFeed', entityId: created.id, after: { userId, replaced: replaced.length > 0 } });
    return created;
  });
  return { url: `${publicUrl}${feedPath(token)}`, createdAt: row.createdAt.toISOString() };
}

export async function revokeFeed(ctx: DataContext, userId: string): Promise<void> {
  await ctx.transaction(async (tx) => {
    const [gone] = await deleteFeedOf(tx, userId);
    if (!gone) throw new HttpProblem(404, 'notFound');
    await tx.audit({ action: 'calendarFeed.revoke', entityType: 'calendarFeed', entityId: gone.id, before: { userId } });
  });
}

/** The calendar behind a secret address; 404 for an unknown, replaced or revoked one, or a member who has left. */
export async function feedCalendar({ database }: Pick<ModuleDeps, 'database'>, token: string, now: Date, publicUrl: string): Promise<string> {
  const feed = await feedByTokenHash(database, tokenHash(token));
  if (!feed || !(await findMembership(database.db, feed.organisationId, feed.userId))) throw new HttpProblem(404, 'notFound');
  const ctx = DataContext.ofJob(database, feed.organisationId, { userId: feed.userId, label: 'calendar feed' });
  const [entries, people] = await ctx.sideBySide(
    () => calendarOf(ctx, now, FEED_DAYS),
    () => members(ctx),
  );
  await markFeedRead(ctx, feed.id, now);
  const t = translator(people.find((p) => p.userId === feed.userId)?.locale ?? 'ja');
  const calendar = ical({ name: t('operations.feed.name'), prodId: { company: 'Kumoji', product: 'Kumoji', language: 'JA' }, method: ICalCalendarMethod.PUBLISH, ttl: 3600 });
  for (const e of entries) {
    calendar.createEvent({
      id: `${e.kind}-${e.path.split('/').filter(Boolean).join('-')}-${e.date}@kumoji`,
      start: new Date(`${e.date}T00:00:00Z`),
      allDay: true,
      summary: t(`operations.calendar.kinds.${e.kind}`, { title: e.title, detail: e.detail ?? '' }),
      url: `${publicUrl}${e.path}`,
      stamp: now,
    });
  }
  return calendar.toString();
}
