import {
  CollectionParamsSchema,
  ItemParamsSchema,
  KnowledgeCollectionDetailSchema,
  KnowledgeCollectionListSchema,
  KnowledgeGlossarySchema,
  KnowledgeItemDetailSchema,
  KnowledgeSearchQuerySchema,
  KnowledgeSearchResultSchema,
  LoadCollectionResultSchema,
  OrganisationFileRequestSchema,
  OrganisationFileResultSchema,
} from '../../shared/schemas/knowledge.schema.ts';
import type { DataDeps } from '../platform/db/data-context.ts';
import { deleteRoute, type AnyRoute } from '../platform/http/route.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as catalog from './catalog.service.ts';

/**
 * The knowledge base. Collection and item ids are URNs (`urn:kumoji:…`), sent
 * URL-encoded in paths. Paths that can name an organisation's own collection
 * or item declare tenantEntity `catalog-collection` / `catalog-item`.
 */
export function catalogRoutes(deps: DataDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['catalog'], read: 'catalog.read', write: 'catalog.manage' });
  const { scope, tags, write } = m;
  return [
    m.get({
      url: '/api/v1/catalog/collections',
      summary: 'The catalog collections the organisation has loaded, with the newest version it could load',
      response: KnowledgeCollectionListSchema,
      handler: async ({ auth }) => ({ items: await catalog.listCollections(scope(auth)) }),
    }),
    m.get({
      url: '/api/v1/catalog/collections/:collectionId',
      summary: 'One loaded collection: its items in display order, with the attribute declarations',
      params: CollectionParamsSchema,
      tenantEntity: 'catalog-collection',
      response: KnowledgeCollectionDetailSchema,
      handler: ({ auth, params }) => catalog.getCollection(scope(auth), params.collectionId),
    }),
    m.get({
      url: '/api/v1/catalog/items/:itemId',
      summary: 'One item: its collection and version, ancestors, children and history across stored versions',
      params: ItemParamsSchema,
      tenantEntity: 'catalog-item',
      response: KnowledgeItemDetailSchema,
      handler: ({ auth, params }) => catalog.getItem(scope(auth), params.itemId),
    }),
    m.get({
      url: '/api/v1/catalog/search',
      summary: 'Search (Japanese or English; width, case and kana folded) of the loaded collections and their items, ranked',
      query: KnowledgeSearchQuerySchema,
      response: KnowledgeSearchResultSchema,
      handler: ({ auth, query }) => catalog.search(scope(auth), query.q ?? '', query.limit),
    }),
    m.get({
      url: '/api/v1/catalog/glossary',
      summary: 'The loaded glossary collections with their terms',
      response: KnowledgeGlossarySchema,
      handler: async ({ auth }) => ({ collections: await catalog.glossary(scope(auth)) }),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/catalog/collections/:collectionId/load',
      summary: 'Load the newest stored version of a collection for the organisation',
      params: CollectionParamsSchema,
      tenantEntity: 'catalog-collection',
      response: LoadCollectionResultSchema,
      handler: ({ auth, params }) => catalog.loadNewestVersion(scope(auth), params.collectionId),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/catalog/organisation-files',
      summary: "Upload the organisation's own catalog file (YAML text, ids under urn:kumoji:org:); all or nothing",
      body: OrganisationFileRequestSchema,
      response: OrganisationFileResultSchema,
      handler: ({ auth, body }) => catalog.uploadOwnFile(scope(auth), body),
    }),
    deleteRoute({
      url: '/api/v1/catalog/collections/:collectionId',
      summary: "Remove one of the organisation's own collections from its knowledge base (stored versions are kept)",
      tags,
      access: write,
      params: CollectionParamsSchema,
      tenantEntity: 'catalog-collection',
      remove: ({ auth, params }) => catalog.removeOwnCollection(scope(auth), params.collectionId),
    }),
  ];
}
