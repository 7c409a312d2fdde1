import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCorrectiveAction, TCreateCorrectiveActionRequest } from '../../shared/operations/corrective-action.schema.ts';
import type { z } from 'zod';
import type { InspectionListSchema, InspectionTemplatesSchema, ReminderListSchema, TCalendarEntry, TCalendarFeed, TCompleteInspectionRequest, TReminderSettings, TCreateInspectionRequest, TInspection } from '../../shared/operations/operation.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TInspection };

/** Inspections, their completions and the member's reminders: a change refreshes them all. */
const OPERATIONS_KEY = ['operations'] as const;

export function useInspections() {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'list'], queryFn: ({ signal }) => api.get<z.infer<typeof InspectionListSchema>>('/api/v1/inspections', signal) });
}
export function useReminders() {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'reminders'], queryFn: ({ signal }) => api.get<z.infer<typeof ReminderListSchema>>('/api/v1/reminders', signal) });
}
export function useInspectionTemplates() {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'templates'], queryFn: ({ signal }) => api.get<z.infer<typeof InspectionTemplatesSchema>>('/api/v1/inspection-templates', signal) });
}
export const inspectionRecords = registerRecords<TInspection, TCreateInspectionRequest>({ key: [...OPERATIONS_KEY, 'record'], changes: OPERATIONS_KEY, path: '/api/v1/inspections' });
export const useCompleteInspection = (id: string) => useRegisterChange(OPERATIONS_KEY, (body: TCompleteInspectionRequest) => api.post<TInspection>(`/api/v1/inspections/${id}/completions`, body));
export function useReminderSettings() {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'settings'], queryFn: ({ signal }) => api.get<TReminderSettings>('/api/v1/reminder-settings', signal) });
}
export const useSaveReminderSettings = () => useRegisterChange(OPERATIONS_KEY, (body: { email: boolean; version: number | null }) => api.patch<TReminderSettings>('/api/v1/reminder-settings', body));

export type { TCorrectiveAction };
export function useCorrectiveActions() {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'actions'], queryFn: ({ signal }) => api.get<{ items: TCorrectiveAction[] }>('/api/v1/corrective-actions', signal) });
}
export const actionRecords = registerRecords<TCorrectiveAction, TCreateCorrectiveActionRequest>({ key: [...OPERATIONS_KEY, 'action'], changes: OPERATIONS_KEY, path: '/api/v1/corrective-actions' });
export const useMoveAction = (id: string) => useRegisterChange(OPERATIONS_KEY, (body: { to: TCorrectiveAction['phase']; version: number }) => api.post<TCorrectiveAction>(`/api/v1/corrective-actions/${id}/phase`, body));
export const removeActionEvidence = (id: string, evidenceId: string) => api.delete(`/api/v1/corrective-actions/${id}/evidence/${evidenceId}`);
/** After an evidence file came or went: the action and the lists read again. */
export function useOperationsRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: OPERATIONS_KEY });
}
export function useCalendarFeed() {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'feed'], queryFn: ({ signal }) => api.get<TCalendarFeed>('/api/v1/calendar-feed', signal) });
}
export const useCreateCalendarFeed = () => useRegisterChange(OPERATIONS_KEY, () => api.post<{ url: string; createdAt: string }>('/api/v1/calendar-feed', {}));
export const useRevokeCalendarFeed = () => useRegisterChange(OPERATIONS_KEY, () => api.delete('/api/v1/calendar-feed'));
export function useCalendarEntries(days = 90) {
  return useQuery({ queryKey: [...OPERATIONS_KEY, 'calendar', days], queryFn: ({ signal }) => api.get<{ items: TCalendarEntry[] }>(`/api/v1/calendar-entries?days=${days}`, signal) });
}
