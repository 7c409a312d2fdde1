import { z } from 'zod';

/*
 * The primitives every request schema is built from (bodies, query strings,
 * path parameters, upload file names), so that what a request carries is
 * something PostgreSQL stores as it was sent: no route may hand it a value it
 * refuses (SQLSTATE class 22 answers 500). `test/platform/bad-input.test.ts`
 * sends NUL, lone surrogates, integers at 2^31 and 2^53 and dates at year 0
 * and 10000 to every field of every route.
 */

// PostgreSQL text cannot hold NUL (SQLSTATE 22021).
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;
// A lone UTF-16 surrogate is not a character: the driver would store U+FFFD instead of what was sent.
const LONE_SURROGATE = /\p{Cs}/u;
/** Whether PostgreSQL stores `s` as it is: no NUL, no lone surrogate (for text outside these schemas, e.g. catalog files). */
export const isStorableText = (s: string) => !NUL.test(s) && !LONE_SURROGATE.test(s);
// Control characters other than tab, newline and carriage return are refused in every text field.
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Any string a request carries, bounded: no NUL, no lone surrogate. The floor
 * for strings that are not text a person reads (passwords, tokens, codes);
 * everything else uses `text`.
 */
export const plainString = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !NUL.test(s), { params: { i18n: 'controlChars' } })
    .refine((s) => !LONE_SURROGATE.test(s), { params: { i18n: 'brokenCharacter' } });

/** A trimmed, single-purpose text field with a length limit; tab, newline and carriage return are the only control characters allowed. */
export const text = (max = 200, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { params: { i18n: 'controlChars' } })
    .refine((s) => !LONE_SURROGATE.test(s), { params: { i18n: 'brokenCharacter' } });

/** Largest value of a PostgreSQL `integer` (int4) column: versions, counts, sequence numbers. */
export const INT4_MAX = 2_147_483_647;

/** An integer stored in an int4 column. */
export const int4 = (min = 0, max = INT4_MAX) => z.number().int().min(min).max(Math.min(max, INT4_MAX));
/**
 * An integer stored in a bigint column and carried as a JSON number: exact up
 * to 2^53 - 1 (`z.number().int()` accepts safe integers only).
 */
export const safeInteger = (min = 0, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(Math.min(max, Number.MAX_SAFE_INTEGER));
/** An int4 in a query string or path ("50"); as bounded as `int4`. */
export const int4Query = (min = 0, max = INT4_MAX) => z.coerce.number().int().min(min).max(Math.min(max, INT4_MAX));
/** A bigint in a query string ("123"), exact up to 2^53 - 1. */
export const safeIntegerQuery = (min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(Math.min(max, Number.MAX_SAFE_INTEGER));

/**
 * Business dates (due dates, periods, filters): `YYYY-MM-DD` from 1900-01-01
 * to 9999-12-31. PostgreSQL stores 4713 BC to 5874897 AD, but years before
 * 1900 are typing mistakes in a company's records, and a year past 9999 does
 * not fit the ISO format the API uses. A field may narrow the range.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '9999-12-31';
export const businessDate = (min = DATE_MIN, max = DATE_MAX) =>
  z.iso
    .date()
    .refine((d) => d >= min, { params: { i18n: 'dateTooEarly', minimum: min } })
    .refine((d) => d <= max, { params: { i18n: 'dateTooLate', maximum: max } })
    .meta({ description: `A date from ${min} to ${max}` });

/**
 * A moment in time (when an incident became known, when a report was made):
 * ISO 8601 with its offset (`2026-04-01T10:00:00+09:00` or `…Z`), in the
 * years business dates allow; a time without an offset is refused, since it
 * names no moment.
 */
export const instant = () =>
  z.iso
    .datetime({ offset: true })
    .max(40)
    .refine((s) => { const t = Date.parse(s); return Number.isFinite(t) && t >= Date.parse(`${DATE_MIN}T00:00:00Z`); }, { params: { i18n: 'dateTooEarly', minimum: DATE_MIN } })
    .refine((s) => Date.parse(s) <= Date.parse(`${DATE_MAX}T23:59:59Z`), { params: { i18n: 'dateTooLate', maximum: DATE_MAX } })
    .meta({ description: `A moment with its UTC offset, from ${DATE_MIN} to ${DATE_MAX}` });

/** Longest uploaded file name kept (characters; file systems allow 255 bytes). */
export const FILE_NAME_MAX = 255;
// C0 controls and DEL: never part of a file a person picked.
// eslint-disable-next-line no-control-regex
const FILE_NAME_CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The name of an uploaded file as the browser sends it: a name, never a path
 * (browsers send the bare name; `/`, `\`, `.` and `..` are refused, not cut),
 * no control characters, at most 255 characters.
 */
export const UploadFileNameSchema = z
  .string()
  .min(1)
  .max(FILE_NAME_MAX)
  .refine((s) => !FILE_NAME_CONTROL.test(s), { params: { i18n: 'controlChars' } })
  .refine((s) => !LONE_SURROGATE.test(s), { params: { i18n: 'brokenCharacter' } })
  .refine((s) => !/[/\\]/.test(s) && s !== '.' && s !== '..', { params: { i18n: 'fileNamePath' } });

/** A list of at most `max` items, none twice (link lists, multiple choices): a repeat is refused, not merged. */
export const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((xs) => new Set(xs).size === xs.length, { params: { i18n: 'duplicateItems' } });

export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: IdSchema });
export const EmailSchema = z.email().max(254).transform((e) => e.toLowerCase());
/** The version a client saw of a record it changes (stale → 409). */
export const VersionSchema = int4(1);
/** A version counter that may be 0: "nothing exists yet". */
export const VersionOrZeroSchema = int4(0);

/** A create request's field as an update takes it: optional, and without the create's default. */
type UpdateField<F extends z.core.SomeType> = z.ZodOptional<F extends z.ZodDefault<infer Inner> ? Inner : F>;

/**
 * A register's update request made from its create request: every field
 * optional and without the create's default (a field left out is left as it
 * is, not reset to the default), plus the version the client read. Written
 * once, so a field added to the create is changeable too.
 */
export function updateRequestOf<S extends z.ZodRawShape>(create: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(create.shape).map(([key, field]) => [key, z.optional(field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field)]),
  ) as { [K in keyof S]: UpdateField<S[K]> };
  return z.strictObject({ ...shape, version: VersionSchema });
}
export const LocaleSchema = z.enum(['ja', 'en']);
export type TLocale = z.infer<typeof LocaleSchema>;

/** The sort directions of every list. */
export const SortDirectionSchema = z.enum(['asc', 'desc']);

/**
 * The one page query of every register list (platform/register): the opaque
 * keyset cursor the previous page gave (`nextCursor`) and the page size. A
 * register adds its sorts with `pageQuery` and its filters with `.extend`.
 */
export const PageQuerySchema = z.strictObject({
  cursor: plainString(600).regex(/^[A-Za-z0-9_-]+$/).optional(),
  limit: int4Query(1, 200).default(50),
});

/** `PageQuerySchema` with the register's sort keys (the first is the default) and a direction. */
export const pageQuery = <const S extends readonly [string, ...string[]]>(sorts: S) =>
  PageQuerySchema.extend({ sort: z.enum(sorts).default(sorts[0] as never), dir: SortDirectionSchema.default('asc') });

/** A page of a register list: `total` is counted on the first page only (null after), up to a cap (`totalCapped` beyond). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nullable(), totalCapped: z.boolean() });

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  errors: z
    .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
    .optional(),
});
export type TProblem = z.infer<typeof ProblemSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

/** A record's history from the audit trail, newest first (the registers' `GET …/:id/history`). */
export const RecordHistorySchema = z.object({
  items: z.array(z.object({ seq: z.number().int(), at: z.string(), actorLabel: z.string().nullable(), action: z.string(), before: z.unknown().nullable(), after: z.unknown().nullable() })),
});
