import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Permission } from '../../../shared/policy.ts';
import { IdParamsSchema } from '../../../shared/schemas/common.schema.ts';
import {
  ImportIssuePageSchema,
  ImportIssueQuerySchema,
  importListSchema,
  importSchema,
  ImportVersionRequestSchema,
  validateImportRequestSchema,
  type TImport,
} from '../../../shared/schemas/import.schema.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { defineRoute, type AnyRoute, type OrgAuthContext } from '../http/route.ts';
import type { ImportInfo } from './import.repository.ts';
import { presentImport } from './import.present.ts';
import * as pipeline from './import.service.ts';
import type { FieldMapping } from './header.rules.ts';
import type { ImportRegister } from './transfer.contract.ts';
import { readUpload, type UploadRules } from './upload.reader.ts';

/**
 * A register's import over HTTP: upload, the recent imports, one import, its
 * issues, and the validate, commit and cancel steps, each answering the
 * import as it now stands (202 while its job runs). Every register's import
 * answers alike; the register names its paths, permissions and problem codes.
 */

export interface ImportRoutesOptions<F extends string, I extends TImport<F>> {
  database: Database;
  /** The server's clock: a step's rows are judged as of when it was asked for (the system's when absent). */
  clock?: Clock;
  /** The collection, e.g. `/api/v1/asset-imports`; one import is `<url>/:id`. */
  url: string;
  tags: string[];
  read: Permission;
  write: Permission;
  /** The tenant test's entity kind for the paths naming an import, e.g. `asset-import`. */
  tenantEntity: string;
  /** What the summaries call the register's records as a whole ("inventory": "Write the validated rows to the inventory"). */
  noun: string;
  /** The largest file taken (bigger ones are refused from their Content-Length), and the problem codes of a refused upload. */
  upload: { maxBytes: number; problems: { tooLarge: string; noFile: string } };
  /** A register that reports more than the pipeline's import: its answer's schema, and what it adds to the pipeline's import. */
  extend?: { response: z.ZodType<I>; present: (base: TImport<F>, info: ImportInfo) => I };
}

/** The file of an import: one part, a few small fields beside it at most. */
function importUploadRules(upload: ImportRoutesOptions<string, TImport>['upload']): UploadRules {
  const { maxBytes, problems } = upload;
  return {
    maxBytes,
    limitMb: Math.round(maxBytes / 1024 / 1024),
    limits: { files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    fallbackName: 'upload',
    problems: { tooLarge: problems.tooLarge, notMultipart: 'unsupportedMediaType', missing: problems.noFile, notOneFile: problems.noFile, malformed: problems.noFile },
  };
}

export function importRoutes<F extends string, I extends TImport<F> = TImport<F>>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  register: ImportRegister<F, any, any, any, any>,
  options: ImportRoutesOptions<F, I>,
): AnyRoute[] {
  const { database, url, tags, tenantEntity, noun, extend } = options;
  const clock = options.clock ?? systemClock;
  const read = { kind: 'org', permission: options.read } as const;
  const write = { kind: 'org', permission: options.write } as const;
  const field = z.enum(register.fields.map((f) => f.name) as [F, ...F[]]);
  // Typed as any schema here: `extend` ties the register's answer to its schema.
  const response: z.ZodType = extend?.response ?? importSchema(field);
  const present = (info: ImportInfo, t: TFunction) => {
    const base = presentImport<F>(register, info, t);
    return extend ? extend.present(base, info) : base;
  };
  const rules = importUploadRules(options.upload);
  // A step that takes only the version the page showed.
  const step = (name: 'commit' | 'cancel', summary: string, run: (auth: OrgAuthContext, id: string, version: number) => Promise<ImportInfo>, status?: 202) =>
    defineRoute({
      method: 'POST',
      url: `${url}/:id/${name}`,
      summary,
      tags,
      access: write,
      params: IdParamsSchema,
      body: ImportVersionRequestSchema,
      tenantEntity,
      response,
      status,
      handler: async ({ auth, params, body, t }) => present(await run(auth, params.id, body.version), t),
    });
  return [
    defineRoute({
      method: 'POST',
      url,
      summary: `Upload a CSV (UTF-8, UTF-8 with BOM, Shift_JIS) or XLSX ${noun} (multipart, field "file"); returns the detected format and a header mapping`,
      tags,
      access: write,
      rawBody: true,
      response,
      status: 201,
      handler: async ({ auth, req, t }) => present(await pipeline.uploadImport(register, database, auth, await readUpload(req, rules), t), t),
    }),
    defineRoute({
      method: 'GET',
      url,
      summary: 'Recent imports, newest first (to come back to one that is running)',
      tags,
      access: read,
      response: importListSchema(response),
      handler: async ({ auth, t }) => ({ items: (await pipeline.recentImports(register, database, auth)).map((i) => present(i, t)) }),
    }),
    defineRoute({
      method: 'GET',
      url: `${url}/:id`,
      summary: 'One import: status, progress, preview',
      tags,
      access: read,
      params: IdParamsSchema,
      tenantEntity,
      response,
      handler: async ({ auth, params, t }) => present(await pipeline.findImport(register, database, auth, params.id), t),
    }),
    defineRoute({
      method: 'GET',
      url: `${url}/:id/issues`,
      summary: "Every problem the validation found (row, column, message in the user's language), in pages",
      tags,
      access: read,
      params: IdParamsSchema,
      query: ImportIssueQuerySchema,
      tenantEntity,
      response: ImportIssuePageSchema,
      handler: ({ auth, params, query, t }) => pipeline.importIssues(register, database, auth, params.id, query.cursor ?? 0, query.limit, t),
    }),
    defineRoute({
      method: 'POST',
      url: `${url}/:id/validate`,
      summary: `Set the header mapping and check every row (nothing is written to the ${noun})`,
      tags,
      access: write,
      params: IdParamsSchema,
      body: validateImportRequestSchema(field),
      tenantEntity,
      response,
      status: 202,
      handler: async ({ auth, params, body, t }) =>
        present(await pipeline.startValidation(register, database, auth, params.id, body.mapping as FieldMapping<F>, body.version, t, clock.now()), t),
    }),
    step('commit', `Write the validated rows to the ${noun}, all or nothing`, (auth, id, version) => pipeline.startCommit(register, database, auth, id, version, clock.now()), 202),
    step('cancel', 'Abandon an import that has not been committed (its file is deleted)', (auth, id, version) => pipeline.cancelImport(register, database, auth, id, version)),
  ];
}
