import {
  AssetChoicesSchema,
  AssetExportQuerySchema,
  AssetHistorySchema,
  AssetImportIssuePageSchema,
  AssetImportIssueQuerySchema,
  AssetImportListSchema,
  AssetImportSchema,
  AssetListQuerySchema,
  AssetPageSchema,
  AssetSchema,
  AssetSummarySchema,
  BulkUpdateAssetsRequestSchema,
  BulkUpdateAssetsResultSchema,
  CreateAssetRequestSchema,
  DeleteAssetQuerySchema,
  ImportVersionRequestSchema,
  UpdateAssetRequestSchema,
  ValidateImportRequestSchema,
} from '../../shared/schemas/asset.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import { exportRoute } from '../platform/register/export.route.ts';
import { readUpload, type UploadRules } from '../platform/transfer/upload.reader.ts';
import { exportCsv, exportFileName, exportXlsx } from './asset-export.service.ts';
import * as imports from './asset-import.service.ts';
import * as assets from './asset.service.ts';

/** The inventory file of an import: one part, a few small fields beside it at most. */
const IMPORT_UPLOAD: UploadRules = {
  maxBytes: imports.ASSET_IMPORT_MAX_BYTES,
  limitMb: Math.round(imports.ASSET_IMPORT_MAX_BYTES / 1024 / 1024),
  limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024 },
  fallbackName: 'upload',
  problems: { tooLarge: 'assetImportTooLarge', notMultipart: 'unsupportedMediaType', missing: 'assetImportNoFile', notOneFile: 'assetImportNoFile', malformed: 'assetImportNoFile' },
};

/**
 * The information-asset inventory and its imports. Paths naming an asset
 * declare tenantEntity `asset`; paths naming an import, `asset-import`.
 */
export function assetRoutes(deps: assets.AssetDeps): AnyRoute[] {
  // One data context per request, from the signed-in member: the organisation and the actor of every query.
  const member = (auth: OrgAuthContext) => assets.assetContext(deps, auth);
  const read = { kind: 'org', permission: 'assets.read' } as const;
  const write = { kind: 'org', permission: 'assets.write' } as const;
  // An import's step that takes only the version the page showed, and answers the import as it now stands (202 while its job runs).
  const importStep = (step: 'commit' | 'cancel', summary: string, run: typeof imports.startCommit, status?: 202) =>
    defineRoute({
      method: 'POST',
      url: `/api/v1/asset-imports/:id/${step}`,
      summary,
      tags: ['assets'],
      access: write,
      params: IdParamsSchema,
      body: ImportVersionRequestSchema,
      tenantEntity: 'asset-import',
      response: AssetImportSchema,
      status,
      handler: ({ auth, params, body, t }) => run(deps, auth, params.id, body.version, t),
    });
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
      summary: 'The whole inventory as CSV (UTF-8 with BOM) or XLSX, with the headers the import reads',
      tags: ['assets'],
      read: 'assets.read',
      query: AssetExportQuerySchema,
      name: (query, locale) => exportFileName(query.format, locale),
      stream: (auth, query, locale) => (query.format === 'csv' ? exportCsv(deps, auth, locale) : exportXlsx(deps, auth, locale)),
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
    defineRoute({
      method: 'POST',
      url: '/api/v1/asset-imports',
      summary: 'Upload a CSV (UTF-8, UTF-8 with BOM, Shift_JIS) or XLSX inventory (multipart, field "file"); returns the detected format and a header mapping',
      tags: ['assets'],
      access: write,
      rawBody: true,
      response: AssetImportSchema,
      status: 201,
      handler: async ({ auth, req, t }) => imports.uploadImport(deps, auth, await readUpload(req, IMPORT_UPLOAD), t),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/asset-imports',
      summary: 'Recent imports, newest first (to come back to one that is running)',
      tags: ['assets'],
      access: read,
      response: AssetImportListSchema,
      handler: async ({ auth, t }) => ({ items: await imports.recentImports(deps, auth, t) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/asset-imports/:id',
      summary: 'One import: status, progress, preview',
      tags: ['assets'],
      access: read,
      params: IdParamsSchema,
      tenantEntity: 'asset-import',
      response: AssetImportSchema,
      handler: ({ auth, params, t }) => imports.getImport(deps, auth, params.id, t),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/asset-imports/:id/issues',
      summary: "Every problem the validation found (row, column, message in the user's language), in pages",
      tags: ['assets'],
      access: read,
      params: IdParamsSchema,
      query: AssetImportIssueQuerySchema,
      tenantEntity: 'asset-import',
      response: AssetImportIssuePageSchema,
      handler: ({ auth, params, query, t }) => imports.importIssues(deps, auth, params.id, query.cursor ?? 0, query.limit, t),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/asset-imports/:id/validate',
      summary: 'Set the header mapping and check every row (nothing is written to the inventory)',
      tags: ['assets'],
      access: write,
      params: IdParamsSchema,
      body: ValidateImportRequestSchema,
      tenantEntity: 'asset-import',
      response: AssetImportSchema,
      status: 202,
      handler: ({ auth, params, body, t }) => imports.startValidation(deps, auth, params.id, body.mapping, body.version, t),
    }),
    importStep('commit', 'Write the validated rows to the inventory, all or nothing', imports.startCommit, 202),
    importStep('cancel', 'Abandon an import that has not been committed (its file is deleted)', imports.cancelImport),
  ];
}

