// Reads and checks the catalog YAML files (docs/CATALOG.md). File reading is
// confined to readCatalogDir; validateCatalogText and crossCheck are pure, so
// tests and the later database loader can run them on strings.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { describeCatalogIssue, isMissingKeyIssue } from '../../shared/catalog/catalog-issue.text.ts';
import { AttributeDeclarationsSchema, CatalogFileSchema, RetiredIdsSchema, type TCatalogFile } from '../../shared/catalog/catalog.schema.ts';
import { ORGANISATION_COLLECTION_PREFIX } from '../../shared/schemas/knowledge.schema.ts';
import { sourcesAt, unlistedSourceErrors, type CatalogSourceAt } from './catalog-citations.ts';

/** One problem, pointing at the line of the offending key or item (0 when no line applies). */
export interface CatalogError {
  file: string;
  line: number;
  message: string;
}

export interface CatalogIdAt {
  id: string;
  line: number;
}

export interface CatalogRefAt extends CatalogIdAt {
  /** Where the reference sits, e.g. `urn:…:q4 attributes.see`. */
  from: string;
}

/** A collection file. Ids and refs are gathered even when the file is invalid, so cross-file checks still see them. */
export interface CatalogCollectionFile {
  kind: 'collection';
  path: string;
  checksum: string;
  /** The validated content; null when the file has errors of its own. */
  catalog: TCatalogFile | null;
  collectionId: CatalogIdAt | null;
  /** Every item id, in file order. */
  itemIds: CatalogIdAt[];
  refs: CatalogRefAt[];
  /** Every `source` string, checked against the document registry for the shipped catalog. */
  sources: CatalogSourceAt[];
}

/** `retired-ids.yaml`: ids that must never be used again. */
export interface CatalogRetiredIdsFile {
  kind: 'retired-ids';
  path: string;
  checksum: string;
  retiredIds: CatalogIdAt[];
}

export type CatalogFile = CatalogCollectionFile | CatalogRetiredIdsFile;

export const RETIRED_IDS_FILE_NAME = 'retired-ids.yaml';

/** sha256 of the file's raw bytes (a string counts as its UTF-8 bytes): the loader skips files whose checksum it has already loaded. */
export function catalogChecksum(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

export function formatCatalogError(error: CatalogError): string {
  return error.line > 0 ? `${error.file}:${error.line}: ${error.message}` : `${error.file}: ${error.message}`;
}

function compareErrors(a: CatalogError, b: CatalogError): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

type PathSegment = PropertyKey;

/** The line of the key (in a map) or item (in a list) that `keyPath` ends at, or of the deepest part of it that exists. */
function lineAt(doc: Document, lineCounter: LineCounter, keyPath: readonly PathSegment[]): number {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
  for (const segment of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((candidate) => isScalar(candidate.key) && String(candidate.key.value) === String(segment));
      if (pair === undefined) break;
      if (isNode(pair.key)) offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return lineCounter.linePos(offset).line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `urn:…:q4 attributes.rank` for an item path, `name.ja` for a file-level one. */
function describePath(data: unknown, keyPath: readonly PathSegment[]): string {
  const parts: string[] = [];
  let rest = keyPath;
  if (keyPath[0] === 'items' && typeof keyPath[1] === 'number' && isRecord(data) && Array.isArray(data.items)) {
    const item: unknown = data.items[keyPath[1]];
    parts.push(isRecord(item) && typeof item.id === 'string' ? item.id : `items[${keyPath[1]}]`);
    rest = keyPath.slice(2);
  }
  const tail = rest.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : `${index > 0 ? '.' : ''}${String(segment)}`));
  if (tail.length > 0) parts.push(tail.join(''));
  return parts.join(' ');
}

function issueErrors(
  file: string,
  doc: Document,
  lineCounter: LineCounter,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): CatalogError[] {
  return issues.flatMap((found) => {
    // One error per unknown key, each at its own line; the message names the
    // key, so the location prefix stops at the object holding it.
    const located =
      found.code === 'unrecognized_keys'
        ? found.keys.map((key) => ({ keyPath: [...found.path, key], owner: found.path, message: `unknown key "${key}"` }))
        : [
            {
              keyPath: found.path,
              owner: isMissingKeyIssue(found) ? found.path.slice(0, -1) : found.path,
              message: found.code === 'custom' ? found.message : describeCatalogIssue(found),
            },
          ];
    return located.map(({ keyPath, owner, message }) => {
      const where = describePath(data, owner);
      return { file, line: lineAt(doc, lineCounter, keyPath), message: where === '' ? message : `${where}: ${message}` };
    });
  });
}

function collectionId(data: unknown, at: (keyPath: PathSegment[]) => number): CatalogIdAt | null {
  return isRecord(data) && typeof data.id === 'string' ? { id: data.id, line: at(['id']) } : null;
}

function itemIds(data: unknown, at: (keyPath: PathSegment[]) => number): CatalogIdAt[] {
  const ids: CatalogIdAt[] = [];
  if (isRecord(data) && Array.isArray(data.items)) {
    data.items.forEach((item: unknown, index) => {
      if (isRecord(item) && typeof item.id === 'string') ids.push({ id: item.id, line: at(['items', index, 'id']) });
    });
  }
  return ids;
}

/** Values of attributes declared `ref` or `ref-list`; their targets can only be checked across files. */
function referencedIds(data: unknown, at: (keyPath: PathSegment[]) => number): CatalogRefAt[] {
  if (!isRecord(data) || !Array.isArray(data.items)) return [];
  const declared = AttributeDeclarationsSchema.safeParse(data.attributes ?? {});
  if (!declared.success) return [];
  const refs: CatalogRefAt[] = [];
  data.items.forEach((item: unknown, index) => {
    if (!isRecord(item) || !isRecord(item.attributes)) return;
    for (const [name, value] of Object.entries(item.attributes)) {
      const type = declared.data[name]?.type;
      const keyPath = ['items', index, 'attributes', name];
      if (type === 'ref' && typeof value === 'string') {
        refs.push({ id: value, line: at(keyPath), from: describePath(data, keyPath) });
      }
      if (type === 'ref-list' && Array.isArray(value)) {
        value.forEach((target: unknown, position) => {
          const targetPath = [...keyPath, position];
          if (typeof target === 'string') refs.push({ id: target, line: at(targetPath), from: describePath(data, targetPath) });
        });
      }
    }
  });
  return refs;
}

/**
 * Parses one catalog file and checks it on its own (YAML syntax, then the
 * schema). `filePath` is only used in messages and to recognise retired-ids.yaml.
 */
export function validateCatalogText(filePath: string, text: string): { file: CatalogFile; errors: CatalogError[] } {
  const lineCounter = new LineCounter();
  // prettyErrors off: messages stay on one line; the line comes from lineCounter.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (keyPath: PathSegment[]) => lineAt(doc, lineCounter, keyPath);
  const syntaxErrors: CatalogError[] = [...doc.errors, ...doc.warnings].map((problem) => ({
    file: filePath,
    line: lineCounter.linePos(problem.pos[0]).line,
    message: `invalid YAML: ${problem.message}`,
  }));
  let data: unknown = null;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (thrown) {
    syntaxErrors.push({ file: filePath, line: 1, message: `invalid YAML: ${(thrown as Error).message}` });
  }
  const checksum = catalogChecksum(text);
  const isRetiredIds = path.basename(filePath) === RETIRED_IDS_FILE_NAME;

  // A file that is not valid YAML has no reliable shape to check further.
  const schema = isRetiredIds ? RetiredIdsSchema : CatalogFileSchema;
  const parsed = syntaxErrors.length === 0 ? schema.safeParse(data, { reportInput: true }) : undefined;
  const errors = [
    ...syntaxErrors,
    ...(parsed?.success === false ? issueErrors(filePath, doc, lineCounter, data, parsed.error.issues) : []),
  ].sort(compareErrors);

  if (isRetiredIds) {
    const ids = isRecord(data) && Array.isArray(data.ids) ? data.ids : [];
    const retiredIds = ids.flatMap((id: unknown, index) => (typeof id === 'string' ? [{ id, line: at(['ids', index]) }] : []));
    return { file: { kind: 'retired-ids', path: filePath, checksum, retiredIds }, errors };
  }
  const catalog = parsed?.success === true && errors.length === 0 ? (parsed.data as TCatalogFile) : null;
  return {
    file: {
      kind: 'collection',
      path: filePath,
      checksum,
      catalog,
      collectionId: collectionId(data, at),
      itemIds: itemIds(data, at),
      refs: referencedIds(data, at),
      sources: sourcesAt(data, at),
    },
    errors,
  };
}

/**
 * Checks that need the whole catalog: ids unique everywhere and never a
 * retired one, and every ref pointing at an existing item.
 */
export function crossCheck(files: readonly CatalogFile[]): CatalogError[] {
  const errors: CatalogError[] = [];
  const retired = new Map<string, string>();
  for (const file of files) {
    if (file.kind !== 'retired-ids') continue;
    for (const { id, line } of file.retiredIds) if (!retired.has(id)) retired.set(id, `${file.path}:${line}`);
  }
  const firstDefinition = new Map<string, string>();
  const itemIds = new Set<string>();
  for (const file of files) {
    if (file.kind !== 'collection') continue;
    for (const { id } of file.itemIds) itemIds.add(id);
    // Collection and item ids share one namespace: both are stable URNs.
    const defined = file.collectionId === null ? file.itemIds : [file.collectionId, ...file.itemIds];
    for (const { id, line } of defined) {
      const first = firstDefinition.get(id);
      if (first !== undefined) {
        errors.push({ file: file.path, line, message: `duplicate id ${id} (first defined at ${first})` });
      } else {
        firstDefinition.set(id, `${file.path}:${line}`);
      }
      const retiredAt = retired.get(id);
      if (retiredAt !== undefined) {
        errors.push({
          file: file.path,
          line,
          message: `id ${id} is retired (${retiredAt}); ids are never reused, choose a new one`,
        });
      }
    }
  }
  for (const file of files) {
    if (file.kind !== 'collection') continue;
    for (const ref of file.refs) {
      if (!itemIds.has(ref.id)) {
        errors.push({ file: file.path, line: ref.line, message: `${ref.from}: refers to unknown item id ${ref.id}` });
      }
    }
  }
  return errors.sort(compareErrors);
}

/** Every `*.yaml` under `dir`, as paths relative to it, sorted so output is stable across machines. */
async function listYamlFiles(dir: string, relative = ''): Promise<{ yaml: string[]; misnamed: string[] }> {
  const entries = await readdir(path.join(dir, relative), { withFileTypes: true });
  const found = { yaml: [] as string[], misnamed: [] as string[] };
  for (const entry of entries) {
    const entryPath = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      const nested = await listYamlFiles(dir, entryPath);
      found.yaml.push(...nested.yaml);
      found.misnamed.push(...nested.misnamed);
    } else if (entry.isFile() && entry.name.endsWith('.yaml')) {
      found.yaml.push(entryPath);
    } else if (entry.isFile() && entry.name.endsWith('.yml')) {
      found.misnamed.push(entryPath);
    }
  }
  const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  found.yaml.sort(byCodeUnit);
  found.misnamed.sort(byCodeUnit);
  return found;
}

/**
 * Reads and checks every catalog file under `dir` as the shipped catalog
 * (server start, `kumoji catalog check`): besides each file's own checks, ids
 * across files and every source against the document registry. Paths in the
 * result are `dir` joined with the file's relative path.
 */
export async function readCatalogDir(dir: string): Promise<{ files: CatalogFile[]; errors: CatalogError[] }> {
  let listing: { yaml: string[]; misnamed: string[] };
  try {
    listing = await listYamlFiles(dir);
  } catch (thrown) {
    return { files: [], errors: [{ file: dir, line: 0, message: `cannot read the catalog folder: ${(thrown as Error).message}` }] };
  }
  const files: CatalogFile[] = [];
  // A .yml file would be skipped silently, and its content lost without anyone noticing.
  const errors: CatalogError[] = listing.misnamed.map((relative) => ({
    file: path.join(dir, relative),
    line: 0,
    message: 'catalog files must end in .yaml; this file is not read',
  }));
  // Strict decoding: a stray non-UTF-8 byte must fail here, not turn into U+FFFD in the database.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for (const relative of listing.yaml) {
    const filePath = path.join(dir, relative);
    const bytes = await readFile(filePath);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      errors.push({ file: filePath, line: 0, message: 'not valid UTF-8' });
      continue;
    }
    const checked = validateCatalogText(filePath, text);
    files.push(checked.file);
    errors.push(...checked.errors);
  }
  if (!listing.yaml.includes(RETIRED_IDS_FILE_NAME)) {
    errors.push({
      file: path.join(dir, RETIRED_IDS_FILE_NAME),
      line: 0,
      message: 'missing; it lists ids that must never be reused (create it with `ids: []`)',
    });
  }
  errors.push(...crossCheck(files), ...shippedSourceErrors(files), ...unlistedSourceErrors(files));
  return { files, errors: errors.sort(compareErrors) };
}

/** `urn:kumoji:org:` belongs to organisations' own uploaded files; the shipped catalog never uses it. */
function shippedSourceErrors(files: readonly CatalogFile[]): CatalogError[] {
  return files.flatMap((file) =>
    file.kind === 'collection' && file.collectionId?.id.startsWith(ORGANISATION_COLLECTION_PREFIX)
      ? [
          {
            file: file.path,
            line: file.collectionId.line,
            message: `ids under ${ORGANISATION_COLLECTION_PREFIX} are for an organisation's own files uploaded in Kumoji, not for the shipped catalog`,
          },
        ]
      : [],
  );
}
