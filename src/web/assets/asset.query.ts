import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssetHistorySchema,
  AssetImportIssuePageSchema,
  TAsset,
  TAssetChoices,
  TAssetImport,
  TAssetListQuery,
  TAssetPage,
  TAssetSummary,
  TCreateAssetRequest,
} from '../../shared/schemas/asset.schema.ts';
import { api, queryString } from '../api/api-client.ts';
import { currentLocale } from '../i18n/i18n.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type TAssetHistory = z.infer<typeof AssetHistorySchema>;
export type TImportIssuePage = z.infer<typeof AssetImportIssuePageSchema>;
export type AssetFilters = Omit<TAssetListQuery, 'cursor' | 'limit'>;

export const ASSETS_KEY = ['assets'] as const;
export const IMPORTS_KEY = ['asset-imports'] as const;

/** The inventory in keyset pages of 50; the count comes with the first page only. */
export function useAssetList(filters: AssetFilters) {
  return useInfiniteQuery({
    queryKey: [...ASSETS_KEY, 'list', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<TAssetPage>(`/api/v1/assets${queryString({ ...(filters as Record<string, string>), cursor: pageParam, limit: 50 })}`, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One asset, and its create, update (the version the form showed: if someone saved meanwhile the server answers 409) and delete (with the version too). */
export const assetRecords = registerRecords<TAsset, TCreateAssetRequest>({
  key: [...ASSETS_KEY, 'one'],
  changes: ASSETS_KEY,
  path: '/api/v1/assets',
  deletePath: (a) => `/api/v1/assets/${a.id}?version=${a.version}`,
});

export function useAssetHistory(id: string | undefined) {
  return useQuery({
    queryKey: [...ASSETS_KEY, 'history', id],
    queryFn: ({ signal }) => api.get<TAssetHistory>(`/api/v1/assets/${id}/history`, signal),
    enabled: !!id,
  });
}

export function useAssetSummary() {
  return useQuery({ queryKey: [...ASSETS_KEY, 'summary'], queryFn: ({ signal }) => api.get<TAssetSummary>('/api/v1/assets/summary', signal) });
}

export function useAssetChoices() {
  return useQuery({ queryKey: [...ASSETS_KEY, 'choices'], queryFn: ({ signal }) => api.get<TAssetChoices>('/api/v1/assets/choices', signal), staleTime: 5 * 60_000 });
}

function useInvalidateAssets() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ASSETS_KEY });
}

export type BulkChange = Partial<Pick<TCreateAssetRequest, 'ownerUserId' | 'rank' | 'assetClassId' | 'informationGroupId' | 'riskCategoryId' | 'sensitivity' | 'confidentiality' | 'containsPersonalData'>>;

export function useBulkUpdate() {
  const invalidate = useInvalidateAssets();
  return useMutation({
    mutationFn: (body: { items: { id: string; version: number }[]; set: BulkChange }) => api.post<{ updated: number; items: TAsset[] }>('/api/v1/assets/bulk-update', body),
    onSettled: invalidate,
  });
}

/* ---------------------------------------------------------------- imports */

/*
 * Import answers carry messages the server translated (problems, row errors):
 * their query keys include the language, so switching language asks again.
 */

export function useRecentImports() {
  const locale = currentLocale();
  return useQuery({ queryKey: [...IMPORTS_KEY, 'recent', locale], queryFn: ({ signal }) => api.items<TAssetImport>('/api/v1/asset-imports', signal) });
}

/** One import, asked again every half second while its job runs (the progress bar). */
export function useAssetImport(id: string | undefined) {
  const locale = currentLocale();
  return useQuery({
    queryKey: [...IMPORTS_KEY, 'one', id, locale],
    queryFn: ({ signal }) => api.get<TAssetImport>(`/api/v1/asset-imports/${id}`, signal),
    enabled: !!id,
    // A job may move it on at any moment (another tab, another instance).
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && ['validating', 'committing'].includes(q.state.data.status) ? 500 : false),
  });
}

export function useImportIssues(id: string | undefined, enabled: boolean) {
  const locale = currentLocale();
  return useInfiniteQuery({
    queryKey: [...IMPORTS_KEY, 'issues', id, locale],
    initialPageParam: 0,
    queryFn: ({ pageParam, signal }) => api.get<TImportIssuePage>(`/api/v1/asset-imports/${id}/issues${queryString({ cursor: pageParam, limit: 100 })}`, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!id && enabled,
  });
}

/** Sends the file as multipart/form-data (the server detects format and encoding and answers a translated problem). */
export function uploadAssetImport(file: File): Promise<TAssetImport> {
  return api.upload<TAssetImport>('/api/v1/asset-imports', file);
}

function useImportStep<B>(path: (id: string) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api.post<TAssetImport>(path(id), body),
    onSuccess: (imp) => {
      client.setQueryData([...IMPORTS_KEY, 'one', imp.id, currentLocale()], imp);
      // The same import cached in the other language is now out of date.
      void client.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'one', imp.id], predicate: (q) => q.queryKey[3] !== currentLocale() });
      void client.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'issues', imp.id] });
      void client.invalidateQueries({ queryKey: [...IMPORTS_KEY, 'recent'] });
      if (imp.status === 'committed') void client.invalidateQueries({ queryKey: ASSETS_KEY });
    },
  });
}

export const useValidateImport = () => useImportStep<{ mapping: Record<string, string | null>; version: number }>((id) => `/api/v1/asset-imports/${id}/validate`);
export const useCommitImport = () => useImportStep<{ version: number }>((id) => `/api/v1/asset-imports/${id}/commit`);
export const useCancelImport = () => useImportStep<{ version: number }>((id) => `/api/v1/asset-imports/${id}/cancel`);
