import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { diagnose, passes, type Answer, type ChecklistDef } from './diagnosis.rules.ts';

// The shapes of the shipped checklists (catalog/seed-000/checklists.yaml), reduced to what the rules read.
const pre: ChecklistDef = {
  id: 'pre',
  passRule: 'majority',
  placesAtStage: '1',
  questions: ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'].map((n) => ({ id: `pre:${n}`, number: n, zeroStageIfNo: n === '1.1' })),
};
const mig: ChecklistDef = {
  id: 'mig',
  passRule: 'all',
  readyForStage: '2',
  questions: ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9'].map((n) => ({ id: `mig:${n}`, number: n, action: { ja: `対応 ${n}`, en: `Do ${n}` } })),
};
const signs: ChecklistDef = {
  id: 'signs',
  passRule: 'all',
  placesAtStage: '3',
  questions: [{ id: 'signs:inventory' }, { id: 'signs:isms' }, { id: 'signs:experts', highRiskIfNo: true, action: { ja: '専門家', en: 'Experts' } }],
};
const lists = [pre, mig, signs];

function answers(pattern: Record<string, Answer>, fill: Answer | null = null): Record<string, Answer> {
  const all: Record<string, Answer> = {};
  if (fill) for (const l of lists) for (const q of l.questions) all[q.id] = fill;
  return { ...all, ...pattern };
}

describe('pass rules', () => {
  const cases: [Parameters<typeof passes>, boolean][] = [
    [['majority', 5, 8], true],
    [['majority', 4, 8], false], // half is not "most"
    [['majority', 0, 0], false],
    [['all', 9, 9], true],
    [['all', 8, 9], false],
    [['none', 3, 3], false],
  ];
  for (const [args, expected] of cases) test(`${args.join(' ')} → ${expected}`, () => assert.equal(passes(...args), expected));
});

describe('diagnosis (seed 000 VI.1.1-VI.1.2)', () => {
  const cases: { name: string; a: Record<string, Answer>; stage: string; ready: string | null; risks?: string[]; actions?: number; complete?: boolean }[] = [
    { name: 'all Yes: stage 3 signs present, ready for stage 2', a: answers({}, 'yes'), stage: '3', ready: '2', risks: [], actions: 0, complete: true },
    { name: 'all No: stage 0 (no cloud experience), nothing ready, expert risk flagged', a: answers({}, 'no'), stage: '0', ready: null, risks: ['signs:experts'], actions: 10, complete: true },
    { name: 'all Don\'t know: counts as not Yes → stage 0', a: answers({}, 'unknown'), stage: '0', ready: null, risks: [], actions: 0, complete: true },
    { name: 'nothing answered', a: {}, stage: '0', ready: null, complete: false },
    { name: 'majority Yes on the prerequisite check → stage 1', a: answers({ 'pre:1.1': 'yes', 'pre:1.2': 'yes', 'pre:1.3': 'yes', 'pre:1.4': 'yes', 'pre:1.5': 'yes' }, 'no'), stage: '1', ready: null },
    { name: 'exactly half Yes is not "most" → stage 0', a: answers({ 'pre:1.1': 'yes', 'pre:1.2': 'yes', 'pre:1.3': 'yes', 'pre:1.4': 'yes' }, 'no'), stage: '0', ready: null },
    { name: 'stage 1 and all nine Yes on the migration check → may move to stage 2', a: answers({ 'pre:1.1': 'yes', 'pre:1.2': 'yes', 'pre:1.3': 'yes', 'pre:1.4': 'yes', 'pre:1.5': 'yes', ...Object.fromEntries(mig.questions.map((q) => [q.id, 'yes' as Answer])) }, 'no'), stage: '1', ready: '2' },
    { name: 'eight of nine Yes → not ready, one suggested action', a: answers({ 'mig:4.7': 'no' }, 'yes'), stage: '3', ready: null, actions: 1 },
    { name: 'a Don\'t know on the migration check blocks readiness without an action', a: answers({ 'mig:4.7': 'unknown' }, 'yes'), stage: '3', ready: null, actions: 0 },
    { name: 'item 1.1 No overrides a majority: stage 0', a: answers({ 'pre:1.1': 'no' }, 'yes'), stage: '0', ready: null },
    { name: 'migration all Yes but stage 0: readiness needs stage 1 first', a: answers({ ...Object.fromEntries(mig.questions.map((q) => [q.id, 'yes' as Answer])) }, 'no'), stage: '0', ready: null },
    { name: 'stage 3 signs need all three', a: answers({ 'signs:isms': 'no' }, 'yes'), stage: '1', ready: '2' },
    { name: 'no expert to consult is high risk', a: answers({ 'signs:experts': 'no' }, 'yes'), stage: '1', ready: '2', risks: ['signs:experts'], actions: 1 },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const d = diagnose(lists, c.a);
      assert.equal(d.proposedStage, c.stage);
      assert.equal(d.readyForStage, c.ready);
      if (c.risks) assert.deepEqual(d.highRisks, c.risks);
      if (c.actions !== undefined) assert.equal(d.suggestedActions.length, c.actions);
      if (c.complete !== undefined) assert.equal(d.complete, c.complete);
    });
  }

  test('the scores count as the seed does: "Yes の合計 n/8" and "n/9", Don\'t know listed', () => {
    const d = diagnose(lists, answers({ 'pre:1.3': 'unknown', 'pre:1.4': 'no', 'mig:4.1': 'unknown' }, 'yes'));
    assert.deepEqual([d.scores[0].yes, d.scores[0].total, d.scores[0].unknown, d.scores[0].no], [6, 8, ['pre:1.3'], ['pre:1.4']]);
    assert.deepEqual([d.scores[1].yes, d.scores[1].total, d.scores[1].unknown], [8, 9, ['mig:4.1']]);
  });

  test('the reasons explain the stage item by item', () => {
    const d = diagnose(lists, answers({ 'pre:1.1': 'no' }, 'yes'));
    assert.deepEqual(d.reasons[0], { code: 'zeroStageIfNo', itemIds: ['pre:1.1'] });
    const d2 = diagnose(lists, answers({ 'mig:4.2': 'no', 'mig:4.5': 'unknown' }, 'yes'));
    const notReady = d2.reasons.find((r) => r.code === 'notReadyFor');
    assert.deepEqual(notReady, { code: 'notReadyFor', checklistId: 'mig', stage: '2', missing: ['mig:4.2', 'mig:4.5'] });
  });
});
