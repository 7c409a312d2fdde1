import { z } from 'zod';
import { MAX_RECORDS, THOUSAND_YEN_PATTERN } from '../assets/asset-money.ts';
import { IdSchema, int4Query, plainString, safeInteger, text, VersionSchema } from './common.schema.ts';
import { importSchema } from './import.schema.ts';

/**
 * The information-asset inventory (資産目録, seed 000 III.3.3 図11, III.4.2
 * 表8/表9, III.4.1 表7). Money is exact: unit values travel as decimal
 * strings of 千円 (`"0.5"`), totals as integer strings of yen.
 */

export const MEDIA = ['electronic', 'paper', 'other'] as const;
export const RANKS = ['A', 'B', 'C'] as const;
export const SENSITIVITIES = ['basic', 'sensitive', 'exceptional'] as const;
export const CONFIDENTIALITIES = ['high', 'medium', 'low'] as const;
export const PLACEMENTS = ['on_premises', 'cloud'] as const;

export const MediumSchema = z.enum(MEDIA);
export const RankSchema = z.enum(RANKS);
export const SensitivitySchema = z.enum(SENSITIVITIES);
export const ConfidentialitySchema = z.enum(CONFIDENTIALITIES);
export const PlacementSchema = z.enum(PLACEMENTS);
export type TMedium = z.infer<typeof MediumSchema>;
export type TRank = z.infer<typeof RankSchema>;
export type TSensitivity = z.infer<typeof SensitivitySchema>;
export type TConfidentiality = z.infer<typeof ConfidentialitySchema>;
export type TPlacement = z.infer<typeof PlacementSchema>;

/** The catalog collections the inventory classifies by. */
export const ASSET_CLASSES_COLLECTION = 'urn:kumoji:seed-000:asset-classes';
export const INFORMATION_GROUPS_COLLECTION = 'urn:kumoji:seed-000:information-groups';
export const ASSET_BREAKDOWN_COLLECTION = 'urn:kumoji:seed-000:asset-breakdown';

export const ASSET_NAME_MAX = 200;
export const ASSET_TEXT_MAX = 2000;

const CatalogRefSchema = plainString(200, 1).regex(/^urn:[a-z0-9:.-]+$/);
export const ThousandYenSchema = plainString(20).refine((s) => THOUSAND_YEN_PATTERN.test(s), { params: { i18n: 'thousandYen' } });
export const RecordsSchema = safeInteger(0, MAX_RECORDS);

export const AssetOwnerSchema = z.object({
  userId: IdSchema,
  displayName: z.string(),
  email: z.string(),
  /** False when the person has left the organisation since (the asset needs a new owner). */
  member: z.boolean(),
});

export const AssetSchema = z.object({
  id: IdSchema,
  name: z.string(),
  medium: MediumSchema,
  content: z.string(),
  location: z.string(),
  owner: AssetOwnerSchema.nullable(),
  /** 資産の責任者 as a department or role (販売管理, 営業課 …) instead of a member. */
  ownerDepartment: z.object({ id: IdSchema, name: z.string() }).nullable(),
  records: z.number().int(),
  rank: RankSchema,
  /** 千円 per record, exact decimal ("0.5" = 500 yen). */
  unitValueThousandYen: z.string(),
  unitValueYen: z.string(),
  /** 資産総額 = records x unit value, in yen (integer string, computed by the database). */
  totalValueYen: z.string(),
  assetClassId: z.string().nullable(),
  informationGroupId: z.string().nullable(),
  riskCategoryId: z.string().nullable(),
  sensitivity: SensitivitySchema.nullable(),
  confidentiality: ConfidentialitySchema.nullable(),
  containsPersonalData: z.boolean(),
  currentPlacement: PlacementSchema,
  /** Providers do not exist yet: always null until the providers module lands. */
  currentProviderId: IdSchema.nullable(),
  plannedPlacement: PlacementSchema.nullable(),
  plannedProviderId: IdSchema.nullable(),
  notes: z.string(),
  createdByImportId: IdSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TAsset = z.infer<typeof AssetSchema>;

const assetFields = {
  name: text(ASSET_NAME_MAX),
  medium: MediumSchema,
  records: RecordsSchema,
  rank: RankSchema,
  unitValueThousandYen: ThousandYenSchema,
  content: text(ASSET_TEXT_MAX, 0),
  location: text(ASSET_NAME_MAX, 0),
  ownerUserId: IdSchema.nullable(),
  ownerDepartmentId: IdSchema.nullable(),
  assetClassId: CatalogRefSchema.nullable(),
  informationGroupId: CatalogRefSchema.nullable(),
  riskCategoryId: CatalogRefSchema.nullable(),
  sensitivity: SensitivitySchema.nullable(),
  confidentiality: ConfidentialitySchema.nullable(),
  containsPersonalData: z.boolean(),
  currentPlacement: PlacementSchema,
  plannedPlacement: PlacementSchema.nullable(),
  notes: text(ASSET_TEXT_MAX, 0),
};

// A create names the asset and gives what its total is computed from; an update sends only what changed.
const { name, medium, records, rank, unitValueThousandYen, ...otherAssetFields } = assetFields;

export const CreateAssetRequestSchema = z.strictObject({ name, medium, records, rank, unitValueThousandYen, ...z.strictObject(otherAssetFields).partial().shape });
export type TCreateAssetRequest = z.input<typeof CreateAssetRequestSchema>;

export const UpdateAssetRequestSchema = z.strictObject(assetFields).partial().extend({ version: VersionSchema });
export type TUpdateAssetRequest = z.input<typeof UpdateAssetRequestSchema>;

export const DeleteAssetQuerySchema = z.strictObject({ version: int4Query(1).optional() });

/** Classification and owner, changed for many assets at once (all or nothing). */
export const BulkAssetChangeSchema = z
  .strictObject({
    ownerUserId: assetFields.ownerUserId.optional(),
  ownerDepartmentId: assetFields.ownerDepartmentId.optional(),
    rank: assetFields.rank.optional(),
    assetClassId: assetFields.assetClassId.optional(),
    informationGroupId: assetFields.informationGroupId.optional(),
    riskCategoryId: assetFields.riskCategoryId.optional(),
    sensitivity: assetFields.sensitivity.optional(),
    confidentiality: assetFields.confidentiality.optional(),
    containsPersonalData: assetFields.containsPersonalData.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, { params: { i18n: 'bulkNothingToChange' } });

export const BULK_MAX = 1000;
export const BulkUpdateAssetsRequestSchema = z.strictObject({
  items: z
    .array(z.strictObject({ id: IdSchema, version: VersionSchema }))
    .min(1)
    .max(BULK_MAX),
  set: BulkAssetChangeSchema,
});
export const BulkUpdateAssetsResultSchema = z.object({ updated: z.number().int(), items: z.array(AssetSchema) });

export const ASSET_SORTS = ['name', 'rank', 'records', 'unitValue', 'totalValue', 'updatedAt'] as const;
export const AssetSortSchema = z.enum(ASSET_SORTS);
export type TAssetSort = z.infer<typeof AssetSortSchema>;

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const AssetListQuerySchema = z.strictObject({
  sort: AssetSortSchema.default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  cursor: plainString(600).regex(/^[A-Za-z0-9_-]+$/).optional(),
  limit: int4Query(1, 200).default(50),
  /** Substring of name, content, location or notes (Japanese included; case-insensitive for Latin letters). */
  q: text(100, 0).optional(),
  rank: RankSchema.optional(),
  medium: MediumSchema.optional(),
  ownerUserId: z.union([IdSchema, z.literal('none')]).optional(),
  assetClassId: CatalogRefSchema.optional(),
  informationGroupId: CatalogRefSchema.optional(),
  sensitivity: SensitivitySchema.optional(),
  confidentiality: ConfidentialitySchema.optional(),
  personalData: boolQuery.optional(),
  currentPlacement: PlacementSchema.optional(),
  plannedPlacement: PlacementSchema.optional(),
});
export type TAssetListQuery = z.input<typeof AssetListQuerySchema>;

export const AssetPageSchema = z.object({
  items: z.array(AssetSchema),
  nextCursor: z.string().nullable(),
  /** Matching assets, counted on the first page only (null on later pages). */
  total: z.number().int().nullable(),
  /** True when there are more matches than `total` says: a count made by reading the assets stops at 10,000 (1,000 for a search shorter than three letters); one from the totals (no filter, or one rank, information group or asset class) is exact. */
  totalCapped: z.boolean(),
});
export type TAssetPage = z.infer<typeof AssetPageSchema>;

export const AssetHistoryEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: IdSchema.nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  /** Set when the entry belongs to a bulk change or an import (one id for all its assets). */
  batchId: z.string().nullable(),
});
export const AssetHistorySchema = z.object({ items: z.array(AssetHistoryEntrySchema) });

const LabelSchema = z.object({ ja: z.string(), en: z.string() });
export const AssetChoiceSchema = z.object({ id: z.string(), label: LabelSchema, parentId: z.string().nullable() });
export const AssetChoicesSchema = z.object({
  assetClasses: z.array(AssetChoiceSchema),
  informationGroups: z.array(AssetChoiceSchema),
  riskCategories: z.array(AssetChoiceSchema),
  owners: z.array(z.object({ userId: IdSchema, displayName: z.string(), email: z.string() })),
  departments: z.array(z.object({ id: IdSchema, name: z.string() })),
});
export type TAssetChoices = z.infer<typeof AssetChoicesSchema>;

const TotalRowSchema = z.object({ key: z.string().nullable(), count: z.number().int(), totalValueYen: z.string() });
export const ASSET_MODEL_VERDICTS = ['holds', 'roughlyUnder', 'roughlyOver', 'farUnder', 'farOver', 'noRevenue', 'noAssets'] as const;
export const AssetModelCheckSchema = z.object({
  totalValueYen: z.string(),
  annualRevenueYen: z.string().nullable(),
  /** total - revenue, in yen (negative: the assets are worth less than the revenue). */
  differenceYen: z.string().nullable(),
  /** difference / revenue, in percent with one decimal ("0.4"), rounded half away from zero. */
  differencePercent: z.string().nullable(),
  verdict: z.enum(ASSET_MODEL_VERDICTS),
  thresholds: z.object({ holdsWithinPercent: z.number(), roughlyWithinPercent: z.number() }),
});
export type TAssetModelCheck = z.infer<typeof AssetModelCheckSchema>;

export const AssetSummarySchema = z.object({
  count: z.number().int(),
  totalValueYen: z.string(),
  withoutOwner: z.number().int(),
  byRank: z.array(TotalRowSchema),
  byInformationGroup: z.array(TotalRowSchema),
  byAssetClass: z.array(TotalRowSchema),
  modelCheck: AssetModelCheckSchema,
});
export type TAssetSummary = z.infer<typeof AssetSummarySchema>;

export const AssetExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });

/* ---------------------------------------------------------------- imports */

/** The fields an import column can be mapped to (`ignore` drops the column; totals are always computed). */
export const IMPORT_FIELDS = [
  'name',
  'medium',
  'content',
  'location',
  'owner',
  'ownerEmail',
  'records',
  'rank',
  'unitValueThousandYen',
  'totalValue',
  'assetClass',
  'informationGroup',
  'riskCategory',
  'sensitivity',
  'confidentiality',
  'containsPersonalData',
  'currentPlacement',
  'plannedPlacement',
  'notes',
  'number',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type TImportField = z.infer<typeof ImportFieldSchema>;
export const REQUIRED_IMPORT_FIELDS: readonly TImportField[] = ['name', 'medium', 'records', 'rank', 'unitValueThousandYen'];

/** Largest inventory file an import takes (the server refuses bigger ones from their Content-Length; the wizard names the limit). */
export const ASSET_IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** An asset import: the pipeline's import, and the departments its commit creates. */
export const AssetImportSchema = importSchema(ImportFieldSchema, {
  /** 資産の責任者 that name no member and no department yet: departments the commit creates. */
  newDepartments: z.array(z.string()),
});
export type TAssetImport = z.infer<typeof AssetImportSchema>;
