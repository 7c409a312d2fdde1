import { createHash } from 'node:crypto';
import { v5 as uuidV5 } from 'uuid';
import { canonicalJson } from '../platform/canonical-json.ts';

/**
 * The identifiers of the OSCAL documents. Every `uuid` is a UUIDv5 (RFC 9562
 * §5.5, the `uuid` package) of Kumoji's namespace and a stable name, the
 * organisation's id, the kind of object and the record it stands for, so
 * the same records export the same ids, an observation keeps its id as its
 * control's judgement changes (OSCAL: "assigned per-subject"), and no id of
 * one organisation can be read off another's document. A document's own
 * uuid names its content too: the same content exports the same uuid, a
 * changed one a new uuid.
 */

/** Kumoji's namespace: the UUIDv5 of `urn:kumoji:oscal` in RFC 9562's URL namespace, fixed here so it never changes. */
export const KUMOJI_OSCAL_NAMESPACE = 'cb3072b2-a480-5802-a800-5b6e8a318ee2';

/** Whose documents an id belongs to (a document's scope, oscal-document.ts). */
export interface OscalOwner {
  readonly organisationId: string;
}

/** The uuid of `kind` `parts` in the organisation's documents. */
export const oscalUuid = (owner: OscalOwner, kind: string, ...parts: string[]) => uuidV5([owner.organisationId, kind, ...parts].join(':'), KUMOJI_OSCAL_NAMESPACE);

/** The instants of the export itself (when it was made), which say nothing of its content. */
const EXPORT_INSTANTS = new Set(['last-modified', 'start', 'end']);

function withoutExportInstants(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExportInstants);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !EXPORT_INSTANTS.has(k)).map(([k, v]) => [k, withoutExportInstants(v)]));
}

/**
 * SHA-256 (hex) of a document's content: canonical JSON of the document
 * without its uuid, its version and the instants of the export, so the same
 * records in the same language hash alike on every export.
 */
export function contentDigest(root: Record<string, unknown>): string {
  const [model, body] = Object.entries(root)[0] as [string, Record<string, unknown>];
  const { uuid: _uuid, metadata, ...rest } = body;
  const { version: _version, ...meta } = metadata as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson({ model, body: withoutExportInstants({ ...rest, metadata: meta }) })).digest('hex');
}

/**
 * Names a document by its content, once it is complete: its uuid is the UUIDv5
 * of `name` and its content digest, and its version the digest's first 12
 * characters, unless it carries a version of its own (a catalog carries its
 * collection's). Returns the same document.
 */
export function sealDocument<T extends object>(document: T, owner: OscalOwner, name: readonly [string, ...string[]], ownVersion = false): T {
  const body = Object.values(document)[0] as { uuid: string; metadata: { version: string } };
  const digest = contentDigest(document as Record<string, unknown>);
  const [kind, ...parts] = name;
  body.uuid = oscalUuid(owner, kind, ...parts, digest);
  if (!ownVersion) body.metadata.version = digest.slice(0, 12);
  return document;
}

/**
 * A catalog item id (`urn:kumoji:<source>:<collection>:<local>`, docs/CATALOG.md)
 * as an OSCAL control id, a token unique across the sets a profile joins:
 * `<collection>.<local>`, with `_` for a `:` of the local part (catalog ids
 * hold no `_`, so no two items meet), and a leading `_` where it would start
 * with a digit (a token starts with a letter or `_`).
 */
export function controlIdOf(itemId: string): string {
  const [, , , collection, ...local] = itemId.split(':');
  const id = `${collection}.${local.join('_')}`;
  return /^[a-z]/i.test(id) ? id : `_${id}`;
}

/** The id of a control's statement part, which findings target. */
export const statementIdOf = (controlId: string) => `${controlId}_smt`;
