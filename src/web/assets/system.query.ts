import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SystemListSchema, TCreateSystemRequest, TPortfolio, TSystem } from '../../shared/schemas/system.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';
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

/** One system, and its create, update and delete: a change refreshes the whole portfolio. */
export const systemRecords = registerRecords<TSystem, TCreateSystemRequest>({ key: SYSTEMS_KEY, changes: PORTFOLIO_KEY, path: '/api/v1/systems' });

/** The strategy by criticality chart, the placement view and the 7 Rs (also the labels of the system form). */
export function usePortfolio() {
  return useQuery({
    queryKey: [...PORTFOLIO_KEY, 'summary'],
    queryFn: ({ signal }) => api.get<TPortfolio>('/api/v1/portfolio', signal),
  });
}
