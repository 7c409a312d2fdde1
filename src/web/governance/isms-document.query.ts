import { useQuery } from '@tanstack/react-query';
import type { TCreateIsmsDocumentRequest, TIsmsDocument, TIsmsDocumentList } from '../../shared/governance/isms-document.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type { TIsmsDocument, TIsmsDocumentList };

/** The registry and its documents: a change reads the list (its summary and coverage) again. */
const DOCUMENTS_KEY = ['isms-documents'] as const;

export function useIsmsDocuments() {
  return useQuery({ queryKey: [...DOCUMENTS_KEY, 'list'], queryFn: ({ signal }) => api.get<TIsmsDocumentList>('/api/v1/isms-documents', signal) });
}

export const documentRecords = registerRecords<TIsmsDocument, TCreateIsmsDocumentRequest>({ key: [...DOCUMENTS_KEY, 'record'], changes: DOCUMENTS_KEY, path: '/api/v1/isms-documents' });
