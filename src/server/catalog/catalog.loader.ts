// Stores the catalog files in the database: the shipped catalog at server
// start (loadShippedCatalog) and, through the same storeCatalogFiles, an
// organisation's own uploaded files (catalog.service.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TCatalogFile } from '../../shared/catalog/catalog.schema.ts';
import { appendAudit } from '../platform/audit/audit.repository.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { formatCatalogError, readCatalogDir, type CatalogError } from './catalog.files.ts';
import {
  insertItems,
  insertVersions,
  listStoredVersionKeys,
  lockCatalogStore,
  type CatalogVersionRow,
  type NewCatalogItem,
  type NewCatalogVersion,
  type StoreScope,
} from './catalog.repository.ts';
import { displayOrder, sourceList, storeDecision, topLevelKeyLine } from './catalog.rules.ts';

/** The catalog cannot be used as it stands; `errors` point at file and line. */
export class CatalogInvalidError extends Error {
  constructor(
    readonly dir: string,
    readonly errors: CatalogError[],
  ) {
    super(
      `The catalog in ${dir} has ${errors.length} error${errors.length === 1 ? '' : 's'}; ` +
        `Kumoji does not start until they are fixed (check with \`kumoji catalog check\`):\n` +
        errors.map((error) => `  ${formatCatalogError(error)}`).join('\n'),
    );
    this.name = 'CatalogInvalidError';
    // The command line prints the stack of errors it does not know; for this
    // one the file:line list is the whole story, so that is what it shows.
    this.stack = this.message;
  }
}

export interface CatalogFileToStore {
  catalog: TCatalogFile;
  checksum: string;
  /** Path under CATALOG_DIR, or the uploaded file's name. */
  fileName: string;
}

export interface StoreResult {
  /** One entry per file, in the order given: its stored version, and whether it was stored just now. */
  files: { file: CatalogFileToStore; version: CatalogVersionRow | { id: string; version: number }; stored: boolean }[];
  /** Files whose content changed while their `version` was not raised above `highest`; nothing is stored then. */
  versionNotRaised: { file: CatalogFileToStore; highest: number }[];
  storedItems: number;
}

function versionRecord(file: CatalogFileToStore): NewCatalogVersion {
  const { catalog } = file;
  return {
    collectionId: catalog.id,
    version: catalog.version,
    checksum: file.checksum,
    fileName: file.fileName,
    type: catalog.type,
    nameJa: catalog.name.ja,
    nameEn: catalog.name.en,
    descriptionJa: catalog.description?.ja ?? null,
    descriptionEn: catalog.description?.en ?? null,
    source: sourceList(catalog.source),
    attributes: catalog.attributes ?? {},
    itemCount: catalog.items.length,
  };
}

function itemRecords(catalog: TCatalogFile, catalogVersionId: string): NewCatalogItem[] {
  const places = displayOrder(catalog.items);
  return catalog.items.map((item) => {
    const place = places.get(item.id)!;
    return {
      catalogVersionId,
      itemId: item.id,
      parentId: item.parent ?? null,
      position: place.position,
      sortOrder: item.order ?? null,
      depth: place.depth,
      ja: item.ja,
      en: item.en,
      detailJa: item.detail?.ja ?? null,
      detailEn: item.detail?.en ?? null,
      source: sourceList(item.source),
      attributes: item.attributes ?? {},
    };
  });
}

/**
 * Stores, in the scope's transaction, each file that is not stored yet in
 * the scope (the shipped catalog, or an organisation's own through its
 * context, which also names who stored it), with all its items; a file stored
 * before (same checksum) is left alone. Takes the catalog store lock first,
 * so concurrent callers (two instances starting, two uploads) see each
 * other's rows.
 */
export async function storeCatalogFiles(scope: StoreScope, files: readonly CatalogFileToStore[]): Promise<StoreResult> {
  await lockCatalogStore(scope);
  const stored = await listStoredVersionKeys(scope, files.length === 1 ? files[0].catalog.id : undefined);
  const result: StoreResult = { files: [], versionNotRaised: [], storedItems: 0 };
  const toStore: CatalogFileToStore[] = [];
  for (const file of files) {
    const decision = storeDecision({ collectionId: file.catalog.id, version: file.catalog.version, checksum: file.checksum }, stored);
    if (decision.kind === 'versionNotRaised') result.versionNotRaised.push({ file, highest: decision.highest });
    else if (decision.kind === 'new') toStore.push(file);
    else {
      const existing = stored.find((s) => s.collectionId === file.catalog.id && s.checksum === file.checksum)!;
      result.files.push({ file, version: { id: existing.id, version: existing.version }, stored: false });
    }
  }
  if (result.versionNotRaised.length || !toStore.length) return result;
  const versions = await insertVersions(scope, toStore.map(versionRecord));
  const items = toStore.flatMap((file, index) => itemRecords(file.catalog, versions[index].id));
  await insertItems(scope, items);
  result.storedItems = items.length;
  toStore.forEach((file, index) => result.files.push({ file, version: versions[index], stored: true }));
  return result;
}

export interface ShippedCatalogReport {
  collections: number;
  items: number;
  /** Versions stored by this call (none when the files were stored before). */
  stored: { collectionId: string; version: number }[];
}

/**
 * Server start: reads and checks CATALOG_DIR, refuses (CatalogInvalidError)
 * on any error, and stores every file not stored yet, in one transaction.
 * Loading the same files again changes nothing. The shipped catalog belongs
 * to no organisation, so this works on the shipped scope with the pool's
 * handle alone.
 */
export async function loadShippedCatalog(database: Pick<DataContext, 'db'>, dir: string): Promise<ShippedCatalogReport> {
  const { files, errors } = await readCatalogDir(dir);
  if (errors.length) throw new CatalogInvalidError(dir, errors);
  const collections = files.flatMap((file): CatalogFileToStore[] =>
    file.kind === 'collection' && file.catalog ? [{ catalog: file.catalog, checksum: file.checksum, fileName: path.relative(dir, file.path) }] : [],
  );
  const result = await database.db.transaction(async (tx) => {
    const stored = await storeCatalogFiles({ shipped: true, db: tx }, collections);
    if (stored.versionNotRaised.length) return stored;
    const fresh = stored.files.filter((f) => f.stored);
    if (fresh.length) {
      await appendAudit(tx, {
        organisationId: null,
        actorUserId: null,
        actorLabel: 'kumoji',
        action: 'catalog.store',
        entityType: 'catalog',
        after: { dir, versions: fresh.map((f) => ({ collectionId: f.file.catalog.id, version: f.file.catalog.version, checksum: f.file.checksum })) },
      });
    }
    return stored;
  });
  if (result.versionNotRaised.length) {
    const versionErrors = await Promise.all(
      result.versionNotRaised.map(async ({ file, highest }) => {
        const filePath = path.join(dir, file.fileName);
        const text = await readFile(filePath, 'utf8').catch(() => '');
        return {
          file: filePath,
          line: topLevelKeyLine(text, 'version'),
          message: `content changed since version ${highest} was stored, but version is ${file.catalog.version}; raise it to ${highest + 1} (stored versions never change)`,
        };
      }),
    );
    throw new CatalogInvalidError(dir, versionErrors);
  }
  return {
    collections: collections.length,
    items: collections.reduce((n, c) => n + c.catalog.items.length, 0),
    stored: result.files.filter((f) => f.stored).map((f) => ({ collectionId: f.file.catalog.id, version: f.file.catalog.version })),
  };
}
