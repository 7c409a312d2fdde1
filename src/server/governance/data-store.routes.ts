import { CreateDataStoreRequestSchema, DataStoreExportQuerySchema, DataStoreListSchema, DataStoreSchema, OpenDataStoreFindingsRequestSchema, UpdateDataStoreRequestSchema, type TDataStore } from '../../shared/governance/data-store.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import { sendStream } from '../platform/http/download.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../platform/http/route.ts';
import { translator } from '../platform/i18n/translate.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { recordRoutes } from '../platform/register/record.routes.ts';
import type { RegisterField } from '../platform/register/register-fields.ts';
import { EXPORT_CONTENT_TYPES } from '../platform/transfer/export.writer.ts';
import { exportTables } from '../platform/transfer/register-export.ts';
import * as stores from './data-store.service.ts';

const label = (key: string) => ({ ja: translator('ja')(key), en: translator('en')(key) });

/** The data stores as a file: each with its class, what made it so, its protection and its gaps, in the member's language. */
function storeFields(locale: 'ja' | 'en'): RegisterField<TDataStore>[] {
  const t = translator(locale);
  const f = (key: string) => label(`governance.dataStores.fields.${key}`);
  const cls = (c: string | null) => (c ? t(`governance.dataStores.class.${c}`) : '');
  return [
    { key: 'name', label: f('name'), value: (s) => s.name },
    { key: 'location', label: f('location'), value: (s) => s.location },
    { key: 'classification', label: f('classification'), value: (s) => cls(s.classification) },
    { key: 'effectiveClass', label: f('effectiveClass'), value: (s) => cls(s.effectiveClass) },
    { key: 'assets', label: f('assets'), value: (s) => s.assets.map((a) => a.name).join(', ') },
    { key: 'atRest', label: f('atRest'), value: (s) => t(`governance.dataStores.atRest.${s.atRest}`) },
    { key: 'tlsMinimum', label: f('tlsMinimum'), value: (s) => t(`governance.dataStores.tls.${s.tlsMinimum}`) },
    { key: 'keyManagement', label: f('keyManagement'), value: (s) => t(`governance.dataStores.keys.${s.keyManagement}`) },
    { key: 'gaps', label: f('gaps'), value: (s) => s.gaps.map((g) => t(`governance.dataStores.gap.${g}`)).join(' / ') },
  ];
}

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
    defineRoute({
      method: 'GET',
      url: '/api/v1/data-stores/export',
      summary: 'The data stores and their gaps as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      tags,
      access: read,
      query: DataStoreExportQuerySchema,
      response: null,
      produces: 'text/csv',
      handler: async ({ auth, query, reply, locale }) => {
        const today = dateIn('Asia/Tokyo', clock.now());
        const { items } = await stores.listDataStores(scope(auth), clock.now());
        const t = translator(locale);
        return sendStream(reply, {
          fileName: `${t('governance.dataStores.fileName')}-${today}.${query.format}`,
          asciiName: `data-stores-${today}.${query.format}`,
          contentType: EXPORT_CONTENT_TYPES[query.format],
          stream: exportTables(query.format, locale, [{ name: t('governance.dataStores.title'), fields: storeFields(locale), records: () => items }]),
        });
      },
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
    ...recordRoutes({
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
      },
      create: (auth, body) => stores.createDataStore(scope(auth), body, clock.now()),
      get: (auth, id) => stores.getDataStore(scope(auth), id, clock.now()),
      update: (auth, id, body) => stores.updateDataStore(scope(auth), id, body, clock.now()),
      remove: (auth, id) => stores.deleteDataStore(scope(auth), id),
      history: { summary: "The data store's history from the audit trail, newest first", entries: (auth, id) => stores.dataStoreHistory(scope(auth), id) },
    }),
  ];
}
