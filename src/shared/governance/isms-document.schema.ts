// The ISMS document registry (PRODUCT.md capability 7; seed 000 III.5.2 表11・表12):
// requests and responses of /api/v1/isms-documents.
import { z } from 'zod';
import { CatalogItemIdSchema } from '../catalog/catalog.schema.ts';
import { businessDate, IdSchema, int4, text, VersionSchema } from '../schemas/common.schema.ts';
import { DEFAULT_REVIEW_MONTHS, DOCUMENT_STATUSES, REVIEW_MONTHS_MAX } from './isms-document.rules.ts';

export const REVIEW_STANDINGS = ['notApproved', 'retired', 'current', 'dueSoon', 'overdue'] as const;

const fields = {
  title: text(200),
  /** The department or role that owns the document, by name (a new name becomes a department); null for none. */
  ownerDepartment: text(100).nullable(),
  /** The document's own version label, as written on it (第2版, 1.3 …). */
  documentVersion: text(20, 0),
  status: z.enum(DOCUMENT_STATUSES),
  approvedOn: businessDate().nullable(),
  lastReviewedOn: businessDate().nullable(),
  reviewIntervalMonths: int4(1, REVIEW_MONTHS_MAX),
  /** Where the document is kept (a shared folder, an intranet page). */
  location: text(500, 0),
  notes: text(2000, 0),
};

/** A new document: a title, and the seed's document it is when it is one (that document at most once). */
export const CreateIsmsDocumentRequestSchema = z.strictObject({
  title: fields.title,
  catalogItemId: CatalogItemIdSchema.max(200).nullable().default(null),
  ownerDepartment: fields.ownerDepartment.default(null),
  documentVersion: fields.documentVersion.default(''),
  status: fields.status.default('draft'),
  approvedOn: fields.approvedOn.default(null),
  lastReviewedOn: fields.lastReviewedOn.default(null),
  reviewIntervalMonths: fields.reviewIntervalMonths.default(DEFAULT_REVIEW_MONTHS),
  location: fields.location.default(''),
  notes: fields.notes.default(''),
});
export type TCreateIsmsDocumentRequest = z.input<typeof CreateIsmsDocumentRequestSchema>;

/** Only the fields sent change; `version` is the one the client saw (stale → 409). */
export const UpdateIsmsDocumentRequestSchema = z.strictObject({
  title: fields.title.optional(),
  ownerDepartment: fields.ownerDepartment.optional(),
  documentVersion: fields.documentVersion.optional(),
  status: fields.status.optional(),
  approvedOn: fields.approvedOn.optional(),
  lastReviewedOn: fields.lastReviewedOn.optional(),
  reviewIntervalMonths: fields.reviewIntervalMonths.optional(),
  location: fields.location.optional(),
  notes: fields.notes.optional(),
  version: VersionSchema,
});

const text2 = z.object({ ja: z.string(), en: z.string() });

export const IsmsDocumentSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** The seed's document (表11 or 表12) with its name, number and sources; null for the organisation's own. */
  catalogItemId: z.string().nullable(),
  catalogItem: z.object({ name: text2, code: z.string().nullable(), table: text2, source: z.array(z.string()) }).nullable(),
  ownerDepartment: z.object({ id: IdSchema, name: z.string() }).nullable(),
  documentVersion: z.string(),
  status: z.enum(DOCUMENT_STATUSES),
  approvedOn: z.string().nullable(),
  lastReviewedOn: z.string().nullable(),
  reviewIntervalMonths: z.number().int(),
  nextReviewOn: z.string().nullable(),
  standing: z.enum(REVIEW_STANDINGS),
  location: z.string(),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TIsmsDocument = z.infer<typeof IsmsDocumentSchema>;

export const IsmsDocumentListSchema = z.object({
  items: z.array(IsmsDocumentSchema),
  summary: z.object({ documents: z.number().int(), approved: z.number().int(), dueSoon: z.number().int(), overdue: z.number().int() }),
  /** The seed's two tables as the organisation has them loaded: how many of each are registered, and which are not. */
  coverage: z
    .object({
      name: text2,
      source: z.array(z.string()),
      tables: z.array(z.object({ id: z.string(), name: text2, source: z.array(z.string()), total: z.number().int(), registered: z.number().int(), missing: z.array(z.object({ itemId: z.string(), name: text2 })) })),
    })
    .nullable(),
  /** The organisation's departments, to choose an owner from. */
  departments: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type TIsmsDocumentList = z.infer<typeof IsmsDocumentListSchema>;

export const IsmsDocumentExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
