import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AssetHistorySchema,
  TAsset,
  TAssetChoices,
  TAssetListQuery,
  TAssetPage,
  TAssetSummary,
  TCreateAssetRequest,
} from '../../shared/schemas/asset.schema.ts';
import { api, queryString } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type TAssetHistory = z.infer<typeof AssetHistorySchema>;
export type AssetFilters = Omit<TAssetListQuery, 'cursor' | 'limit'>;

export const ASSETS_KEY = ['assets'] as const;

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
