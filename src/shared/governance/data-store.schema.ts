// Data stores and their protection (PRODUCT.md capability 7; seed 004 「データ保護と暗号化」):
// requests and responses of /api/v1/data-stores.
import { z } from 'zod';
import { IdSchema, text, uniqueList, VersionSchema, updateRequestOf } from '../schemas/common.schema.ts';
import { FindingActionSchema } from './access-logs.schema.ts';
import { AT_REST, DATA_CLASSES, KEY_MANAGEMENT, TLS_MINIMUMS } from './data-protection.rules.ts';

export const PROTECTION_GAPS = ['unclassified', 'atRestNotAes256', 'inTransitBelowTls12', 'keysUnmanaged'] as const;

const fields = {
  name: text(200),
  /** Where the data lives: the service and region, the server room. */
  location: text(200, 0),
  /** The class given to the store itself; the assets it holds may raise it. */
  classification: z.enum(DATA_CLASSES).nullable(),
  atRest: z.enum(AT_REST),
  tlsMinimum: z.enum(TLS_MINIMUMS),
  keyManagement: z.enum(KEY_MANAGEMENT),
  /** The inventory's assets the store holds. */
  assetIds: uniqueList(IdSchema, 200),
  notes: text(2000, 0),
};

export const CreateDataStoreRequestSchema = z.strictObject({
  name: fields.name,
  location: fields.location.default(''),
  classification: fields.classification.default(null),
  atRest: fields.atRest.default('unknown'),
  tlsMinimum: fields.tlsMinimum.default('unknown'),
  keyManagement: fields.keyManagement.default('unknown'),
  assetIds: fields.assetIds.default([]),
  notes: fields.notes.default(''),
});
export type TCreateDataStoreRequest = z.input<typeof CreateDataStoreRequestSchema>;

export const UpdateDataStoreRequestSchema = updateRequestOf(CreateDataStoreRequestSchema);

export const DataStoreSchema = z.object({
  id: IdSchema,
  name: z.string(),
  location: z.string(),
  classification: z.enum(DATA_CLASSES).nullable(),
  /** The class it is protected as, and what made it so. */
  effectiveClass: z.enum(DATA_CLASSES).nullable(),
  assets: z.array(z.object({ id: IdSchema, name: z.string(), confidentiality: z.enum(DATA_CLASSES).nullable(), containsPersonalData: z.boolean() })),
  atRest: z.enum(AT_REST),
  tlsMinimum: z.enum(TLS_MINIMUMS),
  keyManagement: z.enum(KEY_MANAGEMENT),
  gaps: z.array(z.enum(PROTECTION_GAPS)),
  /** The corrective actions its gaps were opened as, and where each stands (`finding`: the gap it answers). */
  actions: z.array(FindingActionSchema),
  notes: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
  can: z.object({ update: z.boolean(), delete: z.boolean() }),
});
export type TDataStore = z.infer<typeof DataStoreSchema>;

export const DataStoreListSchema = z.object({
  items: z.array(DataStoreSchema),
  summary: z.object({ stores: z.number().int(), withGaps: z.number().int(), high: z.number().int() }),
  /** The catalog's requirements, for the screen to cite. */
  source: z.array(z.string()),
});
export type TDataStoreList = z.infer<typeof DataStoreListSchema>;

/** Open the store's current gaps as corrective actions, at the version read (a gap with an open action already is not opened twice). */
export const OpenDataStoreFindingsRequestSchema = z.strictObject({ version: VersionSchema });

export const DataStoreExportQuerySchema = z.strictObject({ format: z.enum(['csv', 'xlsx', 'json']).default('csv') });
