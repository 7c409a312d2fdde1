import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SystemListSchema, TCreateSystemRequest, TPortfolio, TSystem, TUpdateSystemRequest } from '../../shared/schemas/system.schema.ts';
import { api } from '../api/api-client.ts';
import { PORTFOLIO_KEY } from './workload.query.ts';

export type { TPortfolio, TSystem };
export type TSystemList = z.infer<typeof SystemListSchema>;

const SYSTEMS_KEY = [...PORTFOLIO_KEY, 'systems'] as const;

export function useSystems() {
  return useQuery({
    queryKey: SYSTEMS_KEY,
    queryFn: ({ signal }) => api.get<TSystemList>('/api/v1/systems', signal),
  });
}

export function useSystem(id: string | null) {
  return useQuery({
    queryKey: [...SYSTEMS_KEY, id],
    queryFn: ({ signal }) => api.get<TSystem>(`/api/v1/systems/${id}`, signal),
    enabled: !!id,
  });
}

/** The strategy by criticality chart, the placement view and the 7 Rs (also the labels of the system form). */
export function usePortfolio() {
  return useQuery({
    queryKey: [...PORTFOLIO_KEY, 'summary'],
    queryFn: ({ signal }) => api.get<TPortfolio>('/api/v1/portfolio', signal),
  });
}

export function useCreateSystem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateSystemRequest) => api.post<TSystem>('/api/v1/systems', body),
    onSuccess: () => client.invalidateQueries({ queryKey: PORTFOLIO_KEY }),
  });
}

export function useUpdateSystem(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateSystemRequest) => api.patch<TSystem>(`/api/v1/systems/${id}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: PORTFOLIO_KEY }),
  });
}

export function useDeleteSystem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (record: { id: string }) => api.delete(`/api/v1/systems/${record.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: PORTFOLIO_KEY }),
  });
}
