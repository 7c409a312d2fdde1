import {
  AssetChoicesSchema,
  AssetExportQuerySchema,
  AssetHistorySchema,
  ASSET_IMPORT_MAX_BYTES,
  AssetImportSchema,
  AssetListQuerySchema,
  AssetPageSchema,
  AssetSchema,
  AssetSummarySchema,
  BulkUpdateAssetsRequestSchema,
  BulkUpdateAssetsResultSchema,
  CreateAssetRequestSchema,
  DeleteAssetQuerySchema,
  UpdateAssetRequestSchema,
} from '../../shared/schemas/asset.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import { exportRoute } from '../platform/register/export.route.ts';
import { importRoutes } from '../platform/transfer/import.routes.ts';
import { exportCsv, exportFileName, exportJson, exportXlsx } from './asset-export.service.ts';
import { presentAssetImport } from './asset-import.present.ts';
import { ASSET_IMPORT } from './asset-import.register.ts';
import * as assets from './asset.service.ts';

/**
 * The information-asset inventory and its imports. Paths naming an asset
 * declare tenantEntity `asset`; paths naming an import, `asset-import`.
 */
export function assetRoutes(deps: assets.AssetDeps): AnyRoute[] {
  // One data context per request, from the signed-in member: the organisation and the actor of every query.
  const member = (auth: OrgAuthContext) => assets.assetContext(deps, auth);
  const read = { kind: 'org', permission: 'assets.read' } as const;
  const write = { kind: 'org', permission: 'assets.write' } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/assets',
      summary: 'The inventory: sorted, filtered and searched, in keyset pages (the count on the first page only)',
      tags: ['assets'],
      access: read,
      query: AssetListQuerySchema,
      response: AssetPageSchema,
      handler: ({ auth, query }) => assets.listAssetPage(member(auth), query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/assets',
      summary: 'Add an information asset',
      tags: ['assets'],
      access: write,
      body: CreateAssetRequestSchema,
      response: AssetSchema,
      status: 201,
      handler: ({ auth, body }) => assets.createAsset(member(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/assets/summary',
      summary: 'Totals by rank, information group and asset class, and the asset-model check against annual revenue',
      tags: ['assets'],
      access: read,
      response: AssetSummarySchema,
      handler: ({ auth }) => assets.assetSummary(member(auth)),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/assets/choices',
      summary: 'What an asset can be classified by (the loaded catalog) and who can own it (the members)',
      tags: ['assets'],
      access: read,
      response: AssetChoicesSchema,
      handler: ({ auth }) => assets.assetChoices(member(auth)),
    }),
    exportRoute({
      url: '/api/v1/assets/export',
      summary: 'The whole inventory as CSV (UTF-8 with BOM) or XLSX, with the headers the import reads, or JSON keyed by the fields’ names',
      tags: ['assets'],
      read: 'assets.read',
      query: AssetExportQuerySchema,
      scope: member,
      entityType: 'asset',
      name: (query, locale) => exportFileName(query.format, locale),
      stream: (auth, query, locale) => ({ csv: exportCsv, xlsx: exportXlsx, json: exportJson })[query.format](deps, auth, locale),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/assets/bulk-update',
      summary: 'Change classification or owner of many assets at once (all or nothing; audited per asset under one bulk id)',
      tags: ['assets'],
      access: write,
      body: BulkUpdateAssetsRequestSchema,
      response: BulkUpdateAssetsResultSchema,
      handler: ({ auth, body }) => assets.bulkUpdateAssets(member(auth), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/assets/:id',
      summary: 'One asset',
      tags: ['assets'],
      access: read,
      params: IdParamsSchema,
      tenantEntity: 'asset',
      response: AssetSchema,
      handler: ({ auth, params }) => assets.getAsset(member(auth), params.id),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/v1/assets/:id',
      summary: 'Edit an asset (stale version: 409)',
      tags: ['assets'],
      access: write,
      params: IdParamsSchema,
      body: UpdateAssetRequestSchema,
      tenantEntity: 'asset',
      response: AssetSchema,
      handler: ({ auth, params, body }) => assets.editAsset(member(auth), params.id, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/v1/assets/:id',
      summary: 'Remove an asset (with ?version=, a stale version gets 409)',
      tags: ['assets'],
      access: write,
      params: IdParamsSchema,
      query: DeleteAssetQuerySchema,
      tenantEntity: 'asset',
      response: null,
      status: 204,
      handler: async ({ auth, params, query, reply }) => {
        await assets.removeAsset(member(auth), params.id, query.version);
        return reply.code(204).send();
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/assets/:id/history',
      summary: "The asset's history from the audit trail, newest first",
      tags: ['assets'],
      access: read,
      params: IdParamsSchema,
      tenantEntity: 'asset',
      response: AssetHistorySchema,
      handler: ({ auth, params }) => assets.assetHistory(member(auth), params.id),
    }),
    ...importRoutes(ASSET_IMPORT, {
      database: deps.database,
      url: '/api/v1/asset-imports',
      tags: ['assets'],
      read: 'assets.read',
      write: 'assets.write',
      tenantEntity: 'asset-import',
      noun: 'inventory',
      upload: { maxBytes: ASSET_IMPORT_MAX_BYTES, problems: { tooLarge: 'assetImportTooLarge', noFile: 'assetImportNoFile' } },
      extend: { response: AssetImportSchema, present: presentAssetImport },
    }),
  ];
}

