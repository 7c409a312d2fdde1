import { type QueryKey, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TImport, TImportIssuePage, TValidateImportRequest } from '../../../shared/schemas/import.schema.ts';
import { api, queryString } from '../../api/api-client.ts';
import { currentLocale } from '../../i18n/i18n.ts';

/*
 * A register's imports at `base` (e.g. `/api/v1/asset-imports`; one import is
 * `<base>/:id`), cached under `['imports', base]`. Import answers carry
 * messages the server translated (problems, row errors): their query keys
 * include the language, so switching language asks again.
 */

const importsKey = (base: string) => ['imports', base] as const;

export function useRecentImports<I extends TImport>(base: string) {
  const locale = currentLocale();
  return useQuery({ queryKey: [...importsKey(base), 'recent', locale], queryFn: ({ signal }) => api.items<I>(base, signal) });
}

/** One import, asked again every half second while its job runs (the progress bar). */
export function useImport<I extends TImport>(base: string, id: string | undefined) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...importsKey(base), 'one', id, locale],
    queryFn: ({ signal }) => api.get<I>(`${base}/${id}`, signal),
    enabled: !!id,
    // A job may move it on at any moment (another tab, another instance).
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && ['validating', 'committing'].includes(q.state.data.status) ? 500 : false),
  });
}

export function useImportIssues(base: string, id: string | undefined, enabled: boolean) {
  const locale = currentLocale();
  return useInfiniteQuery({
    queryKey: [...importsKey(base), 'issues', id, locale],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) => api.get<TImportIssuePage>(`${base}/${id}/issues${queryString({ cursor: pageParam, limit: 100 })}`, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id && enabled,
  });
}

/** Sends the file as multipart/form-data (the server detects format and encoding and answers a translated problem). */
export function uploadImport<I extends TImport>(base: string, file: File): Promise<I> {
  return api.upload<I>(base, file);
}

type Steps = { validate: TValidateImportRequest; commit: { version: number }; cancel: { version: number } };

/** One step of an import; a commit also refreshes `refreshes` (the register's lists and summaries). */
export function useImportStep<S extends keyof Steps>(base: string, step: S, refreshes?: QueryKey) {
  const client = useQueryClient();
  const key = importsKey(base);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Steps[S] }) => api.post<TImport>(`${base}/${id}/${step}`, body),
    onSuccess: (imp) => {
      client.setQueryData([...key, 'one', imp.id, currentLocale()], imp);
      // The same import cached in the other language is now out of date.
      void client.invalidateQueries({ queryKey: [...key, 'one', imp.id], predicate: (q) => q.queryKey[4] !== currentLocale() });
      void client.invalidateQueries({ queryKey: [...key, 'issues', imp.id] });
      void client.invalidateQueries({ queryKey: [...key, 'recent'] });
      if (imp.status === 'committed' && refreshes) void client.invalidateQueries({ queryKey: refreshes });
    },
  });
}
