import { useQuery } from '@tanstack/react-query';
import type { TCreateRaciTaskRequest, TRaciMatrix, TRaciTask } from '../../shared/governance/raci.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TRaciMatrix, TRaciTask };

/** The matrix and its tasks: any change reads the whole matrix again (its columns and summary follow every row). */
const RACI_KEY = ['raci'] as const;

export function useRaciMatrix() {
  return useQuery({ queryKey: [...RACI_KEY, 'matrix'], queryFn: ({ signal }) => api.get<TRaciMatrix>('/api/v1/raci-tasks', signal) });
}

export const raciRecords = registerRecords<TRaciTask, TCreateRaciTaskRequest>({ key: [...RACI_KEY, 'task'], changes: RACI_KEY, path: '/api/v1/raci-tasks' });
export const useAddRaciTemplate = () => useRegisterChange(RACI_KEY, () => api.post<TRaciMatrix>('/api/v1/raci-tasks/template', {}));
