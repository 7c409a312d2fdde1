import { useQuery } from '@tanstack/react-query';
import type { TCreateIamAccountRequest, TCreateLogSourceRequest, TIamAccount, TIamReview, TLogSource, TLogSourceList } from '../../shared/governance/access-logs.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type { TIamAccount, TIamReview, TLogSource, TLogSourceList };

const ACCOUNTS_KEY = ['iam-accounts'] as const;
const LOGS_KEY = ['log-sources'] as const;

export const useIamReview = () => useQuery({ queryKey: [...ACCOUNTS_KEY, 'review'], queryFn: ({ signal }) => api.get<TIamReview>('/api/v1/iam-accounts', signal) });
export const useLogSources = () => useQuery({ queryKey: [...LOGS_KEY, 'list'], queryFn: ({ signal }) => api.get<TLogSourceList>('/api/v1/log-sources', signal) });

export const accountRecords = registerRecords<TIamAccount, TCreateIamAccountRequest>({ key: [...ACCOUNTS_KEY, 'record'], changes: ACCOUNTS_KEY, path: '/api/v1/iam-accounts' });
export const logRecords = registerRecords<TLogSource, TCreateLogSourceRequest>({ key: [...LOGS_KEY, 'record'], changes: LOGS_KEY, path: '/api/v1/log-sources' });
