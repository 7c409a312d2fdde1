import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { can } from '../../../shared/policy.ts';
import { MFA_POLICY_ROLES } from '../../../shared/policy.ts';
import type { TLocale } from '../../../shared/schemas/common.schema.ts';
import { CSRF_COOKIE, resolveSession, SESSION_COOKIE } from '../auth/session.ts';
import { newToken, safeEqual } from '../auth/tokens.ts';
import { clockOf, type Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { appliedMigrationCount, shippedMigrationCount, type Database } from '../db/database.ts';
import { isDatabaseUnavailable } from '../db/database-outage.rules.ts';
import { servingRoleOf, servingRoleWarnings } from '../db/database-roles.ts';
import { localeFromHeader, translator } from '../i18n/translate.ts';
import { createLogger, type Logger } from '../log.ts';
import { createInflight, type Inflight } from './inflight.ts';
import { registerOpenApi } from './openapi.ts';
import { HttpProblem, renderProblem } from './problem.ts';
import { registerRoutes, type Access, type AnyRoute, type AuthContext, type RouteHooks } from './route.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** The process's logger (server.ts shares it with the database); one is made from the config when absent. */
  logger?: Logger;
  /** What "now" is for sessions, locks and deadlines; the system clock when absent. */
  clock?: Clock;
}

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../dist/web');

declare module 'fastify' {
  interface FastifyRequest {
    kumojiAuth?: AuthContext | null;
  }
  interface FastifyInstance {
    registeredRoutes: { method: string; url: string }[];
    /** Route handlers still running (see inflight.ts). */
    inflight: Inflight;
  }
}

export function isSecure(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}

function cookieOptions(req: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: isSecure(req),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, config: Config) {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, config.SESSION_ABSOLUTE_HOURS * 3600));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/** The CSRF token for this browser: an HttpOnly cookie, echoed by the app in the X-CSRF-Token header. */
export function ensureCsrfToken(req: FastifyRequest, reply: FastifyReply): string {
  const existing = req.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newToken();
  reply.setCookie(CSRF_COOKIE, token, { ...cookieOptions(req), sameSite: 'strict' });
  return token;
}

function makeHooks(deps: AppDeps, inflight: Inflight): RouteHooks {
  const { config, database } = deps;
  return {
    inflight,
    checkJsonText: config.NODE_ENV !== 'production',
    checkCsrf(req) {
      const cookieToken = req.cookies[CSRF_COOKIE];
      const header = req.headers['x-csrf-token'];
      if (!cookieToken || typeof header !== 'string' || !safeEqual(cookieToken, header)) {
        throw new HttpProblem(403, 'csrf');
      }
    },
    async authenticate(req, _reply, access: Access) {
      const token = req.cookies[SESSION_COOKIE];
      const auth = token ? await resolveSession(database.pool, token, config, clockOf(deps).now()) : null;
      req.kumojiAuth = auth;
      if (access.kind === 'public') return auth;
      if (!auth) throw new HttpProblem(401, 'unauthenticated');
      if (access.kind === 'mfaPending') return auth;
      if (auth.mfaPending) throw new HttpProblem(401, 'mfaPending');
      if (access.kind === 'user') return auth;
      const org = auth.organisation;
      if (!org) throw new HttpProblem(403, 'noOrganisation');
      // Organisation policy: owners and managers must have MFA before touching its data.
      if (org.requireMfa && MFA_POLICY_ROLES.includes(org.role) && !auth.user.mfaEnabled) {
        throw new HttpProblem(403, 'mfaRequired');
      }
      if (!can(org.role, access.permission)) throw new HttpProblem(403, 'forbidden');
      return auth;
    },
    localeOf(req, auth) {
      return auth?.user.locale ?? localeFromHeader(req.headers['accept-language']);
    },
    t: (locale: TLocale) => translator(locale),
  };
}

/** Strict JSON: valid UTF-8 only, prototype poisoning refused, as Fastify's own parser does. */
function strictJsonParser(_req: FastifyRequest, body: Buffer, done: (err: Error | null, value?: unknown) => void) {
  if (body.length === 0) return done(null, undefined);
  let textBody: string;
  try {
    textBody = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return done(new HttpProblem(400, 'invalidUtf8'));
  }
  try {
    const value = JSON.parse(textBody, (key, v) => {
      if (key === '__proto__' || key === 'constructor') throw new SyntaxError('forbidden key');
      return v;
    });
    done(null, value);
  } catch {
    done(new HttpProblem(400, 'invalidJson'));
  }
}

/**
 * Seconds a client is told to wait (Retry-After) while the database is away: an
 * embedded server is restarted within seconds, another server reconnects on
 * the next request.
 */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** 503 `databaseUnavailable` with Retry-After, for any request (and /readyz) while the database cannot be reached. */
function sendDatabaseUnavailable(reply: FastifyReply, t: TFunction, extra: Record<string, string> = {}): FastifyReply {
  return reply
    .code(503)
    .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
    .type('application/problem+json; charset=utf-8')
    .send({ ...renderProblem(new HttpProblem(503, 'databaseUnavailable'), t), ...extra });
}

/** The PostgreSQL error code of a driver error, also when Drizzle wrapped it. */
export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** SQLSTATE class 22, data exception: a value PostgreSQL cannot store (NUL in text, out-of-range integer or date …). */
export function isDataException(error: unknown): boolean {
  return pgCode(error)?.startsWith('22') ?? false;
}

export async function buildApp(deps: AppDeps, routes: AnyRoute[]): Promise<FastifyInstance> {
  const { config, database } = deps;
  // Typed as Fastify's logger so the instance keeps its default type; it is the same pino logger.
  const logger: FastifyBaseLogger | false = config.LOG_LEVEL === 'silent' ? false : (deps.logger ?? createLogger(config));
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Node's parser refuses a request before Fastify sees it (malformed, headers
    // or URL too large): answer with a problem document like every other error.
    // No request was parsed, so there is no Accept-Language: the title is Japanese.
    clientErrorHandler(error: Error & { code?: string }, socket) {
      if (!socket.writable) return;
      const problem = error.code === 'HPE_HEADER_OVERFLOW' ? new HttpProblem(431, 'headersTooLarge') : new HttpProblem(400, 'badRequest');
      const body = JSON.stringify(renderProblem(problem, translator('ja')));
      const reason = problem.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
      socket.end(
        `HTTP/1.1 ${problem.status} ${reason}\r\nConnection: close\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    },
    routerOptions: { maxParamLength: 200 },
  });
  const inflight = createInflight();
  app.decorate('inflight', inflight);
  const hooks = makeHooks(deps, inflight);
  // Every route Fastify registers, so the security tests can prove none escapes the route table.
  const registered: { method: string; url: string }[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) registered.push({ method: String(method), url: r.url });
  });
  app.decorate('registeredRoutes', registered);

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/json', 'application/problem+json'], { parseAs: 'buffer' }, strictJsonParser);
  // multipart/form-data: only in the upload routes' context (below).

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes; no inline scripts are allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    // Sent below, only on answers that went over HTTPS.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    // Old browsers that do not read frame-ancestors: no framing at all, as the CSP says.
    xFrameOptions: { action: 'deny' },
    // Links to other sites carry no address of a Kumoji page (ids are in the paths).
    referrerPolicy: { policy: 'same-origin' },
  });
  // RFC 6797 7.2: HSTS only over HTTPS. `req.protocol` is 'https' only when a proxy TRUST_PROXY names says so,
  // so a client that forges X-Forwarded-Proto from elsewhere gets neither HSTS nor Secure cookies.
  app.addHook('onRequest', (req, reply, done) => {
    if (isSecure(req)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done();
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
    const locale = hooks.localeOf(req, req.kumojiAuth ?? null);
    let problem: HttpProblem;
    if (error instanceof HttpProblem) problem = error;
    else if (isDatabaseUnavailable(error)) {
      // Not a defect: the database is stopped or restarting. The request changed nothing; the client may retry.
      req.log.warn({ err: error, route: req.routeOptions.url, method: req.method }, 'database unavailable');
      sendDatabaseUnavailable(reply, hooks.t(locale));
      return;
    }
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') problem = new HttpProblem(413, 'bodyTooLarge', { limit: config.BODY_LIMIT_BYTES });
    else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') problem = new HttpProblem(415, 'unsupportedMediaType');
    else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') problem = new HttpProblem(400, 'invalidJson');
    // Drizzle wraps driver errors (DrizzleQueryError): the PostgreSQL code is on `cause`.
    else if (pgCode(error) === '23505') problem = new HttpProblem(409, 'duplicate');
    else if (pgCode(error) === '40001' || pgCode(error) === '40P01') problem = new HttpProblem(409, 'conflict');
    else if (isDataException(error)) {
      // The request's own data, refused by PostgreSQL: the client gets a 400, and since the schemas'
      // primitives (common.schema.ts) should have refused it first, the gap is logged as a defect.
      req.log.error({ err: error, route: req.routeOptions.url, method: req.method, sqlState: pgCode(error) }, 'defect: a data error reached PostgreSQL');
      problem = new HttpProblem(400, 'invalidData');
    }
    else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) problem = new HttpProblem(error.statusCode, 'badRequest');
    else {
      req.log.error({ err: error }, 'unhandled error');
      problem = new HttpProblem(500, 'internal');
    }
    if (problem.status >= 500) req.log.error({ err: error }, 'server error');
    void reply
      .code(problem.status)
      .type('application/problem+json; charset=utf-8')
      .send(renderProblem(problem, hooks.t(locale)));
  });

  app.setNotFoundHandler((req, reply) => {
    // The web app handles its own routes; unknown API paths get a problem document.
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
      const locale = hooks.localeOf(req, null);
      void reply.code(404).type('application/problem+json; charset=utf-8').send(renderProblem(new HttpProblem(404, 'notFound'), hooks.t(locale)));
      return;
    }
    void reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (req, reply) => {
    try {
      const applied = await appliedMigrationCount(database);
      const shipped = shippedMigrationCount();
      const ready = applied === shipped;
      // Ready either way, but said: a superuser (or audit_log's owner) could switch the trail's guard off.
      const servingRole = await servingRoleOf(database.pool);
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ready' : 'migrations-pending', database: 'ok', migrations: { applied, shipped }, servingRole, warnings: servingRoleWarnings(servingRole) });
    } catch (e) {
      if (!isDatabaseUnavailable(e)) req.log.error({ err: e }, 'readiness check failed');
      return sendDatabaseUnavailable(reply, hooks.t(hooks.localeOf(req, null)), { database: 'error' });
    }
  });

  registerRoutes(app, routes.filter((r) => !r.rawBody), hooks);
  // Uploads: multipart/form-data is parsed only for the routes that take a file
  // (`rawBody`), in their own context; everywhere else it stays a 415. The
  // handler reads the file with its own size limit (e.g. platform/evidence).
  await app.register(async (uploads) => {
    // preservePath: the file name as sent, so `uploadFileName` refuses a path instead of cutting it silently.
    await uploads.register(multipart, { preservePath: true, limits: { files: 1, fields: 10, parts: 11, fieldSize: 10_000, headerPairs: 100 } });
    registerRoutes(uploads, routes.filter((r) => r.rawBody), hooks);
  });
  await registerOpenApi(app, routes);

  if (fs.existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
      setHeaders(res, filePath) {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/', (_req, reply) => reply.header('cache-control', 'no-cache').sendFile('index.html'));
  }
  return app;
}
