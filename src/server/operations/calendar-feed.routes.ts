import { CalendarEntriesSchema, CalendarFeedCreatedSchema, CalendarFeedParamsSchema, CalendarFeedSchema, CalendarQuerySchema } from '../../shared/operations/operation.schema.ts';
import { deleteRoute, type AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as feeds from './calendar-feed.service.ts';
import { calendarOf } from './calendar.service.ts';

/** The operations calendar, and the member's iCalendar feed: made, replaced and revoked by the member; read by a calendar application at its secret address. */
export function calendarFeedRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['operations'], read: 'operations.read', write: 'operations.write' });
  const { scope, clock, tags, read } = m;
  // The feed is the member's own: whoever may read the calendar makes, replaces and revokes theirs.
  const own = read;
  return [
    m.route({
      method: 'GET',
      url: '/api/v1/calendar-entries',
      summary: "The operations calendar over the next `days` (90 unless asked): inspections, open corrective actions, contracts' last notice days, providers' evaluations and certification expiries, with what is overdue first",
      access: own,
      query: CalendarQuerySchema,
      response: CalendarEntriesSchema,
      handler: async ({ auth, query }) => ({ items: await calendarOf(scope(auth), clock.now(), query.days) }),
    }),
    m.route({
      method: 'GET',
      url: '/api/v1/calendar-feed',
      summary: "Whether the signed-in member has an iCalendar feed, since when and when it was last read (its address is shown only when made)",
      access: own,
      response: CalendarFeedSchema,
      handler: ({ auth }) => feeds.feedStatus(scope(auth), auth.user.id),
    }),
    m.route({
      method: 'POST',
      url: '/api/v1/calendar-feed',
      summary: "Make a new secret address for the signed-in member's iCalendar feed, shown this once; an earlier address stops answering",
      access: own,
      response: CalendarFeedCreatedSchema,
      status: 201,
      handler: ({ auth }) => feeds.createFeed(scope(auth), auth.user.id, deps.config.publicUrl),
    }),
    deleteRoute({
      url: '/api/v1/calendar-feed',
      summary: "Revoke the signed-in member's iCalendar feed: its address stops answering",
      tags,
      access: own,
      remove: ({ auth }) => feeds.revokeFeed(scope(auth), auth.user.id),
    }),
    m.route({
      method: 'GET',
      url: '/api/v1/calendar/:token',
      summary: 'An iCalendar feed (text/calendar) at its secret address: inspection due dates for a year and open corrective actions; 404 once replaced, revoked or its member has left',
      access: { kind: 'public' },
      params: CalendarFeedParamsSchema,
      response: null,
      produces: 'text/calendar',
      handler: async ({ reply, params }) => {
        const body = await feeds.feedCalendar(deps, params.token.slice(0, -'.ics'.length), clock.now(), deps.config.publicUrl);
        return reply.header('cache-control', 'private, max-age=300').type('text/calendar; charset=utf-8').send(body);
      },
    }),
  ];
}
