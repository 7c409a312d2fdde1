import { CreateDataStoreRequestSchema, DataStoreExportQuerySchema, DataStoreListSchema, DataStoreSchema, OpenDataStoreFindingsRequestSchema, UpdateDataStoreRequestSchema } from '../../shared/governance/data-store.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { exportRoute } from '../platform/register/export.route.ts';
import { serviceRecordRoutes } from '../platform/register/record.routes.ts';
import { dataStoreExportFileName, exportDataStores } from './data-store-export.service.ts';
import * as stores from './data-store.service.ts';

/** Data stores and their protection (seed 004 「データ保護と暗号化」): thin routes over the service. */
export function dataStoreRoutes(deps: ModuleDeps): AnyRoute[] {
  const scope = (auth: OrgAuthContext) => DataContext.ofMember(deps.database, auth);
  const clock = clockOf(deps);
  const tags = ['governance'];
  const read = { kind: 'org', permission: 'governance.read' } as const;
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/data-stores',
      summary: 'The data stores, each with the class it is protected as (its own, raised by the assets it holds), its encryption at rest, TLS and key management, and what they lack for the class',
      tags,
      access: read,
      response: DataStoreListSchema,
      handler: ({ auth }) => stores.listDataStores(scope(auth), clock.now()),
    }),
    exportRoute({
      url: '/api/v1/data-stores/export',
      summary: 'The data stores and their gaps as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      tags,
      read: 'governance.read',
      query: DataStoreExportQuerySchema,
      scope,
      entityType: 'dataStore',
      name: (query, locale) => dataStoreExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportDataStores(scope(auth), query.format, locale, clock.now()),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/v1/data-stores/:id/findings',
      summary: "Open the store's current gaps as corrective actions in Plan (a gap with an open action is not opened twice); a stale version gets 409",
      tags,
      access: { kind: 'org', permission: 'governance.write' },
      params: IdParamsSchema,
      body: OpenDataStoreFindingsRequestSchema,
      tenantEntity: 'dataStore',
      response: DataStoreSchema,
      handler: ({ auth, params, body, locale }) => stores.openFindings(scope(auth), params.id, body.version, locale, clock.now()),
    }),
    ...serviceRecordRoutes({
      path: '/api/v1/data-stores',
      tags,
      tenantEntity: 'dataStore',
      read: 'governance.read',
      write: 'governance.write',
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
      scope,
      service: { create: stores.createDataStore, get: stores.getDataStore, update: stores.updateDataStore, remove: stores.deleteDataStore, history: stores.dataStoreHistory },
      extra: () => clock.now(),
    }),
  ];
}
