import { z } from 'zod';

// Control characters other than tab, newline and carriage return are refused in every text field.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A trimmed, single-purpose text field with a length limit. */
export const text = (max = 200, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL_CHARS.test(s), { params: { i18n: 'controlChars' } });

export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: IdSchema });
export const EmailSchema = z.email().max(254).transform((e) => e.toLowerCase());
export const VersionSchema = z.number().int().min(1);
export const LocaleSchema = z.enum(['ja', 'en']);
export type TLocale = z.infer<typeof LocaleSchema>;

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

/** Keyset pagination: `cursor` is opaque; the next page's cursor is null at the end. */
export const PageQuerySchema = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
