import { useState } from 'react';

/**
 * The rows picked for a bulk action, each with the version it was shown at:
 * the bulk change sends them, so a row changed meanwhile is refused (409).
 */
export function useVersionedSelection<Row extends { id: string; version: number }>(rows: readonly Row[]) {
  const [selected, setSelected] = useState<ReadonlyMap<string, number>>(new Map());
  const toggle = (row: Row) =>
    setSelected((s) => {
      const next = new Map(s);
      if (next.has(row.id)) next.delete(row.id);
      else next.set(row.id, row.version);
      return next;
    });
  const toggleAll = () =>
    setSelected((s) => {
      const next = new Map(s);
      const allShown = rows.every((r) => s.has(r.id));
      for (const r of rows) {
        if (allShown) next.delete(r.id);
        else next.set(r.id, r.version);
      }
      return next;
    });
  return { selected, isSelected: (row: Row) => selected.has(row.id), toggle, toggleAll, clear: () => setSelected(new Map()) };
}
