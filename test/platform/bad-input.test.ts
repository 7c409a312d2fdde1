import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { createBadInputWorld, sendRaw, type RawReply } from '../helpers/bad-input.ts';
import { databaseState } from '../helpers/database-state.ts';
import { fixturePath, pathParams, routeKey as key, type RouteFixtures } from '../helpers/route-fixtures.ts';
import { sampleFor, stringFields } from '../helpers/sample-values.ts';
import { TestClient, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Bad input, generated from the route table (src/server/routes.ts): on every
 * route, malformed bodies, wrong types, NUL and lone surrogates in every text
 * field and query parameter, integers at 2^31 and 2^53, dates at year 0 and
 * 10000, NUL and folders in uploaded file names get a translated 4xx problem
 * document, never a 5xx, and change no row of the database. Values a route
 * may accept (2^31 where the column is a bigint) must still never give a 5xx.
 * The cases an outside probe found, catalog files and the last-resort error
 * handler are in bad-input-probes.test.ts.
 */

let t: TestApp;
let orgA: TestOrganisation;
let fixtures: RouteFixtures;

before(async () => {
  ({ t, orgA, fixtures } = await createBadInputWorld());
});
after(() => t.close());

/** A request as a browser of organisation A's owner would send it, body as given. */
const send = (r: AnyRoute, url: string, body?: string | Buffer, contentType?: string) => sendRaw(t, orgA.owner.client, r.method, url, body, contentType);

const sendJson = (r: AnyRoute, url: string, body: unknown) => send(r, url, r.method === 'GET' ? undefined : JSON.stringify(body ?? {}), r.method === 'GET' ? undefined : 'application/json');

function assertProblem(res: RawReply, label: string) {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: got ${res.statusCode} ${res.body.slice(0, 300)}`);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', label);
  const body = JSON.parse(res.body);
  assert.ok(body.title && body.code, label);
  assert.ok(!/[a-z]\.[a-z]+[A-Z]/.test(body.title), `${label}: untranslated title ${body.title}`);
  for (const e of body.errors ?? []) assert.ok(e.message && !/^errors\./.test(e.message), `${label}: untranslated field message ${JSON.stringify(e)}`);
}

function assertNo5xx(res: RawReply, label: string) {
  assert.ok(res.statusCode < 500, `${label}: got ${res.statusCode} ${res.body.slice(0, 300)}`);
}

/** Runs `cases` on a route and checks that the ones answered with a 4xx changed nothing. */
async function unchangedBy(label: string, cases: () => Promise<'refused' | 'accepted'>) {
  const before = await databaseState(t.database);
  const outcome = await cases();
  if (outcome === 'refused') assert.equal(await databaseState(t.database), before, `${label}: bad input changed something`);
}

/* ------------------------------------------------ fields of request schemas */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  maxLength?: number;
  additionalProperties?: JsonSchema | boolean;
};
type FieldKind = 'string' | 'integer' | 'date';
type Field = { path: (string | number)[]; kind: FieldKind };

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const typesOf = (s: JsonSchema): string[] => [...[s.type ?? []].flat(), ...(s.anyOf ?? []).flatMap(typesOf)];
const variantsOf = (s: JsonSchema): JsonSchema[] => [s, ...(s.anyOf ?? []).flatMap(variantsOf)];

/** Every leaf field of a request schema (into nested objects and the first element of arrays), with its kind. */
function fieldsOf(s: JsonSchema, path: (string | number)[] = []): Field[] {
  const out: Field[] = [];
  for (const v of variantsOf(s)) {
    if (v.enum || v.const !== undefined) continue;
    if (typesOf(v).includes('string') && v.type !== undefined) out.push({ path, kind: v.format === 'date' ? 'date' : 'string' });
    if (typesOf(v).includes('integer') && v.type !== undefined) out.push({ path, kind: 'integer' });
    for (const [k, p] of Object.entries(v.properties ?? {})) out.push(...fieldsOf(p, [...path, k]));
    if (v.items) out.push(...fieldsOf(v.items, [...path, 0]));
  }
  return out.filter((f, i) => out.findIndex((g) => g.kind === f.kind && g.path.join('.') === f.path.join('.')) === i);
}

/** `sample` with `value` at `path` (objects and arrays on the way created as needed). */
function withValue(sample: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(sample) ? [...sample] : [];
    list[head] = withValue(list[head] ?? {}, rest, value);
    return list;
  }
  const object = sample && typeof sample === 'object' && !Array.isArray(sample) ? { ...(sample as Record<string, unknown>) } : {};
  object[head] = withValue(object[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  return object;
}

const NUL = 'a\u0000b';
const LONE_SURROGATE = 'a\ud800b';
const INT4_OVERFLOW = 2 ** 31;
const UNSAFE_INTEGER = 2 ** 53;
const BAD_DATES = ['0000-01-01', '10000-01-01'];

/** What must be refused (4xx) for a field, and what must only never fail (no 5xx). */
function valuesFor(kind: FieldKind): { refused: [string, unknown][]; survived: [string, unknown][] } {
  switch (kind) {
    case 'string':
      return { refused: [['NUL', NUL], ['a lone surrogate', LONE_SURROGATE]], survived: [] };
    case 'date':
      return { refused: [['NUL', NUL], ...BAD_DATES.map((d): [string, unknown] => [d, d])], survived: [] };
    case 'integer':
      // 2^31 fits a bigint column (records, yen): it may be accepted, but never reach an int4 column.
      return { refused: [['2^53', UNSAFE_INTEGER], ['-2^53', -UNSAFE_INTEGER]], survived: [['2^31', INT4_OVERFLOW]] };
  }
}

const label = (f: Field) => f.path.join('.') || '(body)';

describe('request schemas: every string is bounded', () => {
  test('every string of every body, query and path schema has a length limit, a format or a fixed set of values', () => {
    const unbounded: string[] = [];
    const walk = (s: JsonSchema, where: string) => {
      for (const v of variantsOf(s)) {
        if (v.type === 'string' && v.maxLength === undefined && !v.enum && v.const === undefined && !['uuid', 'email', 'date'].includes(v.format ?? '')) unbounded.push(where);
        for (const [k, p] of Object.entries(v.properties ?? {})) walk(p, `${where}.${k}`);
        if (v.items) walk(v.items, `${where}[]`);
        if (v.additionalProperties && typeof v.additionalProperties === 'object') walk(v.additionalProperties, `${where}{}`);
      }
    };
    for (const r of t.routes) {
      for (const part of ['params', 'query', 'body'] as const) if (r[part]) walk(jsonSchema(r[part]), `${key(r)} ${part}`);
    }
    assert.deepEqual(unbounded, [], 'use the primitives of src/shared/schemas/common.schema.ts');
  });
});

describe('bad input: 4xx with a translated problem, never 5xx, nothing changed', () => {
  const bodyCases: { name: string; body: string | Buffer; contentType: string }[] = [
    { name: 'malformed JSON', body: '{"a": ', contentType: 'application/json' },
    { name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), contentType: 'application/json' },
    { name: 'JSON array', body: '[]', contentType: 'application/json' },
    { name: 'JSON string', body: '"text"', contentType: 'application/json' },
    { name: 'JSON number', body: '12345', contentType: 'application/json' },
    { name: 'JSON null', body: 'null', contentType: 'application/json' },
    { name: 'prototype pollution', body: '{"__proto__": {"admin": true}}', contentType: 'application/json' },
    { name: 'form body', body: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
    { name: 'plain text', body: 'hello', contentType: 'text/plain' },
    { name: 'oversized body', body: JSON.stringify({ a: 'x'.repeat(1_100_000) }), contentType: 'application/json' },
  ];

  test('malformed bodies on every state-changing route', async () => {
    for (const r of t.routes.filter((x) => x.method !== 'GET')) {
      const url = await fixturePath(r, fixtures);
      await unchangedBy(key(r), async () => {
        for (const c of bodyCases) assertProblem(await send(r, url, c.body, c.contentType), `${key(r)} with ${c.name}`);
        return 'refused';
      });
    }
  });

  test('wrong types, unknown fields and very long strings on every route with a body', async () => {
    for (const r of t.routes.filter((x) => x.body)) {
      const url = await fixturePath(r, fixtures);
      const sample = sampleFor(r.body) as Record<string, unknown>;
      const variants: [string, unknown][] = [
        ['unknown field', { ...sample, surprise: 1 }],
        ...Object.keys(sample).map((k): [string, unknown] => [`${k} as an object`, { ...sample, [k]: { nested: true } }]),
        ...stringFields(r.body).map((k): [string, unknown] => [`${k} very long`, { ...sample, [k]: '長'.repeat(100_000) }]),
        ...stringFields(r.body).map((k): [string, unknown] => [`${k} with control characters`, { ...sample, [k]: 'a\u0007c' }]),
      ];
      // Sign-in and the MFA step count failures (the throttle): they write by design.
      const writesOnFailure = r.url === '/api/v1/auth/sign-in' || r.url === '/api/v1/auth/mfa';
      await unchangedBy(key(r), async () => {
        for (const [name, body] of variants) assertProblem(await sendJson(r, url, body), `${key(r)} ${name}`);
        return writesOnFailure ? 'accepted' : 'refused';
      });
      for (const k of Object.keys(sample)) {
        // An optional field left out is a valid request; a required one is a 4xx.
        const res = await sendJson(r, url, Object.fromEntries(Object.entries(sample).filter(([x]) => x !== k)));
        assertNo5xx(res, `${key(r)} ${k} missing`);
        if (res.statusCode >= 400) assertProblem(res, `${key(r)} ${k} missing`);
      }
    }
  });

  test('NUL and lone surrogates in every text field, integers at 2^31 and 2^53, dates at year 0 and 10000', async () => {
    let checked = 0;
    for (const r of t.routes.filter((x) => x.body)) {
      const url = await fixturePath(r, fixtures);
      const sample = sampleFor(r.body);
      const writesOnFailure = r.url === '/api/v1/auth/sign-in' || r.url === '/api/v1/auth/mfa';
      for (const field of fieldsOf(jsonSchema(r.body))) {
        const { refused, survived } = valuesFor(field.kind);
        await unchangedBy(`${key(r)} ${label(field)}`, async () => {
          for (const [name, value] of refused) {
            assertProblem(await sendJson(r, url, withValue(sample, field.path, value)), `${key(r)} ${label(field)} = ${name}`);
            checked++;
          }
          return writesOnFailure ? 'accepted' : 'refused';
        });
        for (const [name, value] of survived) {
          const res = await sendJson(r, url, withValue(sample, field.path, value));
          assertNo5xx(res, `${key(r)} ${label(field)} = ${name}`);
          if (res.statusCode >= 400) assertProblem(res, `${key(r)} ${label(field)} = ${name}`);
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} cases`);
  });

  test('NUL in every query parameter and path parameter; integers and dates out of range in query strings', async () => {
    let checked = 0;
    for (const r of t.routes) {
      const url = await fixturePath(r, fixtures);
      const body = r.method === 'GET' ? undefined : sampleFor(r.body) ?? {};
      const requests: [string, string, 'refused' | 'survived'][] = [];
      for (const p of pathParams(r)) {
        const segments = r.url.split('/');
        const at = segments.indexOf(`:${p}`);
        requests.push([`path ${p} = NUL`, url.split('/').map((s, i) => (i === at ? 'a%00b' : s)).join('/'), 'refused']);
      }
      const query = r.query ? jsonSchema(r.query) : { properties: {} };
      for (const [name, prop] of Object.entries(query.properties ?? {})) {
        const q = (v: string) => `${url}?${name}=${encodeURIComponent(v)}`;
        requests.push([`${name} = NUL`, q(NUL), 'refused']);
        const kinds = typesOf(prop);
        if (kinds.includes('integer') || kinds.includes('number')) {
          requests.push([`${name} = 2^53`, q(String(UNSAFE_INTEGER)), 'refused']);
          requests.push([`${name} = 2^31`, q(String(INT4_OVERFLOW)), 'survived']);
        }
        if (variantsOf(prop).some((v) => v.format === 'date')) for (const d of BAD_DATES) requests.push([`${name} = ${d}`, q(d), 'refused']);
      }
      await unchangedBy(key(r), async () => {
        for (const [name, target] of requests.filter((x) => x[2] === 'refused')) {
          assertProblem(await sendJson(r, target, body), `${key(r)} ${name}`);
          checked++;
        }
        return 'refused';
      });
      for (const [name, target] of requests.filter((x) => x[2] === 'survived')) {
        const res = await sendJson(r, target, body);
        assertNo5xx(res, `${key(r)} ${name}`);
        if (res.statusCode >= 400) assertProblem(res, `${key(r)} ${name}`);
      }
    }
    assert.ok(checked > 50, `only ${checked} cases`);
  });

  test('malformed path parameters and query strings', async () => {
    for (const r of t.routes) {
      const urls: string[] = [];
      if (pathParams(r).length) {
        urls.push(r.url.replace(/:([A-Za-z]+)/g, 'not-an-id'));
        urls.push(r.url.replace(/:([A-Za-z]+)/g, encodeURIComponent("1' or '1'='1")));
        urls.push(r.url.replace(/:([A-Za-z]+)/g, 'x'.repeat(300)));
      }
      if (r.query) urls.push(`${await fixturePath(r, fixtures)}?limit=abc&cursor=%00&unknown=1`);
      await unchangedBy(key(r), async () => {
        for (const url of urls) {
          // A parameter past the router's limit is refused by Fastify itself (414), before any route runs.
          const res = await sendJson(r, url, sampleFor(r.body));
          assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${r.method} ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
        return 'refused';
      });
    }
  });

  test('NUL, control characters and folders in the file name of every upload', async () => {
    const uploads = t.routes.filter((r) => r.rawBody);
    assert.ok(uploads.length > 0);
    const names: [string, Buffer][] = [
      ['NUL', Buffer.from('filename="memo\u0000.txt"', 'latin1')],
      ['NUL, RFC 8187 encoded', Buffer.from(`filename*=UTF-8''memo%00.txt`, 'latin1')],
      ['a control character', Buffer.from('filename="memo\u0007.txt"', 'latin1')],
      ['a relative path', Buffer.from('filename="../../etc/memo.txt"', 'latin1')],
      ['a Windows path', Buffer.from('filename="C:\\Users\\kumoji\\memo.txt"', 'latin1')],
      ['a folder', Buffer.from('filename="folder/memo.txt"', 'latin1')],
      ['..', Buffer.from('filename=".."', 'latin1')],
      ['a very long name', Buffer.from(`filename="${'x'.repeat(300)}.txt"`, 'latin1')],
    ];
    for (const r of uploads) {
      const url = await fixturePath(r, fixtures);
      // A file the route would take (the asset import reads an inventory).
      const content = r.url === '/api/v1/asset-imports' ? '情報資産名,媒体,データ総件数,ランク,千円\r\n顧客台帳,電子媒体,1,B,1\r\n' : 'memo';
      await unchangedBy(key(r), async () => {
        for (const [name, disposition] of names) {
          const body = Buffer.concat([
            Buffer.from('--b0\r\nContent-Disposition: form-data; name="file"; ', 'latin1'),
            disposition,
            Buffer.from(`\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--b0--\r\n`, 'utf8'),
          ]);
          assertProblem(await send(r, url, body, 'multipart/form-data; boundary=b0'), `${key(r)} with ${name} in the file name`);
        }
        return 'refused';
      });
    }
  });

  test('errors speak the user language', async () => {
    const en = new TestClient(t.app, 'en');
    const res = await en.post('/api/v1/auth/sign-in', { email: 'not-an-email', password: '' });
    assert.equal(res.status, 400);
    assert.equal(res.body.title, 'Some fields are not valid. See the message on each field.');
    assert.deepEqual(res.body.errors.map((e: { path: string }) => e.path).sort(), ['email', 'password']);
    const ja = new TestClient(t.app, 'ja');
    const r2 = await ja.post('/api/v1/auth/sign-in', { email: 'not-an-email', password: 'x' });
    assert.equal(r2.body.errors[0].message, 'メールアドレスの形式が正しくありません。');
  });

  test('unknown API paths get a problem document', async () => {
    const res = await orgA.owner.client.get('/api/v1/no-such-thing');
    assert.equal(res.status, 404);
    assert.equal(res.body.code, 'notFound');
  });
});
