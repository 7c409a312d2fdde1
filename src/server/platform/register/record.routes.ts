import type { z } from 'zod';
import { IdParamsSchema } from '../../../shared/schemas/common.schema.ts';
import type { Permission } from '../../../shared/policy.ts';
import type { DataContext } from '../db/data-context.ts';
import { deleteRoute, type AnyRoute, type OrgAuthContext } from '../http/route.ts';
import { RecordHistorySchema } from '../../../shared/schemas/common.schema.ts';
import type { HistoryEntry } from './register-history.ts';

type Answer<R extends z.ZodType> = Promise<z.input<R>> | z.input<R>;

export interface RecordRoutesSpec<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType> {
  /** The register's collection, e.g. `/api/v1/systems`; a record is `<path>/:id`. */
  path: string;
  tags: string[];
  /** The tenant test's entity kind for the paths naming a record. */
  tenantEntity: string;
  read: Permission;
  write: Permission;
  createBody: C;
  updateBody: U;
  /** The one record, as create, read and update answer it. */
  record: R;
  summaries: { create: string; get: string; update: string; remove: string };
  create: (auth: OrgAuthContext, body: z.output<C>) => Answer<R>;
  get: (auth: OrgAuthContext, id: string) => Answer<R>;
  update: (auth: OrgAuthContext, id: string, body: z.output<U>) => Answer<R>;
  remove: (auth: OrgAuthContext, id: string) => Promise<unknown>;
  /** `GET <path>/:id/history`: the record's audit entries, newest first (register.history). */
  history?: { summary: string; entries: (auth: OrgAuthContext, id: string) => Promise<HistoryEntry[]> };
}

/** Audit entries as the history routes answer them (RecordHistorySchema). */
export const presentHistory = (entries: HistoryEntry[]) => ({
  items: entries.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actorLabel: e.actorLabel, action: e.action, before: e.before ?? null, after: e.after ?? null })),
});

/**
 * Create, read, change and delete one record of a register by id, and its
 * history when the register keeps one: the same routes for every register
 * that needs no more than that, so each answers alike (201 on create, 204 on
 * delete, the tenant entity declared on every path that names a record).
 */
export function recordRoutes<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType>(spec: RecordRoutesSpec<C, U, R>): AnyRoute[] {
  const { path, tags, tenantEntity, summaries } = spec;
  const read = { kind: 'org', permission: spec.read } as const;
  const write = { kind: 'org', permission: spec.write } as const;
  // Typed as any route: the spec's own types tie each body and answer to its schema, and
  // with `org` access the route table hands the handler an organisation member's context.
  const member = (auth: unknown) => auth as OrgAuthContext;
  const routes: AnyRoute[] = [
    {
      method: 'POST',
      url: path,
      summary: summaries.create,
      tags,
      access: write,
      body: spec.createBody,
      response: spec.record,
      status: 201,
      handler: ({ auth, body }) => spec.create(member(auth), body),
    },
    {
      method: 'GET',
      url: `${path}/:id`,
      summary: summaries.get,
      tags,
      access: read,
      params: IdParamsSchema,
      tenantEntity,
      response: spec.record,
      handler: ({ auth, params }) => spec.get(member(auth), params.id),
    },
    {
      method: 'PATCH',
      url: `${path}/:id`,
      summary: summaries.update,
      tags,
      access: write,
      params: IdParamsSchema,
      body: spec.updateBody,
      tenantEntity,
      response: spec.record,
      handler: ({ auth, params, body }) => spec.update(member(auth), params.id, body),
    },
    deleteRoute({
      url: `${path}/:id`,
      summary: summaries.remove,
      tags,
      access: write,
      params: IdParamsSchema,
      tenantEntity,
      remove: ({ auth, params }) => spec.remove(auth, params.id),
    }),
  ];
  const { history } = spec;
  if (history)
    routes.push({
      method: 'GET',
      url: `${path}/:id/history`,
      summary: history.summary,
      tags,
      access: read,
      params: IdParamsSchema,
      tenantEntity,
      response: RecordHistorySchema,
      handler: async ({ auth, params }) => presentHistory(await history.entries(member(auth), params.id)),
    });
  return routes;
}

/**
 * A register's service as its record routes call it: each function takes
 * the request's context first; create, get and update also take `extra`
 * (today's date, the time) after their own arguments, when the spec reads one.
 */
export interface RecordService<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType, X> {
  create: (ctx: DataContext, body: z.output<C>, extra: X) => Answer<R>;
  get: (ctx: DataContext, id: string, extra: X) => Answer<R>;
  update: (ctx: DataContext, id: string, body: z.output<U>, extra: X) => Answer<R>;
  remove: (ctx: DataContext, id: string) => Promise<unknown>;
  history?: (ctx: DataContext, id: string) => Promise<HistoryEntry[]>;
}

type Handlers = 'create' | 'get' | 'update' | 'remove' | 'history';

export interface ServiceRecordRoutesSpec<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType, X> extends Omit<RecordRoutesSpec<C, U, R>, Handlers | 'summaries'> {
  summaries: RecordRoutesSpec<C, U, R>['summaries'] & { history?: string };
  /** The member's context for a request. */
  scope: (auth: OrgAuthContext) => DataContext;
  service: RecordService<C, U, R, X>;
  /** What create, get and update take last, read per request. */
  extra?: () => X;
}

/** `recordRoutes` over a register's service (`RecordService`): the same routes, each call in the member's context. */
export function serviceRecordRoutes<C extends z.ZodType, U extends z.ZodType, R extends z.ZodType, X = undefined>(spec: ServiceRecordRoutesSpec<C, U, R, X>): AnyRoute[] {
  const { scope, service, extra, summaries, ...rest } = spec;
  const { history: historySummary, ...four } = summaries;
  const entries = service.history;
  if (!historySummary !== !entries) throw new Error(`${spec.path}: a history route needs both its summary and the service's history`);
  const more = () => extra?.() as X;
  return recordRoutes({
    ...rest,
    summaries: four,
    create: (auth, body) => service.create(scope(auth), body, more()),
    get: (auth, id) => service.get(scope(auth), id, more()),
    update: (auth, id, body) => service.update(scope(auth), id, body, more()),
    remove: (auth, id) => service.remove(scope(auth), id),
    history: historySummary && entries ? { summary: historySummary, entries: (auth, id) => entries(scope(auth), id) } : undefined,
  });
}
