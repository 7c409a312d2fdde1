import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ProblemSchema } from '../../../shared/schemas/common.schema.ts';
import type { AnyRoute } from './route.ts';

/**
 * The OpenAPI 3.1 document, generated from the same Zod schemas the server
 * validates with (JSON Schema 2020-12 is OpenAPI 3.1's dialect).
 */

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

export function openApiDocument(routes: AnyRoute[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  const problem = { description: 'Problem (RFC 9457)', content: { 'application/problem+json': { schema: toSchema(ProblemSchema, 'output') } } };
  for (const r of routes) {
    const url = r.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(r.status ?? 200);
    const success =
      r.response === null
        ? { description: 'OK', content: { [r.produces ?? 'application/octet-stream']: {} } }
        : status === '204'
          ? { description: 'No content' }
          : { description: 'OK', content: { 'application/json': { schema: toSchema(r.response, 'output') } } };
    paths[url] ??= {};
    paths[url][r.method.toLowerCase()] = {
      summary: r.summary,
      tags: r.tags,
      operationId: `${r.method.toLowerCase()}${url.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query')],
      ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } } } : {}),
      ...(r.rawBody ? { requestBody: { required: true, content: { 'multipart/form-data': {} } } } : {}),
      security: r.access.kind === 'public' ? [] : [{ session: [] }],
      'x-kumoji-access': r.access,
      responses: { [status]: success, '4XX': problem },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kumoji API',
      version: '1',
      description:
        'Kumoji (雲路) JSON API. Sign in through POST /api/v1/auth/sign-in; the session is a cookie. ' +
        'Every state-changing request carries the X-CSRF-Token header with the token from GET /api/v1/session. ' +
        'Errors are RFC 9457 problem documents in the user\'s language.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kumoji_session' } },
    },
    paths,
  };
}

export async function registerOpenApi(app: FastifyInstance, routes: AnyRoute[]): Promise<void> {
  const document = openApiDocument(routes);
  app.get('/api/openapi.json', async () => document);
  await app.register(swagger, { openapi: {}, transformObject: () => document as never });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // swagger-ui's own CSP replaces the app's and allows framing by the same origin; no page of Kumoji may be framed.
    transformStaticCSP: (csp: string) => csp.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'"),
    uiConfig: { url: '/api/openapi.json' } as never,
  });
}
