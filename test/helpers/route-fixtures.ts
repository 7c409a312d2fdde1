import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { can, type Permission, type Role } from '../../src/shared/policy.ts';
import type { TestApp, TestMember, TestOrganisation } from './test-app.ts';

/**
 * What the tests generated from the route table share: how to get
 * organisation A's id for every kind of entity a route path names, and how
 * to fill a route's path with it.
 */

export type RouteFixtures = Record<string, () => Promise<Record<string, string>>>;

export interface RouteFixtureContext {
  t: TestApp;
  orgA: TestOrganisation;
  staffA: TestMember;
}

export function routeFixtures({ t, orgA, staffA }: RouteFixtureContext): RouteFixtures {
  /** How to get organisation A's id for each kind of entity a route path names. */
  const fixtures: RouteFixtures = {
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

  return fixtures;
}

/** Path parameters that name shared (not organisation-owned) things. */
export const GLOBAL_PARAMS: Record<string, () => string> = {
  token: () => 'no-such-token-0000000000',
};

export const routeKey = (r: AnyRoute) => `${r.method} ${r.url}`;
export const pathParams = (r: AnyRoute) => [...r.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

export function fillPath(url: string, values: Record<string, string>) {
  return url.replace(/:([A-Za-z]+)/g, (_m, p: string) => encodeURIComponent(values[p] ?? randomUUID()));
}

/** The path of route `r` naming organisation A's entity (and the shared parameters). */
export async function fixturePath(r: AnyRoute, fixtures: RouteFixtures): Promise<string> {
  const values = r.tenantEntity ? await fixtures[r.tenantEntity]() : {};
  return fillPath(r.url, { ...values, ...Object.fromEntries(Object.entries(GLOBAL_PARAMS).map(([k, f]) => [k, f()])) });
}

/**
 * The same fixtures, each made once and then reused: for tests whose requests
 * must change nothing (and check that they did not), so one entity serves
 * every role and every route that names it.
 */
export function onceEach(fixtures: RouteFixtures): RouteFixtures {
  const made = new Map<string, Promise<Record<string, string>>>();
  return Object.fromEntries(
    Object.entries(fixtures).map(([entity, make]) => [entity, () => {
      if (!made.has(entity)) made.set(entity, make());
      return made.get(entity)!;
    }]),
  );
}

/** Whether `role` may use route `r` by the policy (routes that need no organisation permission: yes). */
export function roleMayUse(role: Role, r: AnyRoute): boolean {
  return r.access.kind !== 'org' || can(role, (r.access as { permission: Permission }).permission);
}

/**
 * Loads the shipped catalog and lets each organisation pin it, as its first
 * catalog read does (`pinShippedCollections`): done before a test compares
 * rows, so that first read is not taken for a change a request made.
 */
export async function pinShippedCatalog(t: TestApp, organisations: TestOrganisation[]): Promise<void> {
  const { loadShippedCatalog } = await import('../../src/server/catalog/catalog.loader.ts');
  await loadShippedCatalog(t.database, t.config.CATALOG_DIR);
  for (const org of organisations) assert.equal((await org.owner.client.get('/api/v1/catalog/collections')).status, 200);
}
