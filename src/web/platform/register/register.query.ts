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
