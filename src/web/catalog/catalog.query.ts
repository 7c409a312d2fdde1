import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  KnowledgeAttributeDeclarationSchema,
  KnowledgeCollectionDetailSchema,
  KnowledgeCollectionListSchema,
  KnowledgeCollectionSchema,
  KnowledgeGlossarySchema,
  KnowledgeItemDetailSchema,
  KnowledgeItemHistoryEntrySchema,
  KnowledgeItemSchema,
  KnowledgeSearchCollectionHitSchema,
  KnowledgeSearchHitSchema,
  KnowledgeSearchResultSchema,
  LoadCollectionResultSchema,
  OrganisationFileResultSchema,
} from '../../shared/schemas/knowledge.schema.ts';
import { api, queryString } from '../api/api-client.ts';

export type TCollection = z.infer<typeof KnowledgeCollectionSchema>;
export type TCollectionDetail = z.infer<typeof KnowledgeCollectionDetailSchema>;
export type TAttributeDeclaration = z.infer<typeof KnowledgeAttributeDeclarationSchema>;
export type TAttributeDeclarations = Record<string, TAttributeDeclaration>;
export type TItem = z.infer<typeof KnowledgeItemSchema>;
export type TItemDetail = z.infer<typeof KnowledgeItemDetailSchema>;
export type THistoryEntry = z.infer<typeof KnowledgeItemHistoryEntrySchema>;
export type TSearchHit = z.infer<typeof KnowledgeSearchHitSchema>;
export type TSearchCollectionHit = z.infer<typeof KnowledgeSearchCollectionHitSchema>;
export type TSearchResult = z.infer<typeof KnowledgeSearchResultSchema>;
export type TOwnFileResult = z.infer<typeof OrganisationFileResultSchema>;

/** Everything under this key belongs to the organisation's knowledge base; a change refreshes all of it. */
export const CATALOG_KEY = ['catalog'] as const;

// Collection and item ids are URNs (`urn:kumoji:…`): always URL-encoded in paths.
const API = '/api/v1/catalog';
const enc = encodeURIComponent;

export function useCollections() {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'collections'],
    queryFn: async ({ signal }) => (await api.get<z.infer<typeof KnowledgeCollectionListSchema>>(`${API}/collections`, signal)).items,
  });
}

export function useCollection(collectionId: string) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'collection', collectionId],
    queryFn: ({ signal }) => api.get<TCollectionDetail>(`${API}/collections/${enc(collectionId)}`, signal),
  });
}

export function useItem(itemId: string | null) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'item', itemId],
    queryFn: ({ signal }) => api.get<TItemDetail>(`${API}/items/${enc(itemId!)}`, signal),
    enabled: !!itemId,
  });
}

export const SEARCH_LIMIT = 100;

/** Empty text finds nothing, so it is not asked; the previous answer stays while the next one loads. */
export function useSearch(q: string) {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'search', q],
    queryFn: ({ signal }) => api.get<TSearchResult>(`${API}/search${queryString({ q, limit: SEARCH_LIMIT })}`, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useGlossary() {
  return useQuery({
    queryKey: [...CATALOG_KEY, 'glossary'],
    queryFn: async ({ signal }) => (await api.get<z.infer<typeof KnowledgeGlossarySchema>>(`${API}/glossary`, signal)).collections,
  });
}

/** Loads the newest stored version for the organisation (owners; `can.load`). */
export function useLoadNewestVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (collectionId: string) => api.post<z.infer<typeof LoadCollectionResultSchema>>(`${API}/collections/${enc(collectionId)}/load`),
    onSettled: () => client.invalidateQueries({ queryKey: CATALOG_KEY }),
  });
}

/** The organisation's own catalog file, as YAML text; all or nothing on the server. */
export function useUploadOwnFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: { filename: string; content: string }) => api.post<TOwnFileResult>(`${API}/organisation-files`, file),
    onSuccess: () => client.invalidateQueries({ queryKey: CATALOG_KEY }),
  });
}

/** Takes one of the organisation's own collections out of its knowledge base (stored versions are kept). */
export function useRemoveOwnCollection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (collectionId: string) => api.delete(`${API}/collections/${enc(collectionId)}`),
    onSettled: () => client.invalidateQueries({ queryKey: CATALOG_KEY }),
  });
}
