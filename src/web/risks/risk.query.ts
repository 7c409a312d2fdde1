import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  InsurancePolicyListSchema,
  RiskPageSchema,
  TCreateInsurancePolicyRequest,
  TCreateRiskRequest,
  TInsurancePolicy,
  TRisk,
  TRiskAnalysis,
  TRiskScale,
  TRiskScaleBody,
  TThreatLists,
} from '../../shared/risks/risk.schema.ts';
import type { TCreateThreatAssessmentRequest, TThreatAssessment, TThreatAssessmentView, TUpdateThreatAssessmentRequest } from '../../shared/risks/threat-assessment.schema.ts';
import { api, queryString } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TInsurancePolicy, TRisk, TRiskAnalysis, TRiskScale, TRiskScaleBody, TThreatAssessmentView, TThreatLists };
export type TRiskPage = z.infer<typeof RiskPageSchema>;

/** Risks, policies and the analysis depend on each other: a change refreshes all three. */
const RISKS_KEY = ['risks'] as const;
const POLICIES_KEY = [...RISKS_KEY, 'insurance-policies'] as const;

export function useRisks(filter: { treatment?: string }) {
  return useQuery({
    queryKey: [...RISKS_KEY, 'list', filter],
    queryFn: ({ signal }) => api.get<TRiskPage>(`/api/v1/risks${queryString({ sort: 'residual', dir: 'desc', limit: 200, treatment: filter.treatment })}`, signal),
  });
}

/** A risk's record hooks; a change refreshes the register, the policies and the analysis. */
export const riskRecords = registerRecords<TRisk, TCreateRiskRequest>({ key: [...RISKS_KEY, 'record'], changes: RISKS_KEY, path: '/api/v1/risks' });
export const useReviewRisk = (id: string) => useRegisterChange(RISKS_KEY, (body: { version: number }) => api.post<TRisk>(`/api/v1/risks/${id}/reviews`, body));
export const useAcceptRisk = (id: string) =>
  useRegisterChange(RISKS_KEY, (body: { version: number; rationale: string; expiresOn: string }) => api.post<TRisk>(`/api/v1/risks/${id}/acceptance`, body));

export function useThreatLists() {
  return useQuery({ queryKey: [...RISKS_KEY, 'threats'], queryFn: ({ signal }) => api.get<TThreatLists>('/api/v1/risk-threats', signal), staleTime: 5 * 60_000 });
}

export function useRiskAnalysis() {
  return useQuery({ queryKey: [...RISKS_KEY, 'analysis'], queryFn: ({ signal }) => api.get<TRiskAnalysis>('/api/v1/risk-analysis', signal) });
}

export function usePolicies() {
  return useQuery({ queryKey: POLICIES_KEY, queryFn: ({ signal }) => api.get<z.infer<typeof InsurancePolicyListSchema>>('/api/v1/insurance-policies', signal) });
}
export const policyRecords = registerRecords<TInsurancePolicy, TCreateInsurancePolicyRequest>({ key: POLICIES_KEY, changes: RISKS_KEY, path: '/api/v1/insurance-policies' });

/** The organisation's risk scale; saving it rescores every risk, so the register and the analysis are refreshed with it. */
export function useRiskScale() {
  return useQuery({ queryKey: [...RISKS_KEY, 'scale'], queryFn: ({ signal }) => api.get<TRiskScale>('/api/v1/risk-scale', signal) });
}
export const useUpdateRiskScale = () => useRegisterChange(RISKS_KEY, (body: { scale: TRiskScaleBody; version: number | null }) => api.patch<TRiskScale>('/api/v1/risk-scale', body));

/** A year's threat list with the organisation's judgements (the newest list when no year is chosen). */
export function useThreatAssessments(year: number | null) {
  return useQuery({
    queryKey: [...RISKS_KEY, 'threat-assessments', year],
    queryFn: ({ signal }) => api.get<TThreatAssessmentView>(`/api/v1/threat-assessments${queryString({ year })}`, signal),
  });
}
/** The first judgement of a threat, or a change of it at the version shown (a concurrent change gets 409). */
export const useSaveThreatAssessment = () =>
  useRegisterChange(RISKS_KEY, (v: { id: string; body: TUpdateThreatAssessmentRequest } | { id: null; body: TCreateThreatAssessmentRequest }) =>
    v.id === null ? api.post<TThreatAssessment>('/api/v1/threat-assessments', v.body) : api.patch<TThreatAssessment>(`/api/v1/threat-assessments/${v.id}`, v.body),
  );
