import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WEB_DIST } from '../../src/server/platform/http/app.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestClient, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { SAMPLE_PDF } from '../helpers/multipart.ts';
import { assess, countRows, createDiagnosisWorld, enc, MANUFACTURER_PROFILE, MIG, MIG_ITEMS, PRE, PRE_ITEMS, q, SIGN_ITEMS, SIGNS, STAGES, upload } from './diagnosis-fixtures.ts';

/**
 * The diagnosis module through its API, against a real database with the
 * shipped catalog: checklists → assessments → diagnosis → gate → roadmap →
 * dashboard → report, with the bad input and the concurrent edits that must
 * change nothing. The organisation profile and evidence files are in
 * diagnosis-evidence.api.test.ts.
 */

let t: TestApp;
let orgB: TestOrganisation;
let owner: TestClient;
let manager: TestMember;
let staff: TestMember;
let auditor: TestMember;

const auditCount = () => countRows(t, 'select count(*)::int as n from audit_log');

before(async () => {
  ({ t, orgB, owner, manager, staff, auditor } = await createDiagnosisWorld());
  // The organisation has described itself (diagnosis-evidence.api.test.ts edits the profile step by step).
  const profile = await manager.client.patch('/api/v1/organisation/profile', { ...MANUFACTURER_PROFILE, version: 0 });
  assert.equal(profile.status, 200, profile.raw);
});
after(() => t.close());

describe('checklists and assessments', () => {
  let draftId = '';

  test('the loaded checklists: prerequisite 8, migration 9, signs of stage 3', async () => {
    const r = await auditor.client.get('/api/v1/diagnosis/checklists');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.can.answer, false);
    assert.deepEqual(
      r.body.items.map((c: { id: string; questionCount: number; passRule: string; placesAtStage: string | null; readyForStage: string | null }) => [c.id, c.questionCount, c.passRule, c.placesAtStage, c.readyForStage]),
      [
        [PRE, 8, 'majority', '1', null],
        [MIG, 9, 'all', null, '2'],
        [SIGNS, 3, 'all', '3', null],
      ],
    );
  });

  test('a draft: one per checklist, answers saved as people go, with the seed\'s score', async () => {
    const start = await staff.client.post('/api/v1/diagnosis/assessments', { checklistId: PRE });
    assert.equal(start.status, 201, start.raw);
    draftId = start.body.id;
    assert.deepEqual([start.body.status, start.body.catalogVersion, start.body.questions.length, start.body.score.text.ja], ['draft', 1, 8, 'Yes の合計 0/8']);
    assert.equal((await owner.post('/api/v1/diagnosis/assessments', { checklistId: PRE })).body.code, 'assessmentDraftExists');
    assert.equal((await owner.post('/api/v1/diagnosis/assessments', { checklistId: `${STAGES}:stage-1` })).status, 400);
    const first = await staff.client.patch(`/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[0])}`, { answer: 'yes', comment: 'Microsoft 365 を利用中', version: 0 });
    assert.equal(first.status, 200, first.raw);
    assert.deepEqual([first.body.question.answer.answer, first.body.question.answer.version, first.body.score.yes, first.body.score.text.ja], ['yes', 1, 1, 'Yes の合計 1/8']);
    assert.match(first.body.question.answer.answeredBy, /^staff \d+$/);
  });

  test('bad answers get a clear 4xx and change nothing', async () => {
    const before = await auditCount();
    const url = (item: string) => `/api/v1/diagnosis/assessments/${draftId}/answers/${enc(item)}`;
    const notInList = await owner.patch(url(MIG_ITEMS[0]), { answer: 'yes', version: 0 });
    assert.deepEqual([notInList.status, notInList.body.code], [400, 'itemNotInChecklist']);
    assert.equal(notInList.body.title, 'この項目はこのチェックリストにありません。');
    const stale = await owner.patch(url(PRE_ITEMS[0]), { answer: 'no', version: 0 });
    assert.deepEqual([stale.status, stale.body.code], [409, 'conflict']);
    const badValue = await owner.patch(url(PRE_ITEMS[1]), { answer: 'maybe', version: 0 });
    assert.equal(badValue.status, 400);
    assert.equal((await auditor.client.patch(url(PRE_ITEMS[1]), { answer: 'yes', version: 0 })).status, 403);
    assert.equal((await orgB.owner.client.patch(url(PRE_ITEMS[1]), { answer: 'yes', version: 0 })).status, 404);
    assert.equal(await auditCount(), before);
  });

  test('two people saving the same answer at once: one wins, the other is told', async () => {
    const url = `/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[1])}`;
    const results = await Promise.all([owner.patch(url, { answer: 'yes', version: 0 }), staff.client.patch(url, { answer: 'no', version: 0 })]);
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409]);
  });

  test('submitting: every question answered, the version seen, then frozen', async () => {
    let draft = await owner.get(`/api/v1/diagnosis/assessments/${draftId}`);
    const incomplete = await owner.post(`/api/v1/diagnosis/assessments/${draftId}/submit`, { version: draft.body.version });
    assert.deepEqual([incomplete.status, incomplete.body.code], [400, 'assessmentIncomplete']);
    assert.match(incomplete.body.title, /未回答の項目が 6 件あります\(No\. 1\.3, 1\.4, 1\.5, 1\.6, 1\.7, 1\.8\)/);
    // 1.2 was answered by whoever won above: make it Yes. 1.3 Don't know; 1.4 No; the rest Yes → 6/8.
    const second = draft.body.questions.find((x: { id: string }) => x.id === PRE_ITEMS[1]).answer;
    assert.equal((await owner.patch(`/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[1])}`, { answer: 'yes', version: second.version })).status, 200);
    const answers: Record<string, string> = { [PRE_ITEMS[2]]: 'unknown', [PRE_ITEMS[3]]: 'no' };
    for (const item of PRE_ITEMS.slice(2)) {
      assert.equal((await owner.patch(`/api/v1/diagnosis/assessments/${draftId}/answers/${enc(item)}`, { answer: answers[item] ?? 'yes', version: 0 })).status, 200);
    }
    const stale = await owner.post(`/api/v1/diagnosis/assessments/${draftId}/submit`, { version: draft.body.version });
    assert.deepEqual([stale.status, stale.body.code], [409, 'conflict']);
    draft = await owner.get(`/api/v1/diagnosis/assessments/${draftId}`);
    const submitted = await owner.post(`/api/v1/diagnosis/assessments/${draftId}/submit`, { version: draft.body.version });
    assert.equal(submitted.status, 200, submitted.raw);
    assert.equal(submitted.body.status, 'submitted');
    assert.ok(submitted.body.submittedAt);
    assert.deepEqual([submitted.body.score.yes, submitted.body.score.unknown, submitted.body.score.no, submitted.body.score.text.en], [6, 1, 1, 'Total of Yes answers 6/8']);
    assert.equal(submitted.body.can.answer, false);

    const before = await auditCount();
    const again = await owner.post(`/api/v1/diagnosis/assessments/${draftId}/submit`, { version: submitted.body.version });
    assert.deepEqual([again.status, again.body.code], [409, 'assessmentSubmitted']);
    assert.equal((await owner.patch(`/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[0])}`, { answer: 'no', version: 1 })).body.code, 'assessmentSubmitted');
    assert.equal((await owner.delete(`/api/v1/diagnosis/assessments/${draftId}`)).status, 409);
    assert.equal(await auditCount(), before);
    // The database itself refuses to change a submitted assessment or its answers.
    await assert.rejects(t.database.pool.query(`update assessment_answers set answer = 'no' where assessment_id = $1`, [draftId]), /submitted/);
    await assert.rejects(t.database.pool.query(`update assessments set checklist_id = 'x' where id = $1`, [draftId]), /submitted/);
  });

  test('the other checklists, then the diagnosis explains the stage item by item', async () => {
    await assess(owner, MIG, MIG_ITEMS, { [q(MIG, '4.7')]: 'no' });
    await assess(owner, SIGNS, SIGN_ITEMS, { [SIGN_ITEMS[1]]: 'no', [SIGN_ITEMS[2]]: 'no' });
    const d = await auditor.client.get('/api/v1/diagnosis');
    assert.equal(d.status, 200, d.raw);
    assert.equal(d.body.complete, true);
    assert.equal(d.body.proposedStage, '1');
    assert.equal(d.body.readyForStage, null);
    assert.deepEqual(
      d.body.checklists.map((c: { score: { text: { ja: string } } }) => c.score.text.ja),
      ['Yes の合計 6/8', 'Yes の合計 8／9', 'Yes の合計 1/3'],
    );
    const codes = d.body.reasons.map((r: { code: string }) => r.code);
    assert.deepEqual(codes, ['passRuleMet', 'notReadyFor', 'passRuleNotMet']);
    assert.deepEqual(d.body.reasons[1].missing, [q(MIG, '4.7')]);
    assert.deepEqual(d.body.items[q(MIG, '4.7')].number, '4.7');
    assert.deepEqual(d.body.highRisks.map((h: { itemId: string }) => h.itemId), [SIGN_ITEMS[2]]);
    assert.deepEqual(d.body.suggestedActions.map((a: { itemId: string }) => a.itemId), [q(MIG, '4.7'), SIGN_ITEMS[2]]);
    assert.match(d.body.suggestedActions[0].action.ja, /暗号化/);
    assert.deepEqual(d.body.unknownItems, [PRE_ITEMS[2]]);
    assert.deepEqual(d.body.stageXReasons, ['personalData', 'euResidentsData']);
    assert.equal(d.body.industry.name.ja, '製造業');
  });

  test('a new assessment carries the last answers over; two can be compared item by item', async () => {
    const start = await staff.client.post('/api/v1/diagnosis/assessments', { checklistId: MIG });
    assert.equal(start.status, 201);
    assert.equal(start.body.score.yes, 8, 'answers carried over');
    const item = start.body.questions.find((x: { id: string }) => x.id === q(MIG, '4.7'));
    assert.equal(item.answer.answer, 'no');
    await staff.client.patch(`/api/v1/diagnosis/assessments/${start.body.id}/answers/${enc(item.id)}`, { answer: 'yes', comment: 'VPN と TLS 1.2 以上を確認', version: item.answer.version });
    const fresh = await staff.client.get(`/api/v1/diagnosis/assessments/${start.body.id}`);
    const submitted = await staff.client.post(`/api/v1/diagnosis/assessments/${start.body.id}/submit`, { version: fresh.body.version });
    assert.equal(submitted.status, 200);
    assert.ok(submitted.body.previousId);
    const cmp = await owner.get(`/api/v1/diagnosis/assessments/${start.body.id}/comparison`);
    assert.equal(cmp.status, 200, cmp.raw);
    assert.deepEqual([cmp.body.improved, cmp.body.worsened, cmp.body.changed], [1, 0, 0]);
    const changed = cmp.body.items.filter((i: { change: string }) => i.change !== 'same');
    assert.deepEqual(changed.map((i: { number: string; left: string; right: string }) => [i.number, i.left, i.right]), [['4.7', 'no', 'yes']]);
    assert.equal(cmp.body.left.id, submitted.body.previousId);
    const history = await owner.get(`/api/v1/diagnosis/assessments?checklistId=${enc(MIG)}`);
    assert.equal(history.body.items.length, 2);
    const first = await owner.get(`/api/v1/diagnosis/assessments/${submitted.body.previousId}/comparison`);
    assert.equal(first.body.code, 'assessmentNothingToCompare');
    const other = await owner.get(`/api/v1/diagnosis/assessments/${start.body.id}/comparison?with=${draftId}`);
    assert.equal(other.body.code, 'assessmentsNotComparable');
    // With 4.7 now Yes, all nine: stage 1 may move to stage 2.
    const d = await owner.get('/api/v1/diagnosis');
    assert.deepEqual([d.body.proposedStage, d.body.readyForStage], ['1', '2']);
  });

  test('a draft can be discarded; the history keeps the submitted ones', async () => {
    const start = await owner.post('/api/v1/diagnosis/assessments', { checklistId: SIGNS, carryOver: false });
    assert.equal(start.body.score.unanswered, 3);
    assert.equal((await owner.delete(`/api/v1/diagnosis/assessments/${start.body.id}`)).status, 204);
    assert.equal((await owner.get(`/api/v1/diagnosis/assessments/${start.body.id}`)).status, 404);
  });
});

describe('stages, gates and decisions', () => {
  test('before any decision: stage 0, its gate needs only the decision', async () => {
    const r = await staff.client.get('/api/v1/stages');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.modelAvailable, true);
    assert.equal(r.body.current.stage, '0');
    assert.equal(r.body.current.version, 0);
    assert.equal(r.body.current.time.minimumMonths, 6);
    assert.deepEqual(r.body.stages.map((s: { stage: string }) => s.stage), ['0', '1', '2', '3', '4', 'x']);
    assert.equal(r.body.gate.complete, true);
    assert.deepEqual(r.body.options.main.advance, { possible: true, code: null, toStage: '1' });
    assert.equal(r.body.options.x.advance.code, 'stageXNotAvailable');
    assert.deepEqual(r.body.advanceTargets, ['1']);
    assert.deepEqual(r.body.can, { evaluate: true, decide: false });
  });

  test('only owners and managers decide; a stale version changes nothing', async () => {
    const before = await auditCount();
    const body = { track: 'main', outcome: 'advance', reason: '兎に角やってみて、体験してみる事に決めた', version: 0 };
    assert.equal((await staff.client.post('/api/v1/stages/decisions', body)).status, 403);
    assert.equal((await auditor.client.post('/api/v1/stages/decisions', body)).status, 403);
    assert.equal((await owner.post('/api/v1/stages/decisions', { ...body, version: 3 })).status, 409);
    assert.equal(await auditCount(), before);
  });

  test('two decisions at once on the same version: one is recorded, the other gets 409', async () => {
    const body = { track: 'main', outcome: 'advance', reason: '第1段階へ進む', version: 0 };
    const results = await Promise.all([owner.post('/api/v1/stages/decisions', body), manager.client.post('/api/v1/stages/decisions', body)]);
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409]);
    const decided = results.find((r) => r.status === 201)!;
    assert.deepEqual([decided.body.fromStage, decided.body.toStage, decided.body.seq], ['0', '1', 1]);
    assert.equal(decided.body.basis.proposedStage, '1');
    assert.equal(decided.body.basis.minimumMet, false);
    const r = await owner.get('/api/v1/stages');
    assert.deepEqual([r.body.current.stage, r.body.current.version], ['1', 1]);
  });

  test('the stage 1 gate: the evaluation by the executive and the cloud administrator comes first', async () => {
    let r = await owner.get('/api/v1/stages');
    assert.equal(r.body.gate.complete, false);
    assert.equal(r.body.options.main.advance.code, 'gateIncomplete');
    const [evaluation, thirdParty] = r.body.gate.items;
    assert.deepEqual([evaluation.required, evaluation.item.actor, thirdParty.required], [true, 'executive-and-cloud-admin', false]);
    const refused = await owner.post('/api/v1/stages/decisions', { track: 'main', outcome: 'advance', reason: '早く進めたい', version: 1 });
    assert.deepEqual([refused.status, refused.body.code], [409, 'gateIncomplete']);
    assert.match(refused.body.title, /1 件が未記録/);
    const wrongStage = await staff.client.post('/api/v1/stages/evaluations', { gateItemId: `${STAGES}:stage-2:gate.1`, result: 'satisfactory', summary: 'x', evaluators: 'x' });
    assert.deepEqual([wrongStage.status, wrongStage.body.code], [409, 'gateItemNotCurrent']);
    const decisionItem = await staff.client.post('/api/v1/stages/evaluations', { gateItemId: `${STAGES}:stage-1:gate.3`, result: 'satisfactory', summary: 'x', evaluators: 'x' });
    assert.equal(decisionItem.status, 400);
    const recorded = await staff.client.post('/api/v1/stages/evaluations', {
      gateItemId: evaluation.item.id,
      result: 'concerns',
      summary: '安全性・有効性は良好。効率性はバックアップ手順の習熟が課題。',
      evaluators: '経営者 山田、クラウド管理者 佐藤',
    });
    assert.equal(recorded.status, 201, recorded.raw);
    const file = await upload(staff.client, `/api/v1/stages/evaluations/${recorded.body.id}/evidence`, '評価記録.pdf', SAMPLE_PDF);
    assert.equal(file.status, 201, file.raw);
    r = await owner.get('/api/v1/stages');
    assert.equal(r.body.gate.complete, true);
    assert.deepEqual(r.body.gate.unfavourable, [evaluation.item.id]);
    assert.equal(r.body.gate.items[0].latest.evidence[0].fileName, '評価記録.pdf');
    assert.deepEqual(r.body.options.main.advance, { possible: true, code: null, toStage: '2' });
  });

  test('advance, past the proposed stage refused; stage X only beside stages 3-4; stay and step back', async () => {
    const tooFar = await manager.client.post('/api/v1/stages/decisions', { track: 'main', outcome: 'advance', toStage: '3', reason: 'x', version: 1 });
    assert.deepEqual([tooFar.status, tooFar.body.code], [409, 'stageTargetInvalid']);
    const x = await manager.client.post('/api/v1/stages/decisions', { track: 'x', outcome: 'advance', reason: 'x', version: 0 });
    assert.deepEqual([x.status, x.body.code], [409, 'stageXNotAvailable']);
    assert.match(x.body.title, /第3, 4段階と並行/);
    const advance = await manager.client.post('/api/v1/stages/decisions', {
      track: 'main',
      outcome: 'advance',
      reason: '第1段階の評価を踏まえ、第2段階へ進む',
      thirdPartyName: 'システム監査技術者 田中',
      thirdPartyOpinion: '効率性の課題は第2段階の訓練で解消できる見込み',
      version: 1,
    });
    assert.equal(advance.status, 201, advance.raw);
    const minutes = await upload(manager.client, `/api/v1/stages/decisions/${advance.body.id}/evidence`, '取締役会議事録.pdf', SAMPLE_PDF);
    assert.equal(minutes.status, 201);
    const stay = await owner.post('/api/v1/stages/decisions', { track: 'main', outcome: 'stay', reason: '予算の確保を待つ', version: 2 });
    assert.deepEqual([stay.status, stay.body.toStage], [201, '2']);
    const back = await owner.post('/api/v1/stages/decisions', { track: 'main', outcome: 'step-back', reason: '障害対応の体制を整え直す', version: 3 });
    assert.deepEqual([back.status, back.body.fromStage, back.body.toStage], [201, '2', '1']);
    const r = await owner.get('/api/v1/stages');
    assert.equal(r.body.current.stage, '1');
    assert.equal(r.body.gate.complete, false, 'evaluations from the earlier time in stage 1 do not count again');
    assert.deepEqual(
      r.body.timeline.map((p: { stage: string; to: string | null }) => [p.stage, p.to === null]),
      [
        ['0', false],
        ['1', false],
        ['2', false],
        ['1', true],
      ],
    );
    assert.equal(r.body.decisions[0].outcome, 'step-back');
    assert.equal(r.body.decisions.find((d: { seq: number }) => d.seq === 2).evidence[0].fileName, '取締役会議事録.pdf');
    const trail = await t.database.pool.query(`select count(*)::int as n from audit_log where action = 'gate.decide'`);
    assert.equal(trail.rows[0].n, 4);
  });
});

describe('roadmap, budget and tasks', () => {
  test('the current and next stage as tasks, time against the minimum, budget against the guide', async () => {
    const r = await staff.client.get('/api/v1/roadmap');
    assert.equal(r.status, 200, r.raw);
    assert.deepEqual(r.body.stages.map((s: { stage: string; role: string }) => `${s.stage}:${s.role}`), ['1:current', '2:next']);
    const [current, next] = r.body.stages;
    assert.deepEqual(current.items.map((i: { item: { practice: string } }) => i.item.practice), ['policy', 'target', 'provider', 'backup', 'trouble', 'audit']);
    assert.equal(current.minDurationMonths, 6);
    assert.equal(current.time.minimumMet, false);
    assert.deepEqual(current.budget, { guide: { minYen: 500_000, maxYen: 1_000_000 }, budgetYen: null, status: 'not-entered', version: 0 });
    assert.deepEqual(next.budget.guide, { minYen: 1_000_000, maxYen: 5_000_000 });
    assert.equal(next.time, null);
    assert.deepEqual(r.body.can, { updateTasks: true, setBudget: false });
    assert.equal(r.body.summary.open, 16, '6 practice items of stage 1 and 10 of stage 2');
  });

  test('the budget: owners and managers, checked against the guide, versioned', async () => {
    assert.equal((await staff.client.patch('/api/v1/roadmap/budget', { stage: '1', budgetYen: 800_000, version: 0 })).status, 403);
    const set = await manager.client.patch('/api/v1/roadmap/budget', { stage: '1', budgetYen: 800_000, version: 0 });
    assert.deepEqual([set.status, set.body.status, set.body.version], [200, 'within', 1]);
    const above = await owner.patch('/api/v1/roadmap/budget', { stage: '1', budgetYen: 1_500_000, version: 1 });
    assert.equal(above.body.status, 'above');
    assert.equal((await owner.patch('/api/v1/roadmap/budget', { stage: '1', budgetYen: 1, version: 1 })).status, 409);
    assert.equal((await owner.patch('/api/v1/roadmap/budget', { stage: '1', budgetYen: -1, version: 2 })).status, 400);
  });

  test('tasks: owner, due date, status, evidence; one per practice item; stale and foreign owners refused', async () => {
    const roadmap = await staff.client.get('/api/v1/roadmap');
    const backup = roadmap.body.stages[0].items.find((i: { item: { practice: string } }) => i.item.practice === 'backup').item;
    const created = await staff.client.post('/api/v1/roadmap/tasks', { practiceItemId: backup.id, ownerUserId: staff.userId, dueDate: '2020-01-31', status: 'in-progress', note: 'バックアップの復元手順を試す' });
    assert.equal(created.status, 201, created.raw);
    assert.deepEqual([created.body.owner.userId, created.body.overdue, created.body.open, created.body.stage], [staff.userId, true, true, '1']);
    assert.equal((await owner.post('/api/v1/roadmap/tasks', { practiceItemId: backup.id })).body.code, 'taskExists');
    assert.equal((await owner.post('/api/v1/roadmap/tasks', { practiceItemId: `${STAGES}:stage-1:gate.1` })).status, 400);
    const foreign = await owner.patch(`/api/v1/roadmap/tasks/${created.body.id}`, { ownerUserId: orgB.owner.userId, version: 1 });
    assert.deepEqual([foreign.status, foreign.body.errors[0].code], [400, 'notAMember']);
    const done = await owner.patch(`/api/v1/roadmap/tasks/${created.body.id}`, { status: 'done', version: 1 });
    assert.deepEqual([done.status, done.body.status, done.body.overdue, done.body.note], [200, 'done', false, 'バックアップの復元手順を試す']);
    assert.equal((await owner.patch(`/api/v1/roadmap/tasks/${created.body.id}`, { status: 'todo', version: 1 })).status, 409);
    const file = await upload(staff.client, `/api/v1/roadmap/tasks/${created.body.id}/evidence`, 'restore-test.csv', 'date,result\n2026-04-01,OK\n');
    assert.deepEqual([file.status, file.body.contentType], [201, 'text/csv; charset=utf-8']);
    const after = await staff.client.get('/api/v1/roadmap');
    assert.equal(after.body.summary.done, 1);
    assert.equal(after.body.stages[0].items.find((i: { item: { id: string } }) => i.item.id === backup.id).task.evidence.length, 1);
    assert.equal((await owner.delete(`/api/v1/roadmap/tasks/${created.body.id}/evidence/${file.body.id}`)).status, 204);
  });
});

describe('dashboard and report', () => {
  test('the dashboard: stage, scores, the next gate and what it needs, tasks, timeline, next steps', async () => {
    const r = await auditor.client.get('/api/v1/dashboard');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.stage.current, '1');
    assert.deepEqual(r.body.stage.next.name, { ja: '第2段階 プロトタイプ型', en: 'Stage 2 (prototype)' });
    assert.equal(r.body.stage.gate.missing.length, 1);
    assert.equal(r.body.diagnosis.scores.length, 3);
    assert.equal(r.body.diagnosis.started, true);
    assert.equal(r.body.budget.status, 'above');
    assert.ok(r.body.timeline.length >= 4);
    assert.deepEqual(r.body.nextSteps.map((s: { step: string }) => s.step), ['evaluate', 'tasks']);
    assert.ok(r.body.tasks.open.length > 0);
  });

  test('the report: everything the printable page shows; the JSON export', async () => {
    const r = await auditor.client.get('/api/v1/diagnosis/report');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.organisation.name, '雲路テスト株式会社');
    assert.equal(r.body.assessments.length, 3);
    assert.equal(r.body.diagnosis.proposedStage, '1');
    assert.equal(r.body.stages.decisions.length, 4);
    const file = await auditor.client.get('/api/v1/diagnosis/report/export');
    assert.equal(file.status, 200);
    assert.match(String(file.headers['content-disposition']), /^attachment; filename="kumoji-diagnosis-report-\d{4}-\d{2}-\d{2}\.json"/);
    assert.equal(file.body.diagnosis.proposedStage, '1');
  });

  test('the PDF without a Chromium: a translated 503, and the page still has its data', async () => {
    const other = await createTestApp({ CHROMIUM_PATH: '/nonexistent/chromium' });
    try {
      const org = await createOrganisation(other);
      const ja = await org.owner.client.get('/api/v1/diagnosis/report/export?format=pdf&lang=ja');
      assert.deepEqual([ja.status, ja.body.code], [503, 'pdfUnavailable']);
      assert.match(ja.body.title, /Chromium/);
      assert.match(ja.body.title, /印刷用ページ/);
      const member = await addMember(other, org.id, 'staff', 'en');
      const en = await member.client.get('/api/v1/diagnosis/report/export?format=pdf');
      assert.match(en.body.title, /^This server has no browser/);
      assert.equal((await org.owner.client.get('/api/v1/diagnosis/report')).body.pdfAvailable, false);
    } finally {
      await other.close();
    }
  });

  const canRender = fs.existsSync(t?.config?.CHROMIUM_PATH ?? '/usr/bin/chromium') && fs.existsSync(path.join(WEB_DIST, 'index.html'));
  test('the PDF with Chromium: A4, the report page rendered with the requester\'s session', { skip: !canRender && 'needs /usr/bin/chromium and a built web app (npx vite build)', timeout: 90_000 }, async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/diagnosis/report/export?format=pdf&lang=en',
      headers: { cookie: (auditor.client as unknown as { cookieHeader(): string }).cookieHeader() },
    });
    assert.equal(r.statusCode, 200, r.body.slice(0, 300));
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.equal(r.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(String(r.headers['content-disposition']), /-en\.pdf"/);
    // A4 is 595 x 842 points.
    assert.match(r.rawPayload.toString('latin1'), /MediaBox \[0 0 595\.9\d* 842\.\d+\]|MediaBox \[0 0 595 842\]/);
  });
});
