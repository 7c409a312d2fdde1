import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/platform/http/app.ts';
import { defineRoute } from '../../src/server/platform/http/route.ts';
import { allRoutes } from '../../src/server/routes.ts';
import { OkSchema } from '../../src/shared/schemas/common.schema.ts';
import { createBadInputWorld, sendRaw, type BadInputWorld } from '../helpers/bad-input.ts';
import { databaseState } from '../helpers/database-state.ts';
import { addMember, testConfig } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

/**
 * Bad input found one case at a time rather than generated from the route
 * table: the requests an outside probe saw answered with a 500, what a
 * catalog file in YAML can hold that PostgreSQL cannot store, and the error
 * handler that turns a data error PostgreSQL raises into a translated 400.
 */

const w = {} as BadInputWorld;

before(async () => {
  Object.assign(w, await createBadInputWorld());
});
after(() => w.t.close());

describe('the requests an outside probe found answering 500', () => {
  test('each gets a translated 4xx and changes nothing', async () => {
    const client = w.orgA.owner.client;
    const asset = (await w.fixtures.asset()).id;
    const assetImport = (await w.fixtures['asset-import']()).id;
    const { mapping } = (await client.get(`/api/v1/asset-imports/${assetImport}`)).body;
    await w.fixtures['roadmap-task']();
    const roadmap = await client.get('/api/v1/roadmap');
    const practiceItemId = roadmap.body.stages[0].items.find((i: { task: unknown }) => !i.task).item.id;
    const upload = Buffer.from(`--b0\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\nContent-Type: text/csv\r\n\r\n情報資産名,媒体,データ総件数,ランク,千円\r\n顧客台帳,電子媒体,1,B,1\r\n--b0--\r\n`, 'utf8');
    const cases: [string, string, unknown, string?][] = [
      ['GET', '/api/v1/assets?q=%00', undefined],
      ['GET', '/api/v1/audit?entityType=%00', undefined],
      ['GET', '/api/v1/diagnosis/assessments?checklistId=%00', undefined],
      ['GET', `/api/v1/asset-imports/${assetImport}/issues?cursor=2147483648`, undefined],
      ['PATCH', `/api/v1/assets/${asset}`, { version: 2 ** 31 }],
      ['PATCH', '/api/v1/organisation', { version: 2 ** 31 }],
      ['PATCH', '/api/v1/account', { version: 2 ** 31 }],
      ['POST', `/api/v1/asset-imports/${assetImport}/validate`, { mapping, version: 2 ** 31 }],
      ['POST', `/api/v1/asset-imports/${assetImport}/cancel`, { version: 2 ** 31 }],
      ['POST', '/api/v1/roadmap/tasks', { practiceItemId, dueDate: '0000-01-01' }],
      ['POST', '/api/v1/asset-imports', upload, 'multipart/form-data; boundary=b0'],
    ];
    // A signed-in member is answered in their own language.
    const ownerEn = await addMember(w.t, w.orgA.id, 'owner', 'en');
    await ownerEn.client.session();
    const answers: string[] = [];
    for (const member of [w.orgA.owner, ownerEn]) {
      const lang = member.client.lang;
      for (const [method, url, body, contentType] of cases) {
        const before = await databaseState(w.t.database);
        const payload = Buffer.isBuffer(body) ? body : body === undefined ? undefined : JSON.stringify(body);
        const res = await sendRaw(w.t, member.client, method, url, payload, contentType ?? (payload ? 'application/json' : undefined));
        const problem = res.headers['content-type'] === 'application/problem+json; charset=utf-8' ? JSON.parse(res.body) : {};
        const changed = (await databaseState(w.t.database)) !== before;
        answers.push(`${lang} ${method} ${url.replace(/[0-9a-f-]{36}/g, '{id}')} → ${res.statusCode} ${problem.code ?? ''}: ${problem.title ?? res.body.slice(0, 80)}${changed ? ' (changed something)' : ''}`);
      }
    }
    const validation = { ja: '入力内容に誤りがあります。各項目のメッセージをご確認ください。', en: 'Some fields are not valid. See the message on each field.' };
    assert.deepEqual(
      answers,
      [w.orgA.owner, ownerEn].flatMap((m) =>
        cases.map(([method, url]) => `${m.client.lang} ${method} ${url.replace(/[0-9a-f-]{36}/g, '{id}')} → 400 validation: ${validation[m.client.lang]}`),
      ),
    );
  });
});

describe('catalog files: what YAML can write that PostgreSQL cannot store', () => {
  test('NUL and lone surrogates (YAML escapes) and versions or orders past int4 are errors of the file, and nothing is stored', async () => {
    const file = (name: string, version = '1', order = '1') =>
      ['id: urn:kumoji:org:storable', 'type: reference', `version: ${version}`, `name: { ja: "${name}", en: House rules }`, 'source: "bad input"', 'attributes:', '  note: { type: string, ja: 注記, en: Note }', 'items:', '  - id: urn:kumoji:org:storable:one', `    order: ${order}`, '    ja: 規程', '    en: Rule', '    source: "bad input"', `    attributes: { note: "${name}" }`].join('\n');
    const cases: [string, string][] = [
      ['NUL', file('自社\\0規程')],
      ['a lone surrogate', file('自社\\ud800規程')],
      ['a version past int4', file('自社規程', String(2 ** 31))],
      ['an order past int4', file('自社規程', '1', String(2 ** 31))],
    ];
    for (const [name, content] of cases) {
      const before = await databaseState(w.t.database);
      const res = await w.orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'storable.yaml', content });
      assert.equal(res.status, 400, `${name}: ${res.raw.slice(0, 300)}`);
      assert.equal(res.body.code, 'catalogFileInvalid', name);
      assert.equal(await databaseState(w.t.database), before, `${name} changed something`);
    }
  });
});

describe('the last-resort error handler', () => {
  test('a data error from PostgreSQL (SQLSTATE class 22) is a translated 400, logged as a defect with its route', async () => {
    const database = await createTestDatabase();
    const config = testConfig();
    const deps = { config, database };
    // Routes that hand PostgreSQL what it refuses, as a schema without the primitives would.
    const probes = [
      defineRoute({ method: 'GET', url: '/api/v1/probe/int4', summary: 'probe', tags: ['probe'], access: { kind: 'public' }, response: OkSchema,
        handler: async () => { await database.pool.query('select $1::int', ['2147483648']); return { ok: true as const }; } }),
      defineRoute({ method: 'GET', url: '/api/v1/probe/nul', summary: 'probe', tags: ['probe'], access: { kind: 'public' }, response: OkSchema,
        handler: async () => { await database.db.execute(sql`select ${'a\u0000b'}::text`); return { ok: true as const }; } }),
      defineRoute({ method: 'GET', url: '/api/v1/probe/date', summary: 'probe', tags: ['probe'], access: { kind: 'public' }, response: OkSchema,
        handler: async () => { await database.db.execute(sql`select ${'0000-01-01'}::date`); return { ok: true as const }; } }),
    ];
    const app = await buildApp(deps, [...allRoutes(deps), ...probes]);
    const logged: { level: string; entry: Record<string, unknown> }[] = [];
    app.addHook('onRequest', async (req) => {
      const log = req.log;
      req.log = Object.assign(Object.create(log), {
        error: (entry: Record<string, unknown>) => logged.push({ level: 'error', entry }),
      });
    });
    await app.ready();
    try {
      for (const [url, sqlState] of [['/api/v1/probe/int4', '22003'], ['/api/v1/probe/nul', '22021'], ['/api/v1/probe/date', '22008']]) {
        for (const [lang, title] of [
          ['ja', '送信された値の中に、保存できない値(範囲外の数値や日付、使用できない文字など)が含まれています。内容をご確認のうえ、もう一度お試しください。'],
          ['en', 'The request contains a value that cannot be stored (a number or date out of range, or a character that is not allowed). Please check it and try again.'],
        ]) {
          logged.length = 0;
          const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
          assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
          assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
          assert.deepEqual(JSON.parse(res.body), { type: 'urn:kumoji:problem:invalidData', title, status: 400, code: 'invalidData' });
          assert.equal(logged.length, 1, url);
          assert.equal(logged[0].entry.route, url);
          assert.equal(logged[0].entry.sqlState, sqlState);
        }
      }
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
