import { useQuery } from '@tanstack/react-query';
import type { TCreateDataStoreRequest, TDataStore, TDataStoreList } from '../../shared/governance/data-store.schema.ts';
import { api, queryString } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TDataStore, TDataStoreList };

const STORES_KEY = ['data-stores'] as const;

export function useDataStores() {
  return useQuery({ queryKey: [...STORES_KEY, 'list'], queryFn: ({ signal }) => api.get<TDataStoreList>('/api/v1/data-stores', signal) });
}

export const storeRecords = registerRecords<TDataStore, TCreateDataStoreRequest>({ key: [...STORES_KEY, 'record'], changes: STORES_KEY, path: '/api/v1/data-stores' });

type AssetHit = { id: string; name: string; confidentiality: 'high' | 'medium' | 'low' | null; containsPersonalData: boolean };

/** The inventory's assets whose name matches, for the store's picker (the first 20). */
export function useAssetSearch(q: string) {
  return useQuery({
    queryKey: ['assets', 'search', q],
    queryFn: ({ signal }) => api.get<{ items: AssetHit[] }>(`/api/v1/assets${queryString({ q, limit: 20 })}`, signal),
    placeholderData: (previous) => previous,
  });
}

/** Opens the store's gaps as corrective actions; the store (and its list) are read again. */
export const useOpenStoreFindings = (id: string) => useRegisterChange(STORES_KEY, (body: { version: number }) => api.post<TDataStore>(`/api/v1/data-stores/${id}/findings`, body));
