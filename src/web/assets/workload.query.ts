import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { WorkloadListSchema } from '../../shared/schemas/workload.schema.ts';
import type { TCreateWorkloadRequest, TWorkload, TWorkloadReference } from '../../shared/schemas/workload.schema.ts';
import { api, queryString } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type { TWorkload, TWorkloadReference };
export type TWorkloadList = z.infer<typeof WorkloadListSchema>;

/** Workloads and systems link to each other and to assets: a change refreshes the whole portfolio. */
export const PORTFOLIO_KEY = ['portfolio'] as const;
const WORKLOADS_KEY = [...PORTFOLIO_KEY, 'workloads'] as const;

export function useWorkloads() {
  return useQuery({
    queryKey: WORKLOADS_KEY,
    queryFn: ({ signal }) => api.get<TWorkloadList>('/api/v1/workloads', signal),
  });
}

/** One workload, and its create, update (the version the page showed: a concurrent change gets 409) and delete. */
export const workloadRecords = registerRecords<TWorkload, TCreateWorkloadRequest>({ key: WORKLOADS_KEY, changes: PORTFOLIO_KEY, path: '/api/v1/workloads' });

export function useWorkloadReference() {
  return useQuery({
    queryKey: [...PORTFOLIO_KEY, 'workload-reference'],
    queryFn: ({ signal }) => api.get<TWorkloadReference>('/api/v1/workload-reference', signal),
    staleTime: 5 * 60_000,
  });
}

export interface AssetChoice {
  id: string;
  name: string;
  rank: string;
}

/** Assets of the inventory matching `q`, for the pickers (the inventory's own list API). */
export function useAssetChoices(q: string) {
  return useQuery({
    queryKey: ['assets', 'choices', q],
    queryFn: async ({ signal }) =>
      (await api.items<AssetChoice>(`/api/v1/assets${queryString({ q: q.trim() || undefined, limit: 50, sort: 'name' })}`, signal)).map((a) => ({
        id: a.id,
        name: a.name,
        rank: a.rank,
      })),
    staleTime: 30_000,
  });
}
