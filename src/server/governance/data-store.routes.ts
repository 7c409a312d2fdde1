import { CreateDataStoreRequestSchema, DataStoreExportQuerySchema, DataStoreListSchema, DataStoreSchema, OpenDataStoreFindingsRequestSchema, UpdateDataStoreRequestSchema } from '../../shared/governance/data-store.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { dataStoreExportFileName, exportDataStores } from './data-store-export.service.ts';
import * as stores from './data-store.service.ts';

/** Data stores and their protection (seed 004 「データ保護と暗号化」): thin routes over the service. */
export function dataStoreRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['governance'], read: 'governance.read', write: 'governance.write' });
  const { scope, clock } = m;
  return [
    m.get({
      url: '/api/v1/data-stores',
      summary: 'The data stores, each with the class it is protected as (its own, raised by the assets it holds), its encryption at rest, TLS and key management, and what they lack for the class',
      response: DataStoreListSchema,
      handler: ({ auth }) => stores.listDataStores(scope(auth), clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/data-stores/export',
      summary: 'The data stores and their gaps as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      query: DataStoreExportQuerySchema,
      entityType: 'dataStore',
      name: (query, locale) => dataStoreExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportDataStores(scope(auth), query.format, locale, clock.now()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/data-stores/:id/findings',
      summary: "Open the store's current gaps as corrective actions in Plan (a gap with an open action is not opened twice); a stale version gets 409",
      params: IdParamsSchema,
      body: OpenDataStoreFindingsRequestSchema,
      tenantEntity: 'dataStore',
      response: DataStoreSchema,
      handler: ({ auth, params, body, locale }) => stores.openFindings(scope(auth), params.id, body.version, locale, clock.now()),
    }),
    ...m.records({
      path: '/api/v1/data-stores',
      tenantEntity: 'dataStore',
      createBody: CreateDataStoreRequestSchema,
      updateBody: UpdateDataStoreRequestSchema,
      record: DataStoreSchema,
      summaries: {
        create: 'Add a data store with its class, protection and the assets it holds',
        get: 'One data store with its class, protection and gaps',
        update: 'Change a data store (only the fields sent; `assetIds` replaces the assets held; stale → 409)',
        remove: 'Take a data store off the list (the audit trail keeps it)',
        history: "The data store's history from the audit trail, newest first",
      },
      service: { create: stores.createDataStore, get: stores.getDataStore, update: stores.updateDataStore, remove: stores.deleteDataStore, history: stores.dataStoreHistory },
      extra: () => clock.now(),
    }),
  ];
}
