import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ContractListSchema, TContract, TCreateContractRequest } from '../../shared/providers/contract.schema.ts';
import type { ProviderListSchema, TCreateProviderRequest, TEvaluation, TProvider, TProviderReferenceList, TSaveEvaluationRequest } from '../../shared/providers/provider.schema.ts';
import type { TRequirements, TSaveRequirementsRequest } from '../../shared/providers/requirements.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TContract, TEvaluation, TProvider, TProviderReferenceList, TRequirements };

/** Providers, evaluations, contracts and comparisons depend on each other: a change refreshes them all. */
const PROVIDERS_KEY = ['providers'] as const;

export function useProviders() {
  return useQuery({ queryKey: [...PROVIDERS_KEY, 'list'], queryFn: ({ signal }) => api.get<z.infer<typeof ProviderListSchema>>('/api/v1/providers', signal) });
}
export function useProviderReferences() {
  return useQuery({ queryKey: [...PROVIDERS_KEY, 'references'], queryFn: ({ signal }) => api.get<TProviderReferenceList>('/api/v1/provider-references', signal) });
}
export const providerRecords = registerRecords<TProvider, TCreateProviderRequest>({ key: [...PROVIDERS_KEY, 'record'], changes: PROVIDERS_KEY, path: '/api/v1/providers' });
export const useCopyReference = () => useRegisterChange(PROVIDERS_KEY, (body: TCreateProviderRequest) => api.post<TProvider>('/api/v1/providers', body));

export function useEvaluation(providerId: string) {
  return useQuery({ queryKey: [...PROVIDERS_KEY, 'evaluation', providerId], queryFn: ({ signal }) => api.get<TEvaluation>(`/api/v1/providers/${providerId}/evaluation`, signal) });
}
export const useSaveEvaluation = (providerId: string) => useRegisterChange(PROVIDERS_KEY, (body: TSaveEvaluationRequest) => api.patch<TEvaluation>(`/api/v1/providers/${providerId}/evaluation`, body));

export function useContracts() {
  return useQuery({ queryKey: [...PROVIDERS_KEY, 'contracts'], queryFn: ({ signal }) => api.get<z.infer<typeof ContractListSchema>>('/api/v1/contracts', signal) });
}
export const contractRecords = registerRecords<TContract, TCreateContractRequest>({ key: [...PROVIDERS_KEY, 'contract'], changes: PROVIDERS_KEY, path: '/api/v1/contracts' });

export function useRequirements(workloadId: string | null) {
  return useQuery({
    queryKey: [...PROVIDERS_KEY, 'requirements', workloadId],
    queryFn: ({ signal }) => api.get<TRequirements>(`/api/v1/workloads/${workloadId}/requirements`, signal),
    enabled: !!workloadId,
  });
}
export const useSaveRequirements = (workloadId: string) =>
  useRegisterChange(PROVIDERS_KEY, (body: TSaveRequirementsRequest) => api.patch<TRequirements>(`/api/v1/workloads/${workloadId}/requirements`, body));
