import type { SQL } from 'drizzle-orm';
import { check, foreignKey, index, pgTable, primaryKey, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** A table whose rows an organisation owns, as a link's end: `(organisation_id, id)` is unique in it. */
interface LinkedTable {
  organisationId: AnyPgColumn;
  id: AnyPgColumn;
}

/** One end of a link: its property, its column (`<end>_id`) and the table it points into. */
interface LinkEnd<K extends string> {
  key: K;
  column: `${string}_id`;
  table: () => LinkedTable;
}

const idColumn = (name: string) => uuid(name).notNull();
type LinkColumns<F extends string, T extends string> = Record<'organisationId' | F | T, ReturnType<typeof idColumn>>;

/**
 * A link between two records of one organisation (a system's workloads, a
 * workload's assets …): the pair is the key, each end is a composite foreign
 * key `(organisation_id, <end>_id)` that goes with its record, so the database
 * itself refuses a link between two organisations; `to` is indexed for the
 * reverse lookup. Constraints are named `<table>_<end>_fk` and
 * `<table>_org_<to>_idx`. `checks` adds the link's own rules.
 */
export function linkTable<const F extends string, const T extends string>(
  name: string,
  from: LinkEnd<F>,
  to: LinkEnd<T>,
  checks: (ids: { from: AnyPgColumn; to: AnyPgColumn }) => { name: string; rule: SQL }[] = () => [],
) {
  const end = (e: LinkEnd<string>) => e.column.slice(0, -'_id'.length);
  const columns = {
    organisationId: idColumn('organisation_id'),
    [from.key]: idColumn(from.column),
    [to.key]: idColumn(to.column),
  } as LinkColumns<F, T>;
  return pgTable(name, columns, (t) => {
    const ids = { from: t[from.key] as AnyPgColumn, to: t[to.key] as AnyPgColumn };
    const fk = (e: LinkEnd<string>, column: AnyPgColumn) =>
      foreignKey({ name: `${name}_${end(e)}_fk`, columns: [t.organisationId, column], foreignColumns: [e.table().organisationId, e.table().id] }).onDelete('cascade');
    return [
      primaryKey({ columns: [ids.from, ids.to] }),
      fk(from, ids.from),
      fk(to, ids.to),
      index(`${name}_org_${end(to)}_idx`).on(t.organisationId, ids.to),
      ...checks(ids).map((c) => check(c.name, c.rule)),
    ];
  });
}
