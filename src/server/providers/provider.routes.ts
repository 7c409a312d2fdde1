import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import { ContractListSchema, ContractSchema, CreateContractRequestSchema, UpdateContractRequestSchema } from '../../shared/providers/contract.schema.ts';
import {
  CreateProviderRequestSchema,
  EvaluationSchema,
  ProviderExportQuerySchema,
  ProviderListSchema,
  ProviderReferenceListSchema,
  ProviderSchema,
  SaveEvaluationRequestSchema,
  UpdateProviderRequestSchema,
} from '../../shared/providers/provider.schema.ts';
import { RequirementsSchema, SaveRequirementsRequestSchema } from '../../shared/providers/requirements.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { contractExportFileName, exportContracts } from './contract-export.service.ts';
import * as contracts from './contract.service.ts';
import { getEvaluation, saveEvaluation } from './evaluation.service.ts';
import { exportProviders, PROVIDER_EXPORT_ENTITIES, providerExportFileName } from './provider-export.service.ts';
import * as providers from './provider.service.ts';
import { getRequirements, saveRequirements } from './requirements.service.ts';

/** Dates of contracts and evaluations are Japanese business dates: "today" is today in Japan. */
const ORGANISATION_TIME_ZONE = 'Asia/Tokyo';

/** Providers, their evaluations, contracts and workloads' requirements (PRODUCT.md capability 6): thin routes over the services. */
export function providerRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['providers'], read: 'providers.read', write: 'providers.write' });
  const { scope, clock } = m;
  const today = () => dateIn(ORGANISATION_TIME_ZONE, clock.now());
  return [
    ...m.records({
      path: '/api/v1/providers',
      tenantEntity: 'provider',
      createBody: CreateProviderRequestSchema,
      updateBody: UpdateProviderRequestSchema,
      record: ProviderSchema,
      summaries: {
        create: "Record a provider of the organisation's own, or copy one of the study's reference profiles (表13) to edit",
        get: 'One provider with its certifications, ISMAP registration, commitments and evaluation outcome',
        update: 'Change a provider (only the fields sent; a stale version gets 409)',
        remove: 'Delete a provider without contracts (its evaluation goes with it; one with contracts gets 409)',
        history: "The provider's history from the audit trail, newest first",
      },
      service: { create: providers.createProvider, get: providers.getProvider, update: providers.updateProvider, remove: providers.deleteProvider, history: providers.providerHistory },
      extra: today,
    }),
    ...m.records({
      path: '/api/v1/contracts',
      tenantEntity: 'contract',
      createBody: CreateContractRequestSchema,
      updateBody: UpdateContractRequestSchema,
      record: ContractSchema,
      summaries: {
        create: 'Record a contract with a provider: its term, renewal and notice, and its review against the 17 items',
        get: 'One contract with its review, exit terms and the last day to give notice (解約予告期限)',
        update: 'Change a contract or its review (only the fields sent; a stale version gets 409)',
        remove: 'Delete a contract (the audit trail keeps what it was)',
        history: "The contract's history from the audit trail, newest first",
      },
      service: { create: contracts.createContract, get: contracts.getContract, update: contracts.updateContract, remove: contracts.deleteContract, history: contracts.contractHistory },
      extra: today,
    }),
    m.get({
      url: '/api/v1/providers',
      summary: "The organisation's providers, by name, with their evaluation outcome and number of contracts",
      response: ProviderListSchema,
      handler: ({ auth }) => providers.listProviders(scope(auth), today()),
    }),
    m.get({
      url: '/api/v1/provider-references',
      summary: "The study's provider profiles (seed 000 IV.6.1(2) 表13, as of May 2020), read-only, each with the own provider copied from it",
      response: ProviderReferenceListSchema,
      handler: ({ auth }) => providers.providerReferences(scope(auth)),
    }),
    m.exportRoute({
      url: '/api/v1/providers/export',
      summary: 'Providers, evaluations or contract reviews as CSV (UTF-8 with BOM) or JSON, or all three as an XLSX workbook, in the member’s language',
      query: ProviderExportQuerySchema,
      entityType: (query) => PROVIDER_EXPORT_ENTITIES[query.table],
      name: (query, locale) => providerExportFileName(query.format, locale, query.table, today()),
      stream: (auth, query, locale) => exportProviders(scope(auth), query.format, locale, query.table, today()),
    }),
    m.exportRoute({
      url: '/api/v1/contracts/export',
      summary: 'The contracts, one row each, with term, notice and its last day, review counts, readiness and exit terms, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'contract',
      name: (query, locale) => contractExportFileName(query.format, locale, today()),
      stream: (auth, query, locale) => exportContracts(scope(auth), query.format, locale, today()),
    }),
    m.get({
      url: '/api/v1/providers/:id/evaluation',
      summary: "The provider's evaluation against the company items a)-i) and the nine selection checks: ratings, weighted score, knock-outs, next due date",
      params: IdParamsSchema,
      tenantEntity: 'provider',
      response: EvaluationSchema,
      handler: ({ auth, params }) => getEvaluation(scope(auth), params.id, today()),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/providers/:id/evaluation',
      summary: 'Save the evaluation at the version read (null for the first); a stale version gets 409',
      params: IdParamsSchema,
      body: SaveEvaluationRequestSchema,
      tenantEntity: 'provider',
      response: EvaluationSchema,
      handler: ({ auth, params, body }) => saveEvaluation(scope(auth), params.id, body, today()),
    }),
    m.get({
      url: '/api/v1/contracts',
      summary: "The organisation's contracts with their review summary and the last day to give notice",
      response: ContractListSchema,
      handler: ({ auth }) => contracts.listContracts(scope(auth), today()),
    }),
    m.get({
      url: '/api/v1/workloads/:id/requirements',
      summary: "A workload's requirements profile (seed 000 III.6.2), its contradictions with the arithmetic, and the fit matrix of the providers compared",
      params: IdParamsSchema,
      tenantEntity: 'workloadRequirements',
      response: RequirementsSchema,
      handler: ({ auth, params }) => getRequirements(scope(auth), params.id),
    }),
    m.change({
      method: 'PATCH',
      url: '/api/v1/workloads/:id/requirements',
      summary: "Save a workload's requirements profile and compared providers at the version read (null for the first); a stale version gets 409",
      params: IdParamsSchema,
      body: SaveRequirementsRequestSchema,
      tenantEntity: 'workloadRequirements',
      response: RequirementsSchema,
      handler: ({ auth, params, body }) => saveRequirements(scope(auth), params.id, body),
    }),
  ];
}
