import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TEscalation, TSaveEscalationRequest } from '../../shared/incidents/escalation.schema.ts';
import type { DetectionCategoriesSchema, IncidentListSchema, TAddActionRequest, TAddFindingRequest, TCreateIncidentRequest, TIncident, TSaveReportDraftRequest } from '../../shared/incidents/incident.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TIncident };

/** Incidents, their timelines and deadlines: a change refreshes them all. */
const INCIDENTS_KEY = ['incidents'] as const;

export function useIncidents() {
  return useQuery({ queryKey: [...INCIDENTS_KEY, 'list'], queryFn: ({ signal }) => api.get<z.infer<typeof IncidentListSchema>>('/api/v1/incidents', signal) });
}
export function useDetectionCategories() {
  return useQuery({ queryKey: [...INCIDENTS_KEY, 'detection'], queryFn: ({ signal }) => api.get<z.infer<typeof DetectionCategoriesSchema>>('/api/v1/incident-detection-categories', signal) });
}
export const incidentRecords = registerRecords<TIncident, TCreateIncidentRequest>({ key: [...INCIDENTS_KEY, 'record'], changes: INCIDENTS_KEY, path: '/api/v1/incidents' });
export const useAddAction = (incidentId: string) => useRegisterChange(INCIDENTS_KEY, (body: TAddActionRequest) => api.post<TIncident>(`/api/v1/incidents/${incidentId}/actions`, body));
export const useRemoveAction = (incidentId: string) => useRegisterChange(INCIDENTS_KEY, (actionId: string) => api.delete<TIncident>(`/api/v1/incidents/${incidentId}/actions/${actionId}`));
export const useSaveReportDraft = (incidentId: string) => useRegisterChange(INCIDENTS_KEY, (body: TSaveReportDraftRequest) => api.patch<TIncident>(`/api/v1/incidents/${incidentId}/report-drafts`, body));
export const useAddFinding = (incidentId: string) => useRegisterChange(INCIDENTS_KEY, (body: TAddFindingRequest) => api.post<TIncident>(`/api/v1/incidents/${incidentId}/findings`, body));
export function useEscalation(incidentId: string) {
  return useQuery({ queryKey: [...INCIDENTS_KEY, 'escalation', incidentId], queryFn: ({ signal }) => api.get<TEscalation>(`/api/v1/incidents/${incidentId}/escalation`, signal) });
}
export const useSaveEscalation = (incidentId: string) => useRegisterChange(INCIDENTS_KEY, (body: TSaveEscalationRequest) => api.patch<TEscalation>(`/api/v1/incidents/${incidentId}/escalation`, body));
export const useMoveEscalation = (incidentId: string) => useRegisterChange(INCIDENTS_KEY, (body: { to: TEscalation['status']; version: number }) => api.post<TEscalation>(`/api/v1/incidents/${incidentId}/escalation/status`, body));
