import type { z } from 'zod';
import { can, type Role } from '../../shared/policy.ts';
import { COLLECTION_ID_PATTERN, type TCollectionType } from '../../shared/catalog/catalog.schema.ts';
import {
  ORGANISATION_COLLECTION_PREFIX,
  type OrganisationFileRequestSchema,
  type TCatalogOrigin,
  type TKnowledgeCollection,
  type TKnowledgeItem,
} from '../../shared/schemas/knowledge.schema.ts';
import { canonicalJson } from '../platform/canonical-json.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { HttpProblem, type FieldError } from '../platform/http/problem.ts';
import { crossCheck, validateCatalogText, type CatalogCollectionFile, type CatalogError } from './catalog.files.ts';
import { storeCatalogFiles } from './catalog.loader.ts';
import {
  deleteLoadedEntry,
  findLoadedCollection,
  findNewestVisibleVersion,
  listAncestors,
  listChildItems,
  listCrossCheckIds,
  listItemVersions,
  listLoadedCollections,
  listLoadedItems,
  listVersionItems,
  lockCatalogStore,
  lockLoadedEntry,
  pinShippedCollections,
  setLoadedVersion,
  type CatalogItemRow,
  type CatalogVersionRow,
  type LoadedCollectionRow,
} from './catalog.repository.ts';
import { topLevelKeyLine } from './catalog.rules.ts';
import { rankSearch } from './search.rules.ts';

/** Most per-line errors shown for one uploaded file; a garbled file could produce thousands. */
const MAX_FILE_ERRORS = 100;

const pair = (ja: string | null, en: string | null) => (ja !== null && en !== null ? { ja, en } : null);

export function presentCollection(row: LoadedCollectionRow, role: Role | null): TKnowledgeCollection {
  const v = row.version;
  const updateAvailable = row.newestVersion > v.version;
  return {
    id: v.collectionId,
    type: v.type as TCollectionType,
    name: { ja: v.nameJa, en: v.nameEn },
    description: pair(v.descriptionJa, v.descriptionEn),
    origin: v.origin as TCatalogOrigin,
    version: v.version,
    versionId: v.id,
    itemCount: v.itemCount,
    source: v.source,
    fileName: v.fileName,
    loadedAt: row.loadedAt.toISOString(),
    newestVersion: row.newestVersion,
    updateAvailable,
    can: { load: can(role, 'collection.load', { updateAvailable }), remove: can(role, 'collection.remove', v) },
  };
}

export function presentItem(i: CatalogItemRow): TKnowledgeItem {
  return {
    id: i.itemId,
    parent: i.parentId,
    depth: i.depth,
    order: i.sortOrder,
    ja: i.ja,
    en: i.en,
    detail: pair(i.detailJa, i.detailEn),
    source: i.source,
    attributes: i.attributes,
  };
}

const presentCollectionRef = (v: CatalogVersionRow) => ({
  id: v.collectionId,
  type: v.type as TCollectionType,
  name: { ja: v.nameJa, en: v.nameEn },
  origin: v.origin as TCatalogOrigin,
});

const presentDeclarations = (v: CatalogVersionRow) => v.attributes as Record<string, { type: string; ja: string; en: string; values?: string[] }>;

/** Shipped collections are pinned for the organisation before anything is read. */
const pinned = (ctx: DataContext) => pinShippedCollections(ctx);

export async function listCollections(ctx: DataContext) {
  await pinned(ctx);
  const rows = await listLoadedCollections(ctx);
  return rows.map((row) => presentCollection(row, ctx.role));
}

async function collectionDetail(ctx: DataContext, row: LoadedCollectionRow) {
  const items = await listVersionItems(ctx, row.version.id);
  return { collection: presentCollection(row, ctx.role), attributes: presentDeclarations(row.version), items: items.map(presentItem) };
}

export async function getCollection(ctx: DataContext, collectionId: string) {
  await pinned(ctx);
  const row = await findLoadedCollection(ctx, collectionId);
  if (!row) throw new HttpProblem(404, 'notFound');
  return collectionDetail(ctx, row);
}

export async function glossary(ctx: DataContext) {
  await pinned(ctx);
  const rows = await listLoadedCollections(ctx, { type: 'glossary' });
  return Promise.all(rows.map((row) => collectionDetail(ctx, row)));
}

/** Item content that differs between two versions (text, parent, citation, attributes). */
const itemContent = (i: CatalogItemRow) => canonicalJson([i.parentId, i.ja, i.en, i.detailJa, i.detailEn, i.source, i.attributes]);

/**
 * One item: from the loaded version of its collection when that version has
 * it, otherwise from the newest stored version that does — so an answer that
 * points at an item removed since still shows what was asked.
 */
export async function getItem(ctx: DataContext, itemId: string) {
  await pinned(ctx);
  const versions = await listItemVersions(ctx, itemId);
  if (!versions.length) throw new HttpProblem(404, 'notFound');
  const loaded = await findLoadedCollection(ctx, versions[0].version.collectionId);
  const loadedVersionId = loaded?.version.id ?? null;
  const shown = versions.find((v) => v.version.id === loadedVersionId) ?? versions[0];
  const [ancestors, children] = await ctx.sideBySide(() => listAncestors(ctx, shown.version.id, itemId), () => listChildItems(ctx, shown.version.id, itemId));
  return {
    item: presentItem(shown.item),
    collection: presentCollectionRef(shown.version),
    version: { id: shown.version.id, version: shown.version.version, storedAt: shown.version.storedAt.toISOString() },
    loadedVersion: loaded?.version.version ?? null,
    inLoadedVersion: shown.version.id === loadedVersionId,
    attributes: presentDeclarations(shown.version),
    ancestors,
    children: children.map(presentItem),
    history: versions.map((v, index) => {
      const older = versions[index + 1];
      return {
        versionId: v.version.id,
        version: v.version.version,
        storedAt: v.version.storedAt.toISOString(),
        loaded: v.version.id === loadedVersionId,
        changed: older !== undefined && itemContent(older.item) !== itemContent(v.item),
        item: presentItem(v.item),
      };
    }),
  };
}

/**
 * Knowledge search over the loaded collections and their items: titles,
 * explanations and glossary definitions in both languages, ranked by
 * search.rules.ts (whole title, title start, inside a title, glossary
 * definition, explanation).
 */
export async function search(ctx: DataContext, q: string, limit: number) {
  if (!q) return { q, collections: [], items: [], truncated: false };
  await pinned(ctx);
  const [collections, rows] = await ctx.sideBySide(() => listLoadedCollections(ctx), () => listLoadedItems(ctx));
  const collectionHits = rankSearch(collections, q, ({ version: v }) => ({
    titles: [v.nameJa, v.nameEn],
    bodies: [v.descriptionJa, v.descriptionEn],
    glossary: false,
  }));
  const itemHits = rankSearch(rows, q, ({ item, version }) => ({
    titles: [item.ja, item.en],
    bodies: [item.detailJa, item.detailEn],
    glossary: version.type === 'glossary',
  }));
  return {
    q,
    collections: collectionHits.map(({ entry: { version }, match }) => ({
      ...presentCollectionRef(version),
      description: pair(version.descriptionJa, version.descriptionEn),
      version: version.version,
      itemCount: version.itemCount,
      match,
    })),
    items: itemHits.slice(0, limit).map(({ entry: { item, version }, match }) => ({
      id: item.itemId,
      parent: item.parentId,
      ja: item.ja,
      en: item.en,
      detail: pair(item.detailJa, item.detailEn),
      match,
      collection: { ...presentCollectionRef(version), version: version.version },
    })),
    truncated: itemHits.length > limit,
  };
}

/** Loads the newest stored version of a collection (shipped or the organisation's own) for the organisation. */
export async function loadNewestVersion(ctx: DataContext, collectionId: string) {
  const changed = await ctx.transaction(async (tx) => {
    await pinShippedCollections(tx);
    const newest = await findNewestVisibleVersion(tx, collectionId);
    if (!newest) throw new HttpProblem(404, 'notFound');
    const current = await lockLoadedEntry(tx, collectionId);
    if (current?.catalogVersionId === newest.id) return false;
    await setLoadedVersion(tx, { collectionId, catalogVersionId: newest.id });
    await tx.audit({
      action: 'catalog.load',
      entityType: 'catalog-collection',
      entityId: collectionId,
      before: current ? { version: current.version, versionId: current.catalogVersionId } : null,
      after: { version: newest.version, versionId: newest.id },
    });
    return true;
  });
  const row = await findLoadedCollection(ctx, collectionId);
  if (!row) throw new HttpProblem(404, 'notFound');
  return { collection: presentCollection(row, ctx.role), changed };
}

/**
 * Takes the collection out of the organisation's knowledge base. Its stored
 * versions stay, so records pointing at its items still resolve and loading
 * it again (or uploading the file again) brings it back.
 */
export async function removeOwnCollection(ctx: DataContext, collectionId: string) {
  await ctx.transaction(async (tx) => {
    await pinShippedCollections(tx);
    const current = await lockLoadedEntry(tx, collectionId);
    if (!current) throw new HttpProblem(404, 'notFound');
    if (current.origin !== 'organisation') throw new HttpProblem(409, 'catalogShippedNotRemovable');
    await deleteLoadedEntry(tx, collectionId);
    await tx.audit({
      action: 'catalog.remove',
      entityType: 'catalog-collection',
      entityId: collectionId,
      before: { version: current.version, versionId: current.catalogVersionId },
    });
  });
}

interface LineError {
  line: number;
  error: FieldError;
}

const lineErrors = (errors: readonly CatalogError[]): LineError[] =>
  errors.map((error) => ({
    line: error.line,
    error: { path: error.line > 0 ? `line ${error.line}` : 'file', code: 'catalogFileLine', message: error.message },
  }));

function refuseFile(errors: LineError[]): never {
  const shown = [...errors].sort((a, b) => a.line - b.line).slice(0, MAX_FILE_ERRORS).map((e) => e.error);
  if (errors.length > MAX_FILE_ERRORS) shown.push({ path: 'file', code: 'catalogFileMoreErrors', params: { count: errors.length - MAX_FILE_ERRORS } });
  throw new HttpProblem(400, 'catalogFileInvalid', { count: errors.length }, shown);
}

// crossCheck names files by path (in "first defined at …"); an uploaded file's name has no "/", so these never clash with it.
const SHIPPED_MARK = 'catalog/';
const OWN_MARK = 'organisation/';

/** The shipped catalog's newest ids and the organisation's other collections, as files crossCheck can read. */
function knownCollections(known: readonly { collectionId: string; itemId: string }[]): CatalogCollectionFile[] {
  const files = new Map<string, CatalogCollectionFile>();
  for (const { collectionId, itemId } of known) {
    let file = files.get(collectionId);
    if (!file) {
      const mark = collectionId.startsWith(ORGANISATION_COLLECTION_PREFIX) ? OWN_MARK : SHIPPED_MARK;
      file = { kind: 'collection', path: `${mark}${collectionId}`, checksum: '', catalog: null, collectionId: { id: collectionId, line: 0 }, itemIds: [], refs: [], sources: [] };
      files.set(collectionId, file);
    }
    file.itemIds.push({ id: itemId, line: 0 });
  }
  return [...files.values()];
}

/**
 * An organisation's own catalog file: checked like a shipped one (schema,
 * then ids and refs against the shipped catalog and the organisation's other
 * collections), its ids under urn:kumoji:org:, stored as a new version and
 * loaded for the organisation. Any error refuses the whole file, with every
 * error found and its line, and stores nothing.
 */
export async function uploadOwnFile(ctx: DataContext, input: z.output<typeof OrganisationFileRequestSchema>) {
  const fileName = input.filename;
  const checked = validateCatalogText(fileName, input.content);
  // Never a retired-ids file: the request schema refuses that name.
  const file = checked.file as CatalogCollectionFile;
  const errors = lineErrors(checked.errors);
  const collectionId = file.collectionId?.id ?? null;
  // A shipped-looking id would also clash with every shipped item; the prefix is the one thing to fix.
  const wrongPrefix = !!collectionId && COLLECTION_ID_PATTERN.test(collectionId) && !collectionId.startsWith(ORGANISATION_COLLECTION_PREFIX);
  if (wrongPrefix) {
    const line = file.collectionId!.line;
    errors.push({ line, error: { path: `line ${line}`, code: 'catalogOrganisationPrefix', params: { prefix: ORGANISATION_COLLECTION_PREFIX } } });
  }

  const outcome = await ctx.transaction(async (tx) => {
    // Before the cross-check reads: a concurrent upload cannot slip a clashing id in between.
    await lockCatalogStore(tx);
    await pinShippedCollections(tx);
    if (!wrongPrefix) {
      const known = knownCollections(await listCrossCheckIds(tx, collectionId ?? ''));
      // The uploaded file last, so a duplicate id is reported on its side.
      errors.push(...lineErrors(crossCheck([...known, file]).filter((error) => error.file === fileName)));
    }
    if (errors.length || !file.catalog) refuseFile(errors);
    const catalog = file.catalog;

    const stored = await storeCatalogFiles(tx, [{ catalog, checksum: file.checksum, fileName }]);
    const [notRaised] = stored.versionNotRaised;
    if (notRaised) {
      const line = topLevelKeyLine(input.content, 'version');
      refuseFile([
        {
          line,
          error: { path: line > 0 ? `line ${line}` : 'file', code: 'catalogVersionNotRaised', params: { highest: notRaised.highest, next: notRaised.highest + 1 } },
        },
      ]);
    }
    const [result] = stored.files;
    const current = await lockLoadedEntry(tx, catalog.id);
    const loaded = current?.catalogVersionId !== result.version.id;
    if (loaded) await setLoadedVersion(tx, { collectionId: catalog.id, catalogVersionId: result.version.id });
    if (result.stored || loaded) {
      await tx.audit({
        action: 'catalog.upload',
        entityType: 'catalog-collection',
        entityId: catalog.id,
        before: current ? { version: current.version, versionId: current.catalogVersionId } : null,
        after: { version: catalog.version, versionId: result.version.id, checksum: file.checksum, fileName, items: catalog.items.length, stored: result.stored },
      });
    }
    return { stored: result.stored, loaded, collectionId: catalog.id };
  });
  const { collectionId: storedCollectionId, ...flags } = outcome;
  const row = await findLoadedCollection(ctx, storedCollectionId);
  if (!row) throw new HttpProblem(404, 'notFound');
  return { collection: presentCollection(row, ctx.role), ...flags };
}
