// Request and response shapes of the knowledge base API (/api/v1/catalog/…).
// Not to be confused with src/shared/catalog/catalog.schema.ts, the schema of
// the catalog YAML files themselves.
import { z } from 'zod';
import { CatalogItemIdSchema, CollectionIdSchema, COLLECTION_TYPES } from '../catalog/catalog.schema.ts';
import { IdSchema, int4Query, isStorableText, text } from './common.schema.ts';

/** Ids of an organisation's own collections and items start with this (shipped ones never do). */
export const ORGANISATION_COLLECTION_PREFIX = 'urn:kumoji:org:';

/** Upper bound of an uploaded catalog file, in UTF-8 bytes (the request body limit is about the same). */
export const ORGANISATION_FILE_MAX_BYTES = 1_000_000;

export const CatalogOriginSchema = z.enum(['shipped', 'organisation']);
export type TCatalogOrigin = z.infer<typeof CatalogOriginSchema>;

const TextPair = z.object({ ja: z.string(), en: z.string() });

export const CollectionParamsSchema = z.strictObject({ collectionId: CollectionIdSchema.max(300) });
export const ItemParamsSchema = z.strictObject({ itemId: CatalogItemIdSchema.max(300) });

/** A collection as the organisation has it loaded. */
export const KnowledgeCollectionSchema = z.object({
  id: z.string(),
  type: z.enum(COLLECTION_TYPES),
  name: TextPair,
  description: TextPair.nullable(),
  /** Where the collection comes from: shipped with Kumoji, or the organisation's own file. */
  origin: CatalogOriginSchema,
  /** The version this organisation has loaded. */
  version: z.number().int(),
  versionId: IdSchema,
  itemCount: z.number().int(),
  /** The collection's citation(s). */
  source: z.array(z.string()),
  fileName: z.string(),
  loadedAt: z.string(),
  /** The newest stored version this organisation could load. */
  newestVersion: z.number().int(),
  updateAvailable: z.boolean(),
  /** What the current member may do with it (from src/shared/policy.ts). */
  can: z.object({ load: z.boolean(), remove: z.boolean() }),
});
export type TKnowledgeCollection = z.infer<typeof KnowledgeCollectionSchema>;

export const KnowledgeCollectionListSchema = z.object({ items: z.array(KnowledgeCollectionSchema) });

/** The file's declaration of an item attribute, so the UI can label it. */
export const KnowledgeAttributeDeclarationSchema = z.object({
  type: z.string(),
  ja: z.string(),
  en: z.string(),
  values: z.array(z.string()).optional(),
});

export const KnowledgeItemSchema = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  /** 0 for a root item. */
  depth: z.number().int(),
  /** The file's `order` key, when it has one; lists come already in display order. */
  order: z.number().int().nullable(),
  ja: z.string(),
  en: z.string(),
  detail: TextPair.nullable(),
  source: z.array(z.string()),
  attributes: z.record(z.string(), z.unknown()),
});
export type TKnowledgeItem = z.infer<typeof KnowledgeItemSchema>;

/** A collection with its items in display order (depth-first; `parent` and `depth` give the tree). */
export const KnowledgeCollectionDetailSchema = z.object({
  collection: KnowledgeCollectionSchema,
  attributes: z.record(z.string(), KnowledgeAttributeDeclarationSchema),
  items: z.array(KnowledgeItemSchema),
});

/** Enough of a collection to name it next to an item. */
export const KnowledgeCollectionRefSchema = z.object({
  id: z.string(),
  type: z.enum(COLLECTION_TYPES),
  name: TextPair,
  origin: CatalogOriginSchema,
});

export const KnowledgeItemHistoryEntrySchema = z.object({
  versionId: IdSchema,
  version: z.number().int(),
  storedAt: z.string(),
  /** This is the version the organisation has loaded. */
  loaded: z.boolean(),
  /** The item's text or attributes differ from the next older stored version that has it. */
  changed: z.boolean(),
  item: KnowledgeItemSchema,
});

export const KnowledgeItemDetailSchema = z.object({
  item: KnowledgeItemSchema,
  collection: KnowledgeCollectionRefSchema,
  /** The stored version the item is shown from: the loaded one when it has the item, else the newest that does. */
  version: z.object({ id: IdSchema, version: z.number().int(), storedAt: z.string() }),
  /** The version of the collection the organisation has loaded (null when it has none loaded). */
  loadedVersion: z.number().int().nullable(),
  /** False when the item is not in the loaded version (removed since, or from a collection no longer loaded). */
  inLoadedVersion: z.boolean(),
  attributes: z.record(z.string(), KnowledgeAttributeDeclarationSchema),
  /** Root first, parent last. */
  ancestors: z.array(z.object({ id: z.string(), ja: z.string(), en: z.string() })),
  children: z.array(KnowledgeItemSchema),
  /** Every stored version that has this item, newest first. */
  history: z.array(KnowledgeItemHistoryEntrySchema),
});

export const KnowledgeSearchQuerySchema = z.strictObject({
  /** Substring of a title, explanation or glossary term, in ja or en; width, case and katakana/hiragana ignored; empty finds nothing. */
  q: text(100, 0).optional(),
  limit: int4Query(1, 200).default(50),
});

/** How a hit matches, strongest first: the whole title, its start, inside it, a glossary definition, an explanation. */
export const SearchMatchSchema = z.enum(['exactTitle', 'titlePrefix', 'title', 'glossary', 'body']);
export type TSearchMatch = z.infer<typeof SearchMatchSchema>;

export const KnowledgeSearchHitSchema = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  ja: z.string(),
  en: z.string(),
  detail: TextPair.nullable(),
  match: SearchMatchSchema,
  collection: KnowledgeCollectionRefSchema.extend({ version: z.number().int() }),
});

/** A loaded collection whose name or description matches. */
export const KnowledgeSearchCollectionHitSchema = KnowledgeCollectionRefSchema.extend({
  description: TextPair.nullable(),
  version: z.number().int(),
  itemCount: z.number().int(),
  match: SearchMatchSchema,
});

export const KnowledgeSearchResultSchema = z.object({
  q: z.string(),
  /** Matching collections, strongest match first (every one: an organisation has a few dozen). */
  collections: z.array(KnowledgeSearchCollectionHitSchema),
  /** Matching items, strongest match first, at most `limit`. */
  items: z.array(KnowledgeSearchHitSchema),
  /** More items matched than `limit`. */
  truncated: z.boolean(),
});

export const KnowledgeGlossarySchema = z.object({ collections: z.array(KnowledgeCollectionDetailSchema) });

// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const OrganisationFileRequestSchema = z.strictObject({
  /** Shown in messages and the audit trail only; `retired-ids.yaml` is reserved for the shipped catalog. */
  filename: text(200)
    .refine((name) => !/[/\\]/.test(name), { params: { i18n: 'catalogFilenamePath' } })
    .refine((name) => name !== 'retired-ids.yaml', { params: { i18n: 'catalogFilenameReserved' } }),
  /** The YAML text of one collection file (docs/CATALOG.md), ids under urn:kumoji:org:. */
  content: z
    .string()
    .min(1)
    // The limit is in bytes (below); a character is at least one, so the documented bound holds.
    .meta({ maxLength: ORGANISATION_FILE_MAX_BYTES })
    .refine((content) => new TextEncoder().encode(content).length <= ORGANISATION_FILE_MAX_BYTES, {
      params: { i18n: 'catalogFileTooLarge' },
    })
    .refine((content) => !FORBIDDEN_CONTROL_CHARS.test(content), { params: { i18n: 'controlChars' } })
    .refine(isStorableText, { params: { i18n: 'brokenCharacter' } }),
});

export const OrganisationFileResultSchema = z.object({
  collection: KnowledgeCollectionSchema,
  /** A new version was stored (false when this exact file was stored before). */
  stored: z.boolean(),
  /** The organisation's loaded version changed. */
  loaded: z.boolean(),
});

export const LoadCollectionResultSchema = z.object({
  collection: KnowledgeCollectionSchema,
  /** False when the newest version was already loaded. */
  changed: z.boolean(),
});
