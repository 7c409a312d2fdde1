import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TControlAssessment, TControlSets, TCreateControlAssessmentRequest } from '../../shared/governance/control.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type { TControlAssessment, TControlSets };

/** The sets and their judgements: any change (a judgement, an evidence file) reads the sets again. */
const CONTROLS_KEY = ['controls'] as const;

export function useControlSets() {
  return useQuery({ queryKey: [...CONTROLS_KEY, 'sets'], queryFn: ({ signal }) => api.get<TControlSets>('/api/v1/controls', signal) });
}

export const controlRecords = registerRecords<TControlAssessment, TCreateControlAssessmentRequest>({ key: [...CONTROLS_KEY, 'assessment'], changes: CONTROLS_KEY, path: '/api/v1/control-assessments' });

/** Reads the sets again after an evidence file came or went. */
export function useRefreshControls() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: CONTROLS_KEY });
}
