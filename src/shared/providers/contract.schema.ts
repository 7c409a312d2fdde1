// Contracts reviewed against the 17 items (seed 000 III.6.1), with term,
// renewal and notice (contract-term.rules.ts): /api/v1/contracts.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, int4, text, updateRequestOf } from '../schemas/common.schema.ts';
import { NOTICE_UNITS, noticeFitsTerm } from './contract-term.rules.ts';

const aBusinessDate = businessDate();

export const REVIEW_STATUSES = ['present', 'missing', 'negotiate'] as const;
/** A term is at most 50 years; a notice period is at most 10 years or 3660 days (and within the term, checked below). */
export const MAX_TERM_MONTHS = 600;

export const ContractItemReviewSchema = z.strictObject({
  itemId: CatalogItemIdSchema.max(200),
  status: z.enum(REVIEW_STATUSES).nullable(),
  clause: text(4000, 0).default(''),
  blocking: z.boolean().default(false),
});

const contractFields = {
  providerId: IdSchema,
  title: text(200),
  startsOn: businessDate(),
  termMonths: int4(1, MAX_TERM_MONTHS),
  autoRenew: z.boolean(),
  renewalMonths: int4(1, MAX_TERM_MONTHS).nullable(),
  noticeAmount: int4(0, 3660),
  noticeUnit: z.enum(NOTICE_UNITS),
  noticeMethod: text(500, 0),
  review: z
    .array(ContractItemReviewSchema)
    .max(40)
    .refine((xs) => new Set(xs.map((x) => x.itemId)).size === xs.length, { params: { i18n: 'duplicateItems' } }),
  exitDataFormat: text(500, 0),
  exitReturnDays: int4(0, 3660).nullable(),
  exitDeletionCertificate: z.boolean(),
  note: text(4000, 0),
};

type TermShape = { startsOn?: string; termMonths?: number; noticeAmount?: number; noticeUnit?: (typeof NOTICE_UNITS)[number] };
/** Notice that would fall due before the term begins cannot be given: a per-field error on the notice. */
export function termChecks(c: TermShape, ctx: z.RefinementCtx) {
  // Only a term whose own fields passed: refinements run after other fields' issues too.
  if (c.startsOn === undefined || c.termMonths === undefined || c.noticeAmount === undefined || c.noticeUnit === undefined) return;
  if (!aBusinessDate.safeParse(c.startsOn).success || !Number.isInteger(c.termMonths) || !Number.isInteger(c.noticeAmount) || !NOTICE_UNITS.includes(c.noticeUnit)) return;
  if (c.termMonths < 1 || c.termMonths > MAX_TERM_MONTHS || c.noticeAmount < 0 || c.noticeAmount > 3660) return;
  if (!noticeFitsTerm({ startsOn: c.startsOn, termMonths: c.termMonths, noticeAmount: c.noticeAmount, noticeUnit: c.noticeUnit }))
    ctx.addIssue({ code: 'custom', path: ['noticeAmount'], params: { i18n: 'noticeLongerThanTerm' } });
}

const { providerId, title, startsOn, termMonths, ...rest } = contractFields;
const optionalRest = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof rest]: z.ZodOptional<(typeof rest)[K]> };

export const CreateContractRequestSchema = z.strictObject({ providerId, title, startsOn, termMonths, ...optionalRest }).superRefine((c, ctx) => termChecks({ noticeAmount: 0, noticeUnit: 'months', ...c }, ctx));
export type TCreateContractRequest = z.input<typeof CreateContractRequestSchema>;
/** The term is checked again after the change is applied (the service), as well as within the request. */
export const UpdateContractRequestSchema = updateRequestOf(CreateContractRequestSchema).superRefine(termChecks);
export type TUpdateContractRequest = z.input<typeof UpdateContractRequestSchema>;

export const CONTRACT_STANDINGS = ['running', 'noticeDueSoon', 'ended'] as const;
export const EXIT_FINDINGS = ['exitClauseNotPresent', 'noDataFormat', 'noReturnPeriod', 'noDeletionCertificate'] as const;

export const ContractSchema = z.object({
  id: IdSchema,
  providerId: IdSchema,
  providerName: z.string(),
  title: z.string(),
  startsOn: z.string(),
  termMonths: z.number().int(),
  autoRenew: z.boolean(),
  renewalMonths: z.number().int().nullable(),
  noticeAmount: z.number().int(),
  noticeUnit: z.enum(NOTICE_UNITS),
  noticeMethod: z.string(),
  /** Every item of the 17, in the catalog's order, with its review (status null while not reviewed). */
  review: z.array(
    z.object({
      itemId: z.string(),
      number: z.number().int().nullable(),
      text: z.object({ ja: z.string(), en: z.string() }),
      detail: z.object({ ja: z.string(), en: z.string() }).nullable(),
      status: z.enum(REVIEW_STATUSES).nullable(),
      clause: z.string(),
      blocking: z.boolean(),
    }),
  ),
  exitDataFormat: z.string(),
  exitReturnDays: z.number().int().nullable(),
  exitDeletionCertificate: z.boolean(),
  note: z.string(),
  /** Where the term stands today (Japan time): the term, its last notice day (解約予告期限) and the days left. */
  standing: z.object({
    termNumber: z.number().int(),
    termStartsOn: z.string(),
    termEndsOn: z.string(),
    lastNoticeOn: z.string().nullable(),
    daysLeft: z.number().int(),
    status: z.enum(CONTRACT_STANDINGS),
  }),
  summary: z.object({
    present: z.number().int(),
    missing: z.number().int(),
    negotiate: z.number().int(),
    unreviewed: z.number().int(),
    /** Blocking items not present: the contract is not ready to sign. */
    blocking: z.array(z.string()),
    exitFindings: z.array(z.enum(EXIT_FINDINGS)),
    readyToSign: z.boolean(),
  }),
  source: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type TContract = z.infer<typeof ContractSchema>;
export const ContractListSchema = z.object({ items: z.array(ContractSchema) });
