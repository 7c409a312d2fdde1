import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SystemListSchema, TCreateSystemRequest, TPortfolio, TSystem, TUpdateSystemRequest } from '../../shared/schemas/system.schema.ts';
import { api } from '../api/api-client.ts';
import { useRegisterChange, useRegisterRecord } from '../platform/register/register.query.ts';
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

export const useSystem = (id: string | null) => useRegisterRecord<TSystem>(SYSTEMS_KEY, '/api/v1/systems', id);

/** The strategy by criticality chart, the placement view and the 7 Rs (also the labels of the system form). */
export function usePortfolio() {
  return useQuery({
    queryKey: [...PORTFOLIO_KEY, 'summary'],
    queryFn: ({ signal }) => api.get<TPortfolio>('/api/v1/portfolio', signal),
  });
}

export const useCreateSystem = () => useRegisterChange(PORTFOLIO_KEY, (body: TCreateSystemRequest) => api.post<TSystem>('/api/v1/systems', body));

export const useUpdateSystem = (id: string) => useRegisterChange(PORTFOLIO_KEY, (body: TUpdateSystemRequest) => api.patch<TSystem>(`/api/v1/systems/${id}`, body));

export const useDeleteSystem = () => useRegisterChange(PORTFOLIO_KEY, (record: { id: string }) => api.delete(`/api/v1/systems/${record.id}`));
