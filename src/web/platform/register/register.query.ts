import { type QueryKey, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client.ts';

/** One record of a register under `key` (its list and summaries live under the same prefix); nothing is asked without an id. */
export function useRegisterRecord<Row>(key: QueryKey, path: string, id: string | null | undefined) {
  return useQuery({
    queryKey: [...key, id],
    queryFn: ({ signal }) => api.get<Row>(`${path}/${id}`, signal),
    enabled: !!id,
  });
}

/**
 * A change to a register: once it succeeds every answer cached under `key`
 * is read again (lists, records, summaries), before the caller's own
 * onSuccess runs, so the page it opens shows the change.
 */
export function useRegisterChange<Variables, Result>(key: QueryKey, change: (variables: Variables) => Promise<Result>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

/**
 * The hooks of a register's records at `path` (one is `<path>/:id`): read
 * one, cached under `key`, and create, change (the fields sent, with the
 * version shown) and delete it, each change refreshing everything under
 * `changes`. Written once, so every register's form page reads and saves
 * its records alike.
 */
export function registerRecords<Row extends { id: string; version: number }, Create>(o: {
  key: QueryKey;
  changes: QueryKey;
  path: string;
  /** Where a delete is sent; `<path>/<id>` unless the register wants more (the version shown). */
  deletePath?: (row: Pick<Row, 'id' | 'version'>) => string;
}) {
  const deletePath = o.deletePath ?? ((row: Pick<Row, 'id'>) => `${o.path}/${row.id}`);
  return {
    useRecord: (id: string | null | undefined) => useRegisterRecord<Row>(o.key, o.path, id),
    useCreate: () => useRegisterChange(o.changes, (body: Create) => api.post<Row>(o.path, body)),
    useUpdate: (id: string) => useRegisterChange(o.changes, (body: Partial<Create> & { version: number }) => api.patch<Row>(`${o.path}/${id}`, body)),
    useDelete: () => useRegisterChange(o.changes, (row: Pick<Row, 'id' | 'version'>) => api.delete(deletePath(row))),
  };
}

export type RegisterRecords<Row extends { id: string; version: number }, Create> = ReturnType<typeof registerRecords<Row, Create>>;
