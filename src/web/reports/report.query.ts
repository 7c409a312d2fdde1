import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TManagementReport, TManagementReportList, TOverview } from '../../shared/reports/overview.schema.ts';
import { OSCAL_STATUS_URL, type TOscalStatus } from '../../shared/reports/oscal.schema.ts';
import { api } from '../api/api-client.ts';

export type { TManagementReport, TManagementReportList, TOverview };

const REPORTS_KEY = ['reports'] as const;

export const useOverview = () => useQuery({ queryKey: [...REPORTS_KEY, 'overview'], queryFn: ({ signal }) => api.get<TOverview>('/api/v1/reports/overview', signal) });
export const useOscalStatus = () => useQuery({ queryKey: [...REPORTS_KEY, 'oscal'], queryFn: ({ signal }) => api.get<TOscalStatus>(OSCAL_STATUS_URL, signal) });
export const useManagementReports = () => useQuery({ queryKey: [...REPORTS_KEY, 'management'], queryFn: ({ signal }) => api.get<TManagementReportList>('/api/v1/management-reports', signal) });
export const useManagementReport = (id: string) =>
  useQuery({ queryKey: [...REPORTS_KEY, 'management', id], queryFn: ({ signal }) => api.get<TManagementReport>(`/api/v1/management-reports/${id}`, signal) });

/** Issues the next report; the list is read again. */
export function useIssueReport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TManagementReport>('/api/v1/management-reports'),
    onSuccess: () => client.invalidateQueries({ queryKey: REPORTS_KEY }),
  });
}

export const reportPdfUrl = (id: string, lang: 'ja' | 'en') => `/api/v1/management-reports/${id}/pdf?lang=${lang}`;
