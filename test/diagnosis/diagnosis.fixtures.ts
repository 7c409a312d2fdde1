import assert from 'node:assert/strict';
import type { ModuleFixtures, ModuleIdFields } from '../helpers/route-fixtures.ts';

/** A text file as a multipart upload (boundary b0); each upload is a new evidence file. */
const MEMO = `--b0\r\nContent-Disposition: form-data; name="file"; filename="memo.txt"\r\nContent-Type: text/plain\r\n\r\nmemo\r\n--b0--\r\n`;
const MULTIPART = { 'content-type': 'multipart/form-data; boundary=b0' };

/**
 * The diagnosis' entities in organisation A: the shipped catalog, a draft of the prerequisite check
 * with an answer and its evidence, one gate decision (stage 0 → 1), an evaluation of the stage 1 gate,
 * and a roadmap task with evidence.
 */
export const fixtures: ModuleFixtures = ({ t, orgA, all }) => ({
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
  'assessment-answer': async () => ({ ...(await all.assessment()), itemId: 'urn:kumoji:seed-000:checklists:prerequisite:1.1' }),
  'assessment-answer-evidence': async () => {
    const ids = await all['assessment-answer']();
    const url = `/api/v1/diagnosis/assessments/${ids.assessmentId}/answers/${encodeURIComponent(ids.itemId)}/evidence`;
    const r = await orgA.owner.client.request('POST', url, Buffer.from(MEMO), MULTIPART);
    assert.equal(r.status, 201, r.raw);
    return { ...ids, evidenceId: r.body.id };
  },
  'stage-decision': async () => {
    await all.assessment();
    let stages = await orgA.owner.client.get('/api/v1/stages');
    if (!stages.body.decisions.length) {
      const r = await orgA.owner.client.post('/api/v1/stages/decisions', { track: 'main', outcome: 'advance', reason: 'security fixture', version: 0 });
      assert.equal(r.status, 201, r.raw);
      stages = await orgA.owner.client.get('/api/v1/stages');
    }
    return { decisionId: stages.body.decisions[0].id };
  },
  'gate-evaluation': async () => {
    await all['stage-decision']();
    const r = await orgA.owner.client.post('/api/v1/stages/evaluations', { gateItemId: 'urn:kumoji:seed-000:stages:stage-1:gate.1', result: 'satisfactory', summary: 'fixture', evaluators: 'fixture' });
    assert.equal(r.status, 201, r.raw);
    return { evaluationId: r.body.id };
  },
  'roadmap-task': async () => {
    await all.assessment();
    const roadmap = await orgA.owner.client.get('/api/v1/roadmap');
    const item = roadmap.body.stages[0].items[0];
    if (item.task) return { taskId: item.task.id };
    const r = await orgA.owner.client.post('/api/v1/roadmap/tasks', { practiceItemId: item.item.id });
    assert.equal(r.status, 201, r.raw);
    return { taskId: r.body.id };
  },
  'roadmap-task-evidence': async () => {
    const { taskId } = await all['roadmap-task']();
    const r = await orgA.owner.client.request('POST', `/api/v1/roadmap/tasks/${taskId}/evidence`, Buffer.from(MEMO), MULTIPART);
    assert.equal(r.status, 201, r.raw);
    return { taskId, evidenceId: r.body.id };
  },
});

/** A practice item of A's roadmap that is no task yet (each created task takes one). */
async function freePracticeItem(orgA: Parameters<ModuleIdFields>[0]['orgA']): Promise<string> {
  const roadmap = await orgA.owner.client.get('/api/v1/roadmap');
  const items = roadmap.body.stages.flatMap((s: { items: { item: { id: string }; task: unknown }[] }) => s.items);
  return items.find((i: { task: unknown }) => !i.task).item.id;
}

/** The diagnosis' uuid request fields: the assessment compared with, and a roadmap task's owner. */
export const idFields: ModuleIdFields = (ctx) => ({
  'GET /api/v1/diagnosis/assessments/:assessmentId/comparison query.with': {
    kind: 'assessment',
    own: 'found',
    request: async (id) => ({ method: 'GET', url: `/api/v1/diagnosis/assessments/${(await ctx.target('assessment')).assessmentId}/comparison?with=${id}` }),
  },
  'POST /api/v1/roadmap/tasks body.ownerUserId': {
    kind: 'member',
    request: async (id) => ({ method: 'POST', url: '/api/v1/roadmap/tasks', body: { practiceItemId: await freePracticeItem(ctx.orgA), ownerUserId: id } }),
  },
  'PATCH /api/v1/roadmap/tasks/:taskId body.ownerUserId': {
    kind: 'member',
    request: async (id) => {
      const { taskId } = await ctx.target('roadmap-task');
      return { method: 'PATCH', url: `/api/v1/roadmap/tasks/${taskId}`, body: { ownerUserId: id, version: await ctx.versionOf('roadmap_tasks', taskId!) } };
    },
  },
});
