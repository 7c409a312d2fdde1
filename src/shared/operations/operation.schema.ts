// Operations (PRODUCT.md capability 11; seed 004 「運用」, seed 000 V.2):
// recurring inspections, their completions and the member's reminders:
// /api/v1/inspections, /api/v1/inspections/:id/completions, /api/v1/reminders.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, int4, int4Query, text, VersionSchema, updateRequestOf } from '../schemas/common.schema.ts';
import { CALENDAR_KINDS } from './calendar.rules.ts';
import { INSPECTION_STANDINGS, RECURRENCE_UNITS } from './recurrence.rules.ts';

export const COMPLETION_RESULTS = ['ok', 'findings'] as const;

const inspectionFields = {
  title: text(200),
  /** The study's item it checks (seed 004's quarterly items, seed 000's operations evaluation), if any. */
  catalogItemId: CatalogItemIdSchema.max(200).nullable(),
  unit: z.enum(RECURRENCE_UNITS),
  every: int4(1, 60),
  startsOn: businessDate(),
  /** Who is reminded; owners and managers when nobody is named. */
  ownerUserId: IdSchema.nullable(),
  remindDaysBefore: int4(0, 90),
  note: text(4000, 0),
};
const { title, startsOn, ...rest } = inspectionFields;
const optionalRest = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof rest]: z.ZodOptional<(typeof rest)[K]> };

export const CreateInspectionRequestSchema = z.strictObject({ title, startsOn, ...optionalRest });
export type TCreateInspectionRequest = z.input<typeof CreateInspectionRequestSchema>;
export const UpdateInspectionRequestSchema = updateRequestOf(CreateInspectionRequestSchema);

export const CompleteInspectionRequestSchema = z.strictObject({
  /** The due date it covers, as the screen showed it: a second completion of the same date is refused (409). */
  dueOn: businessDate(),
  doneOn: businessDate(),
  result: z.enum(COMPLETION_RESULTS),
  note: text(4000, 0).default(''),
});
export type TCompleteInspectionRequest = z.input<typeof CompleteInspectionRequestSchema>;

const Pair = z.object({ ja: z.string(), en: z.string() });

export const InspectionSchema = z.object({
  id: IdSchema,
  title: z.string(),
  catalogItemId: z.string().nullable(),
  catalogItem: Pair.nullable(),
  unit: z.enum(RECURRENCE_UNITS),
  every: z.number().int(),
  startsOn: z.string(),
  ownerUserId: IdSchema.nullable(),
  ownerName: z.string().nullable(),
  remindDaysBefore: z.number().int(),
  note: z.string(),
  nextDueOn: z.string(),
  standing: z.enum(INSPECTION_STANDINGS),
  /** The next due dates after the next one, for the calendar. */
  upcoming: z.array(z.string()),
  completions: z.array(z.object({ id: IdSchema, dueOn: z.string(), doneOn: z.string(), result: z.enum(COMPLETION_RESULTS), note: z.string(), actor: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TInspection = z.infer<typeof InspectionSchema>;
export const InspectionListSchema = z.object({ items: z.array(InspectionSchema) });

/** What the signed-in member is reminded of now: inspection rounds and open corrective actions due soon or overdue, theirs or, unassigned, every owner's and manager's. */
export const ReminderListSchema = z.object({
  items: z.array(z.object({ kind: z.enum(['inspection', 'correctiveAction']), id: IdSchema, title: z.string(), dueOn: z.string(), standing: z.enum(INSPECTION_STANDINGS), path: z.string() })),
});
export type TReminderList = z.infer<typeof ReminderListSchema>;

/** The study's items an inspection can start from. */
export const InspectionTemplatesSchema = z.object({ items: z.array(z.object({ itemId: z.string(), name: Pair, group: Pair })), source: z.array(z.string()) });

/** The signed-in member's reminder settings: e-mail on or off (the app always shows reminders). */
export const ReminderSettingsSchema = z.object({ email: z.boolean(), version: z.number().int().nullable() });
export type TReminderSettings = z.infer<typeof ReminderSettingsSchema>;
export const SaveReminderSettingsRequestSchema = z.strictObject({ email: z.boolean(), version: VersionSchema.nullable() });

/** The signed-in member's iCalendar feed: whether one is active (its address is shown only when made). */
export const CalendarFeedSchema = z.object({ active: z.boolean(), createdAt: z.string().nullable(), lastReadAt: z.string().nullable() });
export type TCalendarFeed = z.infer<typeof CalendarFeedSchema>;
/** A new feed's secret address, shown this once. */
export const CalendarFeedCreatedSchema = z.object({ url: z.string(), createdAt: z.string() });
/** A feed's address: its secret token (32 random bytes, base64url) and `.ics`. */
export const CalendarFeedParamsSchema = z.strictObject({ token: z.string().max(47).regex(/^[A-Za-z0-9_-]{43}\.ics$/) });

/** The operations calendar: every date something is due over the span asked for (calendar.rules.ts). */
export const CalendarQuerySchema = z.strictObject({ days: int4Query(1, 400).default(90) });
export const CalendarEntriesSchema = z.object({
  items: z.array(z.object({ kind: z.enum(CALENDAR_KINDS), date: z.string(), title: z.string(), detail: z.string().nullable(), path: z.string(), overdue: z.boolean() })),
});
export type TCalendarEntry = z.infer<typeof CalendarEntriesSchema>['items'][number];
