// The catalog format contract (docs/CATALOG.md) as Zod schemas. Shared so the
// loader, the API and the web app read catalog content through the same types.
import { z } from 'zod';
import { INT4_MAX, isStorableText } from '../schemas/common.schema.ts';
import { describeCatalogIssue, describeValue, isRecord } from './catalog-issue.text.ts';

// docs/CATALOG.md "Files": every collection comes from seed 000, seed 004 or a
// public source, and the source is the third segment of every id. `org` is
// for an organisation's own files uploaded in the app (never under catalog/:
// readCatalogDir refuses it there), so their ids cannot collide with shipped ones.
export const CATALOG_SOURCES = ['seed-000', 'seed-004', 'public', 'org'] as const;

const ID_SEGMENT = '[a-z0-9.-]+';
const ID_SOURCE = `(?:${CATALOG_SOURCES.join('|')})`;

/** `urn:kumoji:<source>:<collection>` — a file's collection id. */
export const COLLECTION_ID_PATTERN = new RegExp(`^urn:kumoji:${ID_SOURCE}:${ID_SEGMENT}$`);
/** `urn:kumoji:<source>:<collection>:<local>`; the local part may itself hold `:`-separated segments. */
export const ITEM_ID_PATTERN = new RegExp(`^urn:kumoji:${ID_SOURCE}:${ID_SEGMENT}(?::${ID_SEGMENT})+$`);

const ID_RULE = `lowercase ascii, digits, "-" and "." separated by ":", source one of ${CATALOG_SOURCES.join(', ')}`;

export const CollectionIdSchema = z
  .string()
  .regex(COLLECTION_ID_PATTERN, `collection id must look like urn:kumoji:<source>:<collection> (${ID_RULE})`);
export const CatalogItemIdSchema = z
  .string()
  .regex(ITEM_ID_PATTERN, `item id must look like urn:kumoji:<source>:<collection>:<local> (${ID_RULE})`);

// Catalog text is stored in PostgreSQL (text and jsonb): YAML escapes such as "\0" or "\ud800"
// would give it a NUL or a lone surrogate, which it refuses or changes.
const STORABLE_MESSAGE = 'must not contain NUL or an incomplete (lone surrogate) character';
const CatalogStringSchema = z.string().refine(isStorableText, STORABLE_MESSAGE);
// Whitespace-only text is as missing as no text: the UI would show a blank.
const NonEmptyStringSchema = CatalogStringSchema.regex(/\S/, 'must not be empty');

/** Every visible text is given in both languages. */
export const TextPairSchema = z.strictObject({ ja: NonEmptyStringSchema, en: NonEmptyStringSchema });

/** Where content comes from: one reference, or several when FACTS.md corrects the seed. */
export const CatalogSourceSchema = z.union([NonEmptyStringSchema, z.array(NonEmptyStringSchema).min(1)]);

export const ATTRIBUTE_TYPES = [
  'string',
  'integer',
  'number',
  'boolean',
  'enum',
  'string-list',
  'text',
  'text-list',
  'ref',
  'ref-list',
] as const;
export const AttributeTypeSchema = z.enum(ATTRIBUTE_TYPES);

const EnumValuesSchema = z
  .array(z.string({ error: 'enum values must be strings (quote numbers, e.g. "0")' }).refine(isStorableText, STORABLE_MESSAGE))
  .min(1)
  .refine((values) => new Set(values).size === values.length, 'enum values must be unique');

/** One entry of a file's `attributes:` block: what its items may carry. */
export const AttributeDeclarationSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('enum'), values: EnumValuesSchema, ja: NonEmptyStringSchema, en: NonEmptyStringSchema }),
  z.strictObject({
    type: AttributeTypeSchema.exclude(['enum']),
    ja: NonEmptyStringSchema,
    en: NonEmptyStringSchema,
  }),
]);
export const AttributeDeclarationsSchema = z.record(CatalogStringSchema.regex(/\S/), AttributeDeclarationSchema);

/** The schema an item's attribute value must satisfy, given its declaration. */
export function attributeValueSchema(declaration: TAttributeDeclaration): z.ZodType {
  switch (declaration.type) {
    case 'string':
      return CatalogStringSchema;
    case 'integer':
      return z.int();
    case 'number':
      return z.number();
    case 'boolean':
      return z.boolean();
    case 'enum':
      return z.enum(declaration.values as [string, ...string[]]);
    case 'string-list':
      return z.array(CatalogStringSchema);
    case 'text':
      return TextPairSchema;
    case 'text-list':
      return z.array(TextPairSchema);
    case 'ref':
      return CatalogItemIdSchema;
    case 'ref-list':
      return z.array(CatalogItemIdSchema);
  }
}

export const CatalogItemSchema = z.strictObject({
  id: CatalogItemIdSchema,
  parent: CatalogItemIdSchema.optional(),
  // Stored in int4 columns, as the collection's version is.
  order: z.int().min(-INT4_MAX).max(INT4_MAX).optional(),
  ja: NonEmptyStringSchema,
  en: NonEmptyStringSchema,
  detail: TextPairSchema.optional(),
  source: CatalogSourceSchema,
  // Checked against the file's declarations by catalogFileRuleIssues.
  attributes: z.record(CatalogStringSchema, z.unknown()).optional(),
});

export const COLLECTION_TYPES = ['checklist', 'stage-model', 'threat-list', 'reference', 'glossary', 'deadline-rules'] as const;
export const CollectionTypeSchema = z.enum(COLLECTION_TYPES);

const CatalogFileShapeSchema = z.strictObject({
  id: CollectionIdSchema,
  type: CollectionTypeSchema,
  version: z.int().min(1).max(INT4_MAX),
  name: TextPairSchema,
  description: TextPairSchema.optional(),
  source: CatalogSourceSchema,
  attributes: AttributeDeclarationsSchema.optional(),
  items: z.array(CatalogItemSchema),
});

/** A whole catalog file, with the rules that need more than one item at a time. */
export const CatalogFileSchema = CatalogFileShapeSchema.superRefine(
  (file, ctx) => {
    for (const issue of catalogFileRuleIssues(file)) ctx.addIssue(issue);
  },
  // Run even when some items are malformed, so one bad item does not hide
  // every other problem in the file; the rules read the input defensively.
  { when: () => true },
);

/** `catalog/retired-ids.yaml`: ids that were used once and must never come back. */
export const RetiredIdsSchema = z.strictObject({ ids: z.array(NonEmptyStringSchema) });

export type TCatalogSource = z.infer<typeof CatalogSourceSchema>;
export type TTextPair = z.infer<typeof TextPairSchema>;
export type TAttributeType = z.infer<typeof AttributeTypeSchema>;
export type TAttributeDeclaration = z.infer<typeof AttributeDeclarationSchema>;
export type TAttributeDeclarations = z.infer<typeof AttributeDeclarationsSchema>;
export type TCatalogItem = z.infer<typeof CatalogItemSchema>;
export type TCollectionType = z.infer<typeof CollectionTypeSchema>;
export type TCatalogFile = z.infer<typeof CatalogFileSchema>;
export type TRetiredIds = z.infer<typeof RetiredIdsSchema>;

// A type alias, not an interface, so it stays assignable to Zod's open issue type.
export type CatalogRuleIssue = {
  code: 'custom';
  path: PropertyKey[];
  message: string;
};

type Attributes = Record<string, unknown>;

// The rules below see input that may not have passed the shape schema, so they
// read it as unknown and skip whatever is malformed (the shape schema already
// reports that).

interface ItemView {
  index: number;
  id: string | undefined;
  parent: string | undefined;
  attributes: Attributes;
  hasDetail: boolean;
}

function itemViews(items: unknown): ItemView[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index) =>
    isRecord(item)
      ? [
          {
            index,
            id: typeof item.id === 'string' ? item.id : undefined,
            parent: typeof item.parent === 'string' ? item.parent : undefined,
            attributes: isRecord(item.attributes) ? item.attributes : {},
            hasDetail: item.detail !== undefined,
          },
        ]
      : [],
  );
}

function issue(path: PropertyKey[], message: string): CatalogRuleIssue {
  return { code: 'custom', path, message };
}

/**
 * Rules of docs/CATALOG.md that involve the file's declarations or several
 * items: declared attributes and their types, the item id prefix, parents and
 * their cycles, and what each collection type requires of its items.
 */
export function catalogFileRuleIssues(file: unknown): CatalogRuleIssue[] {
  if (!isRecord(file)) return [];
  const declared = AttributeDeclarationsSchema.safeParse(file.attributes ?? {});
  const items = itemViews(file.items);
  const issues: CatalogRuleIssue[] = [
    ...itemIdPrefixIssues(file.id, items),
    ...parentIssues(items),
  ];
  // Without readable declarations every attribute would look undeclared; the
  // shape schema already reports the broken declaration itself.
  if (!declared.success) return issues;
  issues.push(...attributeValueIssues(declared.data, items));
  const type = CollectionTypeSchema.safeParse(file.type);
  if (type.success) issues.push(...collectionTypeIssues(type.data, declared.data, items));
  return issues;
}

// docs/CATALOG.md "Items": an item id is the collection id plus a local part.
function itemIdPrefixIssues(collectionId: unknown, items: ItemView[]): CatalogRuleIssue[] {
  if (typeof collectionId !== 'string' || !COLLECTION_ID_PATTERN.test(collectionId)) return [];
  return items
    .filter((item) => item.id !== undefined && ITEM_ID_PATTERN.test(item.id) && !item.id.startsWith(`${collectionId}:`))
    .map((item) => issue(['items', item.index, 'id'], `item id ${item.id} must start with the collection id ${collectionId}:`));
}

function parentIssues(items: ItemView[]): CatalogRuleIssue[] {
  const parentOf = new Map<string, string | undefined>();
  for (const item of items) if (item.id !== undefined && !parentOf.has(item.id)) parentOf.set(item.id, item.parent);
  const issues: CatalogRuleIssue[] = [];
  const reportedCycles = new Set<string>();
  for (const item of items) {
    if (item.parent === undefined) continue;
    if (!parentOf.has(item.parent)) {
      issues.push(issue(['items', item.index, 'parent'], `parent ${item.parent} is not an item of this file`));
      continue;
    }
    if (item.id === undefined) continue;
    const chain = ancestorChain(item.id, parentOf);
    // Report each cycle once, at the first of its items in file order.
    if (chain.at(-1) === item.id && !reportedCycles.has(item.id)) {
      for (const id of chain) reportedCycles.add(id);
      issues.push(issue(['items', item.index, 'parent'], `parent cycle: ${chain.join(' → ')}`));
    }
  }
  return issues;
}

/** id, its parent, grandparent … up to a root, or up to the first repeated id. */
function ancestorChain(id: string, parentOf: Map<string, string | undefined>): string[] {
  const chain = [id];
  const seen = new Set(chain);
  let current = parentOf.get(id);
  while (current !== undefined && parentOf.has(current)) {
    chain.push(current);
    if (seen.has(current)) break;
    seen.add(current);
    current = parentOf.get(current);
  }
  return chain;
}

function attributeValueIssues(declared: TAttributeDeclarations, items: ItemView[]): CatalogRuleIssue[] {
  const issues: CatalogRuleIssue[] = [];
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) {
      const path = ['items', item.index, 'attributes', name];
      const declaration = declared[name];
      if (declaration === undefined) {
        issues.push(issue(path, `undeclared attribute (declare it in the file's attributes: block)`));
        continue;
      }
      const parsed = attributeValueSchema(declaration).safeParse(value, { reportInput: true });
      if (parsed.success) continue;
      for (const valueIssue of parsed.error.issues) {
        // Name the declared type: Zod would say "expected number" for an integer.
        const message =
          valueIssue.code === 'invalid_type' && valueIssue.path.length === 0
            ? `declared ${declaration.type}, got ${describeValue(value)}`
            : describeCatalogIssue(valueIssue);
        issues.push(issue([...path, ...valueIssue.path], message));
      }
    }
  }
  return issues;
}

// docs/CATALOG.md "Collection types": the kinds each type needs its items to carry.
const REQUIRED_KINDS: Partial<Record<TCollectionType, readonly string[]>> = {
  checklist: ['checklist', 'question', 'group'],
  'stage-model': ['stage', 'practice'],
};
const STAGE_VALUES = ['0', '1', '2', '3', '4', 'x'];

function collectionTypeIssues(
  type: TCollectionType,
  declared: TAttributeDeclarations,
  items: ItemView[],
): CatalogRuleIssue[] {
  const kinds = REQUIRED_KINDS[type];
  if (kinds !== undefined) {
    const kind = declared.kind;
    if (kind?.type !== 'enum' || !kinds.every((value) => kind.values.includes(value))) {
      const list = kinds.join(', ');
      return [issue(['attributes'], `a ${type} file must declare attributes.kind as an enum with values ${list}`)];
    }
  }
  switch (type) {
    case 'checklist':
      return checklistIssues(items);
    case 'stage-model':
      return stageModelIssues(items);
    case 'threat-list':
      return threatListIssues(items);
    case 'glossary':
      return items
        .filter((item) => !item.hasDetail)
        .map((item) => issue(['items', item.index], 'a glossary term needs a detail { ja, en } holding its definition'));
    case 'reference':
    case 'deadline-rules':
      return [];
  }
}

function kindIssue(item: ItemView, expected: string[], why: string): CatalogRuleIssue[] {
  const kind = item.attributes.kind;
  if (typeof kind === 'string' && expected.includes(kind)) return [];
  const path = kind === undefined ? ['items', item.index] : ['items', item.index, 'attributes', 'kind'];
  const wanted = expected.map((value) => `kind: ${value}`).join(' or ');
  return [issue(path, `${why} must carry attributes.${wanted}${kind === undefined ? '' : `, not ${String(kind)}`}`)];
}

// A checklist file holds several checklists: roots are checklists, their
// children questions, optionally grouped by one level of groups.
function checklistIssues(items: ItemView[]): CatalogRuleIssue[] {
  const kindOf = new Map(items.map((item) => [item.id, item.attributes.kind]));
  return items.flatMap((item) => {
    if (item.parent === undefined) return kindIssue(item, ['checklist'], 'a root item of a checklist file');
    const issues = kindIssue(item, ['question', 'group'], 'a child item of a checklist file');
    const parentKind = kindOf.get(item.parent);
    if (issues.length === 0 && item.attributes.kind === 'group' && parentKind !== undefined && parentKind !== 'checklist') {
      issues.push(issue(['items', item.index, 'parent'], 'a group must sit directly under a checklist (one level of groups)'));
    }
    if (issues.length === 0 && item.attributes.kind === 'question' && parentKind === 'question') {
      issues.push(issue(['items', item.index, 'parent'], 'a question must sit under a checklist or a group'));
    }
    return issues;
  });
}

function requiredAttributeIssue(item: ItemView, name: string, why: string): CatalogRuleIssue[] {
  return item.attributes[name] === undefined ? [issue(['items', item.index], `${why} must carry attributes.${name}`)] : [];
}

function stageModelIssues(items: ItemView[]): CatalogRuleIssue[] {
  return items.flatMap((item) => {
    const kindIssues = kindIssue(item, ['stage', 'practice'], 'an item of a stage-model file');
    if (kindIssues.length > 0) return kindIssues;
    if (item.attributes.kind === 'practice') return requiredAttributeIssue(item, 'practice', 'a practice item');
    const stage = item.attributes.stage;
    if (stage === undefined) return requiredAttributeIssue(item, 'stage', 'a stage item');
    if (typeof stage === 'string' && STAGE_VALUES.includes(stage)) return [];
    return [
      issue(
        ['items', item.index, 'attributes', 'stage'],
        `stage must be one of ${STAGE_VALUES.map((value) => `"${value}"`).join(', ')} (quoted), not ${JSON.stringify(stage)}`,
      ),
    ];
  });
}

function threatListIssues(items: ItemView[]): CatalogRuleIssue[] {
  return items.flatMap((item) =>
    item.parent === undefined
      ? requiredAttributeIssue(item, 'year', 'a root item of a threat-list (one list per year)')
      : requiredAttributeIssue(item, 'rank', 'a threat in a threat-list'),
  );
}
