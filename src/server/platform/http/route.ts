import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import type { Permission, Role } from '../../../shared/policy.ts';
import { UploadFileNameSchema, type TLocale } from '../../../shared/schemas/common.schema.ts';
import type { Inflight } from './inflight.ts';
import { checkJsonText, JsonText } from './json-text.ts';
import { fieldErrorsFromZod, HttpProblem } from './problem.ts';

/**
 * Every API route is declared through `defineRoute`: one table that the
 * server registers, the OpenAPI document is generated from, and the tenant
 * and role tests iterate over (a route that is not in it fails the suite).
 */

export type Access =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Password accepted, TOTP code still owed (the second sign-in step). */
  | { kind: 'mfaPending' }
  /** A fully signed-in user; no organisation needed (own account, switching). */
  | { kind: 'user' }
  /** A member of the session's current organisation holding `permission`. */
  | { kind: 'org'; permission: Permission };

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  locale: TLocale;
  timeZone: string;
  mfaEnabled: boolean;
  version: number;
}

export interface AuthContext {
  sessionId: string;
  mfaPending: boolean;
  user: AuthUser;
  organisation: { id: string; name: string; requireMfa: boolean; role: Role } | null;
}

export interface OrgAuthContext extends AuthContext {
  organisation: NonNullable<AuthContext['organisation']>;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteContext<P, Q, B, A extends Access> {
  req: FastifyRequest;
  reply: FastifyReply;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  auth: A extends { kind: 'org' } ? OrgAuthContext : A extends { kind: 'public' } ? AuthContext | null : AuthContext;
  t: TFunction;
  locale: TLocale;
}

export interface RouteDefinition<P = unknown, Q = unknown, B = unknown, R = unknown, A extends Access = Access> extends RouteFields<P, Q, B, R, A> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  tags: string[];
  access: A;
}

/** A route but for its method, tags and access: what a module's `get`, `change` and `route` are given (`moduleRoutes`). */
export interface RouteFields<P = unknown, Q = unknown, B = unknown, R = unknown, A extends Access = Access> {
  url: string;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The 2xx response body, or `null` for a non-JSON response (a file, a stream). */
  response: R;
  status?: 200 | 201 | 202 | 204;
  /** Content type of a non-JSON response, for the OpenAPI document. */
  produces?: string;
  /**
   * For routes whose path names an organisation's entity: the kind of entity,
   * so the tenant test can try another organisation's id on it.
   */
  tenantEntity?: string;
  /** Request body is not JSON (uploads); validated by the handler itself. */
  rawBody?: boolean;
  /** The response carries a secret (a CSRF token, a TOTP secret, recovery codes): no cache may keep it. */
  noStore?: boolean;
  handler: (
    ctx: RouteContext<P, Q, B, A>,
  ) => Promise<R extends z.ZodType ? z.input<R> | JsonText : unknown> | (R extends z.ZodType ? z.input<R> | JsonText : unknown);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDefinition<any, any, any, any, any>;

export function defineRoute<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
  R extends z.ZodType | null,
  A extends Access,
>(def: RouteDefinition<P, Q, B, R, A>): RouteDefinition<P, Q, B, R, A> {
  return def;
}

export interface RouteHooks {
  /** Resolves the session (and refuses what `access` does not allow). */
  authenticate(req: FastifyRequest, reply: FastifyReply, access: Access): Promise<AuthContext | null>;
  /** Refuses a state-changing request without a valid CSRF token. */
  checkCsrf(req: FastifyRequest): void;
  localeOf(req: FastifyRequest, auth: AuthContext | null): TLocale;
  t(locale: TLocale): TFunction;
  /** Counts the handler as running until it returns (shutdown waits for it). */
  inflight: Inflight;
  /** Hold a handler's ready-written JSON (`JsonText`) to the route's response schema; off in production. */
  checkJsonText: boolean;
}

function parseOrThrow(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) {
    throw new HttpProblem(400, 'validation', {}, fieldErrorsFromZod(result.error.issues, where === 'body' ? '' : where));
  }
  return result.data;
}

/**
 * The file name of a multipart upload, checked like any other request field:
 * NUL, control characters, folders (`/`, `\`) answer 400 `validation` on
 * `file.name` before anything is stored. No name at all gets `fallback`.
 */
export function uploadFileName(raw: string | undefined, fallback: string): string {
  if (!raw) return fallback;
  return parseOrThrow(UploadFileNameSchema, raw, 'file.name') as string;
}

export function registerRoutes(app: FastifyInstance, routes: AnyRoute[], hooks: RouteHooks): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: { kumojiRoute: true },
      handler: (req, reply) => hooks.inflight.track(async () => {
        const stateChanging = route.method !== 'GET';
        if (stateChanging) hooks.checkCsrf(req);
        const auth = await hooks.authenticate(req, reply, route.access);
        const locale = hooks.localeOf(req, auth);
        const params = parseOrThrow(route.params, req.params, 'params');
        const query = parseOrThrow(route.query, req.query, 'query');
        if (!route.rawBody && !route.body && stateChanging && req.body !== undefined) {
          // A route without a body takes nothing, or an empty JSON object.
          const body = req.body as unknown;
          const emptyObject = !!body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
          if (!emptyObject) {
            const keys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).join(', ') : typeof body;
            throw new HttpProblem(400, 'validation', {}, [{ path: '', code: 'unknownKey', params: { keys } }]);
          }
        }
        const body = route.rawBody ? undefined : parseOrThrow(route.body, req.body, 'body');
        if (route.noStore) void reply.header('cache-control', 'no-store');
        const result = await route.handler({ req, reply, params, query, body, auth, t: hooks.t(locale), locale } as never);
        if (reply.sent) return reply;
        if (route.response === null) return reply;
        reply.code(route.status ?? 200);
        if (route.status === 204) return reply.send();
        if (result instanceof JsonText) {
          if (hooks.checkJsonText) checkJsonText(route.response as z.ZodType, result, `${route.method} ${route.url}`);
          return reply.type('application/json; charset=utf-8').send(result.text);
        }
        // Responses are mapped explicitly by the handlers; the schema strips anything else.
        return reply.type('application/json; charset=utf-8').send((route.response as z.ZodType).parse(result));
      }),
    });
  }
}

/**
 * A DELETE whose success is 204 No Content: `remove` does the work (and
 * throws an HttpProblem when it cannot), the builder answers.
 */
export function deleteRoute<P extends z.ZodType | undefined, A extends Access>(
  def: Omit<RouteDefinition<P, undefined, undefined, null, A>, 'method' | 'response' | 'status' | 'handler'> & {
    remove: (ctx: RouteContext<P, undefined, undefined, A>) => Promise<unknown>;
  },
): RouteDefinition<P, undefined, undefined, null, A> {
  const { remove, ...rest } = def;
  return {
    ...rest,
    method: 'DELETE',
    response: null,
    status: 204,
    handler: async (ctx) => {
      await remove(ctx);
      return ctx.reply.code(204).send();
    },
  };
}
