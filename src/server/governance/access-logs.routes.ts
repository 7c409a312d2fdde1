import {
  CreateIamAccountRequestSchema,
  CreateLogSourceRequestSchema,
  IamAccountSchema,
  IamReviewSchema,
  LogSourceListSchema,
  LogSourceSchema,
  OpenIamFindingRequestSchema,
  OpenLogFindingRequestSchema,
  UpdateIamAccountRequestSchema,
  UpdateLogSourceRequestSchema,
} from '../../shared/governance/access-logs.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { accountExportFileName, exportAccounts, exportLogSources, logSourceExportFileName } from './access-logs-export.service.ts';
import * as review from './access-logs.service.ts';

/** The IAM review and the log policy check (seed 004): thin routes over the service. */
export function accessLogRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['governance'], read: 'governance.read', write: 'governance.write' });
  const { scope, clock, tags } = m;
  const now = () => clock.now();
  const common = { tags, read: 'governance.read', write: 'governance.write' } as const;
  return [
    m.get({
      url: '/api/v1/iam-accounts',
      summary: 'The IAM review: every account with what it lacks (MFA, use within 90 days, a review within six months), and per system its MFA coverage, unused accounts and reviews overdue',
      response: IamReviewSchema,
      handler: ({ auth }) => review.iamReviewOf(scope(auth), now()),
    }),
    m.exportRoute({
      url: '/api/v1/iam-accounts/export',
      summary: 'The accounts with what each lacks (MFA, use within 90 days, a review within six months) and their corrective actions, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'iamAccount',
      name: (query, locale) => accountExportFileName(query.format, locale, now()),
      stream: (auth, query, locale) => exportAccounts(scope(auth), query.format, locale, now()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/iam-accounts/:id/findings',
      summary: "Open one of the account's current findings as a corrective action in Plan (a finding with an open action gets 409; a stale version gets 409)",
      params: IdParamsSchema,
      body: OpenIamFindingRequestSchema,
      tenantEntity: 'iamAccount',
      response: IamAccountSchema,
      handler: ({ auth, params, body, locale }) => review.openAccountFinding(scope(auth), params.id, body, locale, now()),
    }),
    ...m.records({
      path: '/api/v1/iam-accounts',
      tenantEntity: 'iamAccount',
      ...common,
      createBody: CreateIamAccountRequestSchema,
      updateBody: UpdateIamAccountRequestSchema,
      record: IamAccountSchema,
      summaries: {
        create: 'Add an account of a system (an account name once per system)',
        get: 'One account with what it lacks',
        update: 'Change an account: a review, a last use, MFA, disabling it (only the fields sent; stale → 409)',
        remove: 'Take an account off the review (the audit trail keeps it)',
        history: "The account's history from the audit trail, newest first",
      },
      service: { create: review.createAccount, get: review.getAccount, update: review.updateAccount, remove: review.deleteAccount, history: review.accountHistory },
      extra: now,
    }),
    m.get({
      url: '/api/v1/log-sources',
      summary: 'The log sources with what each lacks against the log policy (retention by kind, WORM for access and audit logs, NTP time, collection, encryption)',
      response: LogSourceListSchema,
      handler: ({ auth }) => review.logSourcesOf(scope(auth), now()),
    }),
    m.exportRoute({
      url: '/api/v1/log-sources/export',
      summary: 'The log sources with what each lacks against the log policy and their corrective actions, as CSV (UTF-8 with BOM), XLSX or JSON, in the member’s language',
      entityType: 'logSource',
      name: (query, locale) => logSourceExportFileName(query.format, locale, now()),
      stream: (auth, query, locale) => exportLogSources(scope(auth), query.format, locale, now()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/log-sources/:id/findings',
      summary: "Open one of the log source's current findings as a corrective action in Plan (a finding with an open action gets 409; a stale version gets 409)",
      params: IdParamsSchema,
      body: OpenLogFindingRequestSchema,
      tenantEntity: 'logSource',
      response: LogSourceSchema,
      handler: ({ auth, params, body, locale }) => review.openLogFinding(scope(auth), params.id, body, locale, now()),
    }),
    ...m.records({
      path: '/api/v1/log-sources',
      tenantEntity: 'logSource',
      ...common,
      createBody: CreateLogSourceRequestSchema,
      updateBody: UpdateLogSourceRequestSchema,
      record: LogSourceSchema,
      summaries: {
        create: 'Add a log source with its kind, retention and protection',
        get: 'One log source with what it lacks',
        update: 'Change a log source (only the fields sent; stale → 409)',
        remove: 'Take a log source off the check (the audit trail keeps it)',
        history: "The log source's history from the audit trail, newest first",
      },
      service: { create: review.createLogSource, get: review.getLogSource, update: review.updateLogSource, remove: review.deleteLogSource, history: review.logSourceHistory },
      extra: now,
    }),
  ];
}
