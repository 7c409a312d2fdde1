import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { addMember, createOrganisation, createTestApp, TestClient, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { sampleFor, stringFields } from '../helpers/sample-values.ts';

/**
 * Security tests generated from the route table (src/server/routes.ts):
 * - every route whose path names an organisation's entity: another
 *   organisation's owner gets 404 and nothing changes;
 * - every organisation route that writes: an auditor gets 403;
 * - every route: malformed input of every kind gets a 4xx problem document,
 *   never a 5xx, and changes nothing.
 * A route that is not covered here (an unknown tenantEntity, a path
 * parameter without a declared tenantEntity) fails the suite.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;
let staffA: TestMember;

/** How to get organisation A's id for each kind of entity a route path names. */
const fixtures: Record<string, () => Promise<Record<string, string>>> = {
  member: async () => ({ userId: staffA.userId }),
  invitation: async () => {
    const r = await orgA.owner.client.post('/api/v1/invitations', { email: `inv-${randomUUID().slice(0, 6)}@example.jp`, role: 'staff' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  session: async () => {
    const list = await staffA.client.get('/api/v1/account/sessions');
    return { id: list.body.items[0].id };
  },
  'catalog-collection': async () => ({ collectionId: (await ownCatalogFile()).collectionId }),
  'catalog-item': async () => ({ itemId: (await ownCatalogFile()).itemId }),
  workload: async () => {
    const r = await orgA.owner.client.post('/api/v1/workloads', { name: `Workload ${randomUUID().slice(0, 8)}` });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  system: async () => {
    const r = await orgA.owner.client.post('/api/v1/systems', { name: `System ${randomUUID().slice(0, 8)}`, criticality: 'high', currentPlacement: 'mainframe' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  asset: async () => {
    const r = await orgA.owner.client.post('/api/v1/assets', { name: `Asset ${randomUUID().slice(0, 8)}`, medium: 'electronic', records: 1, rank: 'B', unitValueThousandYen: '1' });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  'asset-import': async () => {
    const boundary = `b${randomUUID().slice(0, 8)}`;
    const csv = '情報資産名,媒体,データ総件数,ランク,千円\r\n顧客台帳,電子媒体,1,B,1\r\n';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const r = await orgA.owner.client.request('POST', '/api/v1/asset-imports', Buffer.from(body), { 'content-type': `multipart/form-data; boundary=${boundary}` });
    assert.equal(r.status, 201, r.raw);
    return { id: r.body.id };
  },
  // Diagnosis module: organisation A gets the shipped catalog, a draft of the prerequisite check,
  // one gate decision (stage 0 → 1) and an evaluation of the stage 1 gate; each upload is a new file.
  assessment: async () => {
    const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
    await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
    const list = await orgA.owner.client.get('/api/v1/diagnosis/checklists');
    const pre = list.body.items.find((c: { id: string }) => c.id === 'urn:kumoji:seed-000:checklists:prerequisite');
    if (pre.draft) return { assessmentId: pre.draft.id };
    const r = await orgA.owner.client.post('/api/v1/diagnosis/assessments', { checklistId: pre.id });
    assert.equal(r.status, 201, r.raw);
    return { assessmentId: r.body.id };
  },
  'assessment-answer': async () => ({ ...(await fixtures.assessment()), itemId: 'urn:kumoji:seed-000:checklists:prerequisite:1.1' }),
  'assessment-answer-evidence': async () => {
    const ids = await fixtures['assessment-answer']();
    const body = `--b0\r\nContent-Disposition: form-data; name="file"; filename="memo.txt"\r\nContent-Type: text/plain\r\n\r\nmemo\r\n--b0--\r\n`;
    const url = `/api/v1/diagnosis/assessments/${ids.assessmentId}/answers/${encodeURIComponent(ids.itemId)}/evidence`;
    const r = await orgA.owner.client.request('POST', url, Buffer.from(body), { 'content-type': 'multipart/form-data; boundary=b0' });
    assert.equal(r.status, 201, r.raw);
    return { ...ids, evidenceId: r.body.id };
  },
  evidence: async () => ({ evidenceId: (await fixtures['assessment-answer-evidence']()).evidenceId }),
  'stage-decision': async () => {
    await fixtures.assessment();
    let stages = await orgA.owner.client.get('/api/v1/stages');
    if (!stages.body.decisions.length) {
      const r = await orgA.owner.client.post('/api/v1/stages/decisions', { track: 'main', outcome: 'advance', reason: 'security fixture', version: 0 });
      assert.equal(r.status, 201, r.raw);
      stages = await orgA.owner.client.get('/api/v1/stages');
    }
    return { decisionId: stages.body.decisions[0].id };
  },
  'gate-evaluation': async () => {
    await fixtures['stage-decision']();
    const r = await orgA.owner.client.post('/api/v1/stages/evaluations', { gateItemId: 'urn:kumoji:seed-000:stages:stage-1:gate.1', result: 'satisfactory', summary: 'fixture', evaluators: 'fixture' });
    assert.equal(r.status, 201, r.raw);
    return { evaluationId: r.body.id };
  },
  'roadmap-task': async () => {
    await fixtures.assessment();
    const roadmap = await orgA.owner.client.get('/api/v1/roadmap');
    const item = roadmap.body.stages[0].items[0];
    if (item.task) return { taskId: item.task.id };
    const r = await orgA.owner.client.post('/api/v1/roadmap/tasks', { practiceItemId: item.item.id });
    assert.equal(r.status, 201, r.raw);
    return { taskId: r.body.id };
  },
  'roadmap-task-evidence': async () => {
    const { taskId } = await fixtures['roadmap-task']();
    const body = `--b0\r\nContent-Disposition: form-data; name="file"; filename="memo.txt"\r\nContent-Type: text/plain\r\n\r\nmemo\r\n--b0--\r\n`;
    const r = await orgA.owner.client.request('POST', `/api/v1/roadmap/tasks/${taskId}/evidence`, Buffer.from(body), { 'content-type': 'multipart/form-data; boundary=b0' });
    assert.equal(r.status, 201, r.raw);
    return { taskId, evidenceId: r.body.id };
  },
};

/** An organisation's own catalog file in A (uploading the same file again changes nothing). */
async function ownCatalogFile() {
  const content = [
    'id: urn:kumoji:org:security-fixture',
    'type: reference',
    'version: 1',
    'name: { ja: 自社規程, en: House rules }',
    'source: "security test"',
    'items:',
    '  - id: urn:kumoji:org:security-fixture:one',
    '    ja: 規程',
    '    en: Rule',
    '    source: "security test"',
  ].join('\n');
  const r = await orgA.owner.client.post('/api/v1/catalog/organisation-files', { filename: 'security-fixture.yaml', content });
  assert.equal(r.status, 200, r.raw);
  return { collectionId: 'urn:kumoji:org:security-fixture', itemId: 'urn:kumoji:org:security-fixture:one' };
}

/** Path parameters that name shared (not organisation-owned) things. */
const GLOBAL_PARAMS: Record<string, () => string> = {
  token: () => 'no-such-token-0000000000',
};

const key = (r: AnyRoute) => `${r.method} ${r.url}`;
const pathParams = (r: AnyRoute) => [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

function fillPath(url: string, values: Record<string, string>) {
  return url.replace(/:([A-Za-z]+)/g, (_m, p: string) => encodeURIComponent(values[p] ?? randomUUID()));
}

async function auditCount(): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>('select count(*)::int as n from audit_log');
  return rows[0].n;
}

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  auditorA = await addMember(t, orgA.id, 'auditor');
  staffA = await addMember(t, orgA.id, 'staff');
});
after(() => t.close());

describe('route table coverage', () => {
  test('every path parameter is either an organisation entity with a fixture or a known shared parameter', () => {
    for (const r of t.routes) {
      const params = pathParams(r);
      if (!params.length) continue;
      if (params.every((p) => p in GLOBAL_PARAMS)) continue;
      assert.ok(r.tenantEntity, `${key(r)} takes ${params.join(', ')} but declares no tenantEntity`);
      assert.ok(fixtures[r.tenantEntity], `${key(r)}: no tenant fixture for entity "${r.tenantEntity}" in test/platform/security.test.ts`);
    }
  });

  test('every registered API route is in the table (nothing registered around it)', () => {
    const declared = new Set(t.routes.map(key));
    const api = t.app.registeredRoutes.filter((r) => r.url.startsWith('/api/v1') && r.method !== 'HEAD');
    assert.ok(api.length >= t.routes.length);
    for (const r of api) assert.ok(declared.has(`${r.method} ${r.url}`), `${r.method} ${r.url} is registered outside the route table`);
  });
});

describe('tenant isolation: another organisation gets 404 and changes nothing', () => {
  test('for every route that names an organisation entity', async () => {
    const routes = t.routes.filter((r) => r.tenantEntity);
    assert.ok(routes.length > 0);
    for (const r of routes) {
      const values = await fixtures[r.tenantEntity!]();
      const before = await auditCount();
      const res = await orgB.owner.client.request(r.method, fillPath(r.url, values), r.method === 'GET' ? undefined : (sampleFor(r.body) ?? {}));
      assert.equal(res.status, 404, `${key(r)} by another organisation's owner: ${res.status} ${res.raw}`);
      assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(await auditCount(), before, `${key(r)} changed something`);
    }
  });

  test('an id of another organisation in a body finds nothing either', async () => {
    const r = await orgB.owner.client.post('/api/v1/session/organisation', { organisationId: orgA.id });
    assert.equal(r.status, 404);
  });
});

describe('roles: the auditor reads everything and changes nothing', () => {
  test('every organisation write route refuses the auditor with 403', async () => {
    const writes = t.routes.filter((r) => r.access.kind === 'org' && r.method !== 'GET');
    assert.ok(writes.length > 0);
    for (const r of writes) {
      const values = r.tenantEntity ? await fixtures[r.tenantEntity]() : {};
      const before = await auditCount();
      const res = await auditorA.client.request(r.method, fillPath(r.url, values), sampleFor(r.body) ?? {});
      assert.equal(res.status, 403, `${key(r)} by an auditor: ${res.status} ${res.raw}`);
      assert.equal(await auditCount(), before);
    }
  });

  test('the auditor can read every organisation read route it is allowed by the policy', async () => {
    const reads = t.routes.filter((r) => r.access.kind === 'org' && r.method === 'GET' && !pathParams(r).length);
    for (const r of reads) {
      const res = await auditorA.client.get(r.url);
      const allowed = (await auditorA.client.session()).organisation.can[(r.access as { permission: string }).permission];
      assert.equal(res.status, allowed ? 200 : 403, `${key(r)}: ${res.status}`);
    }
  });

  test('staff cannot manage members', async () => {
    const res = await staffA.client.post('/api/v1/invitations', { email: 'x@example.jp', role: 'owner' });
    assert.equal(res.status, 403);
  });

  test('signed-out requests to non-public routes get 401', async () => {
    const anonymous = new TestClient(t.app);
    for (const r of t.routes.filter((x) => x.access.kind !== 'public')) {
      const res = await anonymous.request(r.method, fillPath(r.url, {}), r.method === 'GET' ? undefined : {});
      assert.equal(res.status, 401, `${key(r)} signed out: ${res.status}`);
    }
  });
});

describe('bad input: 4xx with a translated problem, never 5xx, nothing changed', () => {
  type Case = { name: string; body?: string | Buffer; contentType?: string; query?: string; badParam?: boolean };
  const bodyCases: Case[] = [
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

  async function send(client: TestClient, r: AnyRoute, url: string, c: Case) {
    return t.app.inject({
      method: r.method,
      url,
      headers: {
        cookie: (client as unknown as { cookieHeader(): string }).cookieHeader(),
        'x-csrf-token': client.csrf,
        'accept-language': 'ja',
        ...(c.contentType ? { 'content-type': c.contentType } : {}),
      },
      ...(c.body !== undefined ? { payload: c.body } : {}),
    });
  }

  function assertProblem(res: { statusCode: number; headers: Record<string, unknown>; body: string }, label: string) {
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${label}: got ${res.statusCode} ${res.body.slice(0, 300)}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', label);
    const body = JSON.parse(res.body);
    assert.ok(body.title && body.code, label);
    assert.ok(!/[a-z]\.[a-z]+[A-Z]/.test(body.title), `${label}: untranslated title ${body.title}`);
  }

  test('malformed bodies on every state-changing route', async () => {
    const client = orgA.owner.client;
    await client.session();
    const before = await auditCount();
    for (const r of t.routes.filter((x) => x.method !== 'GET')) {
      const values = r.tenantEntity ? await fixtures[r.tenantEntity]() : {};
      const url = fillPath(r.url, { ...values, ...Object.fromEntries(Object.entries(GLOBAL_PARAMS).map(([k, f]) => [k, f()])) });
      const baseline = await auditCount();
      for (const c of bodyCases) {
        const res = await send(client, r, url, c);
        assertProblem(res, `${key(r)} with ${c.name}`);
      }
      assert.equal(await auditCount(), baseline, `${key(r)}: bad input changed something`);
    }
    assert.ok((await auditCount()) >= before);
  });

  test('wrong types, unknown fields and very long strings on every route with a body', async () => {
    const client = orgA.owner.client;
    for (const r of t.routes.filter((x) => x.body)) {
      const values = r.tenantEntity ? await fixtures[r.tenantEntity]() : {};
      const url = fillPath(r.url, { ...values, ...Object.fromEntries(Object.entries(GLOBAL_PARAMS).map(([k, f]) => [k, f()])) });
      const sample = sampleFor(r.body) as Record<string, unknown>;
      const baseline = await auditCount();
      const variants: [string, unknown][] = [
        ['unknown field', { ...sample, surprise: 1 }],
        ...Object.keys(sample).map((k): [string, unknown] => [`${k} as an object`, { ...sample, [k]: { nested: true } }]),
        ...Object.keys(sample).map((k): [string, unknown] => [`${k} missing`, Object.fromEntries(Object.entries(sample).filter(([x]) => x !== k))]),
        ...stringFields(r.body).map((k): [string, unknown] => [`${k} very long`, { ...sample, [k]: '長'.repeat(100_000) }]),
        ...stringFields(r.body).map((k): [string, unknown] => [`${k} with control characters`, { ...sample, [k]: 'a\u0000b\u0007c' }]),
      ];
      for (const [name, body] of variants) {
        const res = await client.request(r.method, url, body);
        if (name.endsWith('missing') && res.status < 400) continue; // optional field
        assert.ok(res.status >= 400 && res.status < 500, `${key(r)} ${name}: ${res.status} ${res.raw.slice(0, 200)}`);
        assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
      }
      if (r.url !== '/api/v1/auth/sign-in' && r.url !== '/api/v1/auth/mfa') {
        assert.equal(await auditCount(), baseline, `${key(r)}: bad input changed something`);
      }
    }
  });

  test('malformed path parameters and query strings', async () => {
    const client = orgA.owner.client;
    for (const r of t.routes) {
      const params = pathParams(r);
      const urls: string[] = [];
      if (params.length) {
        urls.push(r.url.replace(/:([A-Za-z]+)/g, 'not-an-id'));
        urls.push(r.url.replace(/:([A-Za-z]+)/g, encodeURIComponent("1' or '1'='1")));
        urls.push(r.url.replace(/:([A-Za-z]+)/g, 'x'.repeat(300)));
      }
      if (r.query) urls.push(`${fillPath(r.url, {})}?limit=abc&cursor=%00&unknown=1`);
      for (const url of urls) {
        const res = await client.request(r.method, url, r.method === 'GET' ? undefined : (sampleFor(r.body) ?? {}));
        assert.ok(res.status >= 400 && res.status < 500, `${r.method} ${url}: ${res.status} ${res.raw.slice(0, 200)}`);
      }
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
