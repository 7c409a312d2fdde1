/**
 * Pure rules of backup and restore: the order tables are loaded in, and the
 * names of an archive's entries.
 */

/** A backup or restore that cannot go on; the message says why and whether anything was changed. */
export class BackupError extends Error {}

/** A table as `schema.name` (neither part holds a dot in Kumoji's schemas). */
export type TableName = string;

export interface ForeignKey {
  name: string;
  /** The referencing table. */
  table: TableName;
  /** The referenced table. */
  references: TableName;
}

export interface LoadPlan {
  /** Every table, each after the tables its foreign keys reference. */
  order: TableName[];
  /**
   * Foreign keys no order satisfies (a table referencing itself, or a cycle):
   * dropped for the load and added again after it, when PostgreSQL checks every row.
   */
  deferred: ForeignKey[];
}

/**
 * Parents before children (Kahn's algorithm, alphabetical among the ready
 * ones, so the plan is the same on every run). A foreign key to a table
 * outside the set is ignored. When only tables in a cycle are left, the first
 * of them by name is loaded next and its foreign keys to tables not loaded yet
 * are deferred.
 */
export function loadPlan(tables: readonly TableName[], foreignKeys: readonly ForeignKey[]): LoadPlan {
  const pending = new Set(tables);
  const deferred: ForeignKey[] = [];
  const edges = foreignKeys.filter((fk) => pending.has(fk.table) && pending.has(fk.references));
  for (const fk of edges) if (fk.table === fk.references) deferred.push(fk);
  let waiting = edges.filter((fk) => fk.table !== fk.references);
  const order: TableName[] = [];
  while (pending.size) {
    const blocked = new Set(waiting.map((fk) => fk.table));
    const ready = [...pending].filter((t) => !blocked.has(t)).sort();
    const next = ready.length ? ready : [[...pending].sort()[0]];
    for (const table of next) {
      order.push(table);
      pending.delete(table);
    }
    if (!ready.length) deferred.push(...waiting.filter((fk) => fk.table === next[0]));
    waiting = waiting.filter((fk) => pending.has(fk.table) && pending.has(fk.references));
  }
  return { order, deferred: deferred.sort((a, b) => a.name.localeCompare(b.name)) };
}

export const MANIFEST_ENTRY = 'manifest.json';
export const AUDIT_KEY_ENTRY = 'audit.key';
export const tableEntry = (table: TableName) => `tables/${table}.copy`;

/** Only these names are read from an archive; anything else in it is refused. */
export function isArchiveEntry(name: string): boolean {
  return name === MANIFEST_ENTRY || name === AUDIT_KEY_ENTRY || /^tables\/[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*\.copy$/.test(name);
}

/** `kumoji-backup-20261207T101500Z.tar.gz`: sortable, no characters a shell or Windows minds. */
export function defaultArchiveName(now: Date): string {
  return `kumoji-backup-${now.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}.tar.gz`;
}
