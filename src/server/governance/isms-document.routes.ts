import { CreateIsmsDocumentRequestSchema, IsmsDocumentExportQuerySchema, IsmsDocumentListSchema, IsmsDocumentSchema, UpdateIsmsDocumentRequestSchema } from '../../shared/governance/isms-document.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { documentExportFileName, exportDocuments } from './isms-document-export.service.ts';
import * as documents from './isms-document.service.ts';

/** The ISMS document registry (seed 000 III.5.2 表11・表12): thin routes over the service. */
export function ismsDocumentRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['governance'], read: 'governance.read', write: 'governance.write' });
  const { scope, clock } = m;
  // Review dates are the organisation's days in Japan.
  const today = () => dateIn('Asia/Tokyo', clock.now());
  return [
    m.get({
      url: '/api/v1/isms-documents',
      summary: "The organisation's ISMS documents with where each review stands, a summary, and how much of the seed's Tables 11 and 12 is registered",
      response: IsmsDocumentListSchema,
      handler: ({ auth }) => documents.listDocuments(scope(auth), today()),
    }),
    m.exportRoute({
      url: '/api/v1/isms-documents/export',
      summary: 'The registry as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      query: IsmsDocumentExportQuerySchema,
      entityType: 'ismsDocument',
      name: (query, locale) => documentExportFileName(query.format, locale, today()),
      stream: (auth, query, locale) => exportDocuments(scope(auth), query.format, locale, today()),
    }),
    ...m.records({
      path: '/api/v1/isms-documents',
      tenantEntity: 'ismsDocument',
      createBody: CreateIsmsDocumentRequestSchema,
      updateBody: UpdateIsmsDocumentRequestSchema,
      record: IsmsDocumentSchema,
      summaries: {
        create: "Register a document, one of the seed's tables or the organisation's own (a seed document once; a new owner name becomes a department)",
        get: 'One document with its owner, dates and where its review stands',
        update: 'Change a document (only the fields sent; dates not after today; an approved document needs its approval date; stale → 409)',
        remove: 'Take a document off the registry (the audit trail keeps what it was)',
        history: "The document's history from the audit trail, newest first",
      },
      service: { create: documents.createDocument, get: documents.getDocument, update: documents.updateDocument, remove: documents.deleteDocument, history: documents.documentHistory },
      extra: today,
    }),
  ];
}
