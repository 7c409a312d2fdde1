import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AuditPageSchema } from '../../../shared/schemas/audit.schema.ts';
import { api, queryString } from '../../api/api-client.ts';

export type TAuditPage = z.infer<typeof AuditPageSchema>;

export interface AuditFilters {
  actorUserId: string;
  entityType: string;
  from: string;
  to: string;
}

/** Newest first, 50 at a time; each next page continues below the last seq seen (keyset). */
export function useAuditTrail(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => api.get<TAuditPage>(`/api/v1/audit${queryString({ ...filters, cursor: pageParam, limit: 50 })}`, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
