import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useReducer, useRef, useState } from 'react';
import type { z } from 'zod';
import type { AnswerResultSchema, AssessmentListSchema, ChecklistListSchema, ComparisonSchema, RecordDecisionRequestSchema, RecordEvaluationRequestSchema, TAnswerValue, TAssessment, TDecision, TDiagnosis, TEvaluation, TStage, TStagesOverview } from '../../shared/schemas/diagnosis.schema.ts';
import type { BudgetSchema, TDashboard, TReport, TRoadmap, TTask } from '../../shared/schemas/roadmap.schema.ts';
import type { TOrganisationProfile, TUpdateOrganisationProfileRequest } from '../../shared/schemas/organisation-profile.schema.ts';
import { api, queryString, toApiError, type ApiError } from '../api/api-client.ts';
import { TaskEditQueue, type TaskPatch } from './task-edit-queue.ts';

/**
 * The diagnosis module's API calls. Everything lives under one key: a change
 * anywhere (an answer, a decision, a task) refreshes every view of it, since
 * the diagnosis, gate, roadmap and dashboard all depend on each other.
 */
export const DIAGNOSIS_KEY = ['diagnosis'] as const;
const enc = encodeURIComponent;
const ROADMAP_PATH = '/api/v1/roadmap';

export type TChecklistList = z.infer<typeof ChecklistListSchema>;
export type TAssessmentList = z.infer<typeof AssessmentListSchema>;
export type TComparison = z.infer<typeof ComparisonSchema>;
export type TAnswerResult = z.infer<typeof AnswerResultSchema>;
export type TBudget = z.infer<typeof BudgetSchema>;

const get = <T,>(path: string) => ({ queryKey: [...DIAGNOSIS_KEY, path], queryFn: ({ signal }: { signal: AbortSignal }) => api.get<T>(path, signal) });

export const useProfile = () => useQuery(get<TOrganisationProfile>('/api/v1/organisation/profile'));
export const useDiagnosis = () => useQuery(get<TDiagnosis>('/api/v1/diagnosis'));
export const useChecklists = () => useQuery(get<TChecklistList>('/api/v1/diagnosis/checklists'));
export const useAssessment = (id: string) => useQuery(get<TAssessment>(`/api/v1/diagnosis/assessments/${id}`));
export const useAssessmentHistory = (checklistId?: string) => useQuery(get<TAssessmentList>(`/api/v1/diagnosis/assessments${queryString({ checklistId })}`));
export const useComparison = (id: string, withId: string | null) =>
  useQuery(get<TComparison>(`/api/v1/diagnosis/assessments/${id}/comparison${queryString({ with: withId })}`));
export const useStages = () => useQuery(get<TStagesOverview>('/api/v1/stages'));
export const useRoadmap = () => useQuery(get<TRoadmap>(ROADMAP_PATH));
export const useDashboard = () => useQuery(get<TDashboard>('/api/v1/dashboard'));
export const useReport = () => useQuery(get<TReport>('/api/v1/diagnosis/report'));

export const assessmentUrl = (id: string) => `/api/v1/diagnosis/assessments/${id}`;
export const answerEvidenceUrl = (assessmentId: string, itemId: string) => `${assessmentUrl(assessmentId)}/answers/${enc(itemId)}/evidence`;

/** Refreshes the module after any change. */
export function useRefreshDiagnosis() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: DIAGNOSIS_KEY });
}

function useChange<I, O>(fn: (input: I) => Promise<O>) {
  const refresh = useRefreshDiagnosis();
  return useMutation({ mutationFn: fn, onSuccess: () => void refresh() });
}

export const useUpdateProfile = () => useChange((input: TUpdateOrganisationProfileRequest) => api.patch<TOrganisationProfile>('/api/v1/organisation/profile', input));
export const useStartAssessment = () => useChange((input: { checklistId: string; carryOver?: boolean }) => api.post<TAssessment>('/api/v1/diagnosis/assessments', input));
export const useSubmitAssessment = () => useChange((input: { id: string; version: number }) => api.post<TAssessment>(`${assessmentUrl(input.id)}/submit`, { version: input.version }));
export const useDiscardAssessment = () => useChange((id: string) => api.delete(assessmentUrl(id)));
export const removeAnswerEvidence = (assessmentId: string, itemId: string, evidenceId: string) => api.delete(`${answerEvidenceUrl(assessmentId, itemId)}/${evidenceId}`);

/** One answer of a draft; the cached assessment takes the saved answer, the new score and version at once. */
export function useAnswer(assessmentId: string) {
  const client = useQueryClient();
  const key = [...DIAGNOSIS_KEY, assessmentUrl(assessmentId)];
  return useMutation({
    mutationFn: (input: { itemId: string; answer?: TAnswerValue | null; comment?: string | null; version: number }) =>
      api.patch<TAnswerResult>(`${assessmentUrl(assessmentId)}/answers/${enc(input.itemId)}`, { answer: input.answer, comment: input.comment, version: input.version }),
    onSuccess: (result) => {
      client.setQueryData<TAssessment>(key, (old) =>
        old ? { ...old, version: result.assessmentVersion, score: result.score, questions: old.questions.map((q) => (q.id === result.question.id ? result.question : q)) } : old,
      );
      // The other views (checklist list, dashboard) read it again when they are next shown.
      void client.invalidateQueries({ queryKey: DIAGNOSIS_KEY, predicate: (q) => q.queryKey[1] !== key[1] });
    },
  });
}

export const useRecordEvaluation = () => useChange((input: z.input<typeof RecordEvaluationRequestSchema>) => api.post<TEvaluation>('/api/v1/stages/evaluations', input));
export const useRecordDecision = () => useChange((input: z.input<typeof RecordDecisionRequestSchema>) => api.post<TDecision>('/api/v1/stages/decisions', input));

/**
 * The edits of one roadmap task, sent in order through a TaskEditQueue: the
 * row shows what is on its way (`pending`), the roadmap in the cache takes
 * each saved task at once, and the module is read again once the queue is
 * idle. A failed edit becomes `problem` (409: someone changed the task first).
 */
export function useTaskEdits(practiceItemId: string, task: TTask | null) {
  const client = useQueryClient();
  const refresh = useRefreshDiagnosis();
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const savedSinceRead = useRef(false);
  // Through the mutation cache, so a lapsed session or MFA policy is handled as for every other change.
  const create = useMutation({ mutationFn: (input: TaskPatch & { practiceItemId: string }) => api.post<TTask>(`${ROADMAP_PATH}/tasks`, input) });
  const update = useMutation({ mutationFn: ({ id, ...body }: TaskPatch & { id: string; version: number }) => api.patch<TTask>(`${ROADMAP_PATH}/tasks/${id}`, body) });
  const send = useRef({ create: create.mutateAsync, update: update.mutateAsync });
  send.current = { create: create.mutateAsync, update: update.mutateAsync };
  const [queue] = useState(
    () =>
      new TaskEditQueue(
        practiceItemId,
        {
          create: (input) => send.current.create(input),
          update: (input) => send.current.update(input),
        },
        {
          saved: (saved) => {
            savedSinceRead.current = true;
            client.setQueryData<TRoadmap>([...DIAGNOSIS_KEY, ROADMAP_PATH], (old) =>
              old ? { ...old, stages: old.stages.map((s) => ({ ...s, items: s.items.map((i) => (i.item.id === saved.practiceItemId ? { ...i, task: saved } : i)) })) } : old,
            );
          },
          failed: (error) => setProblem(toApiError(error)),
          changed: rerender,
        },
      ),
  );
  useEffect(() => queue.seen(task ? { id: task.id, version: task.version } : null), [queue, task?.id, task?.version]);
  const edit = (patch: TaskPatch) => {
    setProblem(null);
    void queue.edit(patch).then(() => {
      if (queue.busy || !savedSinceRead.current) return;
      savedSinceRead.current = false;
      void refresh();
    });
  };
  const reload = () => {
    setProblem(null);
    void refresh();
  };
  return { edit, pending: queue.pending(), problem, reload, dismiss: () => setProblem(null) };
}
export const removeTaskEvidence = (taskId: string, evidenceId: string) => api.delete(`/api/v1/roadmap/tasks/${taskId}/evidence/${evidenceId}`);
export const useSetBudget = () => useChange((input: { stage: TStage; budgetYen: number; version: number }) => api.patch<TBudget>('/api/v1/roadmap/budget', input));

export const reportExportUrl = (format: 'json' | 'pdf', lang: 'ja' | 'en') => `/api/v1/diagnosis/report/export${queryString({ format, lang })}`;
