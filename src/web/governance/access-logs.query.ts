import { useQuery } from '@tanstack/react-query';
import type { TCreateIamAccountRequest, TCreateLogSourceRequest, TFindingAction, TIamAccount, TIamReview, TLogSource, TLogSourceList } from '../../shared/governance/access-logs.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TIamAccount, TIamReview, TLogSource, TLogSourceList };

const ACCOUNTS_KEY = ['iam-accounts'] as const;
const LOGS_KEY = ['log-sources'] as const;

export const useIamReview = () => useQuery({ queryKey: [...ACCOUNTS_KEY, 'review'], queryFn: ({ signal }) => api.get<TIamReview>('/api/v1/iam-accounts', signal) });
export const useLogSources = () => useQuery({ queryKey: [...LOGS_KEY, 'list'], queryFn: ({ signal }) => api.get<TLogSourceList>('/api/v1/log-sources', signal) });

export const accountRecords = registerRecords<TIamAccount, TCreateIamAccountRequest>({ key: [...ACCOUNTS_KEY, 'record'], changes: ACCOUNTS_KEY, path: '/api/v1/iam-accounts' });
export const logRecords = registerRecords<TLogSource, TCreateLogSourceRequest>({ key: [...LOGS_KEY, 'record'], changes: LOGS_KEY, path: '/api/v1/log-sources' });

/** Opens one of the account's findings as a corrective action; the account (and the review) are read again. */
export const useOpenAccountFinding = (id: string) =>
  useRegisterChange(ACCOUNTS_KEY, (body: { finding: TIamAccount['findings'][number]; version: number }) => api.post<TIamAccount>(`/api/v1/iam-accounts/${id}/findings`, body));
/** Opens one of the log source's findings as a corrective action; the source (and the list) are read again. */
export const useOpenLogFinding = (id: string) => useRegisterChange(LOGS_KEY, (body: { finding: TLogSource['findings'][number]; version: number }) => api.post<TLogSource>(`/api/v1/log-sources/${id}/findings`, body));

/** The open action answering each finding of a record, by finding. */
export function openActionsByFinding(actions: readonly TFindingAction[]): Map<string, TFindingAction> {
  return new Map(actions.filter((a) => a.finding && a.phase !== 'closed').map((a) => [a.finding!, a]));
}
