import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Stage } from './diagnosis.rules.ts';
import { shippedItems } from './seed-catalog.test-helper.ts';
import {
  addMonths,
  advanceTargets,
  budgetCheck,
  gateStatus,
  planDecision,
  roadmapStages,
  stageModelFromItems,
  stagePeriods,
  stageState,
  stageXReasons,
  taskFlags,
  timeInStage,
  type DecisionRecord,
  type EvaluationRecord,
  type GateStatus,
  type StageState,
} from './stage.rules.ts';

const model = stageModelFromItems(shippedItems('seed-000/stages.yaml'));
const def = (s: Stage) => model.find((m) => m.stage === s)!;
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const START = d('2026-01-05');

function decision(seq: number, track: 'main' | 'x', fromStage: Stage | null, toStage: Stage | null, outcome: DecisionRecord['outcome'], at: string): DecisionRecord {
  return { seq, track, fromStage, toStage, outcome, decidedAt: d(at) };
}

describe('the shipped stage model (catalog/seed-000/stages.yaml, seed 000 II.5.2 / II.6)', () => {
  test('stages 0-4 and X in order, with the minimum durations of 表4 (a year; half a year for 0, 1, X)', () => {
    assert.deepEqual(
      model.map((s) => [s.stage, s.minDurationMonths, s.nextStage]),
      [
        ['0', 6, '1'],
        ['1', 6, '2'],
        ['2', 12, '3'],
        ['3', 12, '4'],
        ['4', 12, null],
        ['x', 6, null],
      ],
    );
    assert.deepEqual(def('x').runsAlongside, ['3', '4']);
  });

  test('budget guides: stage 1 about 0.5-1 million yen, stage 2 about 1-5 million yen (II.6.2, II.6.3)', () => {
    assert.deepEqual(def('1').budget, { minYen: 500_000, maxYen: 1_000_000 });
    assert.deepEqual(def('2').budget, { minYen: 1_000_000, maxYen: 5_000_000 });
    assert.equal(def('3').budget, null);
  });

  test('practice items by area and the gate of stage 1 (executive and cloud administrator; third party where needed)', () => {
    assert.deepEqual(def('1').practices.map((p) => p.practice), ['policy', 'target', 'provider', 'backup', 'trouble', 'audit']);
    assert.deepEqual(
      def('1').gateItems.map((g) => [g.gateKind, g.optional, g.actor]),
      [
        ['evaluation', false, 'executive-and-cloud-admin'],
        ['third-party', true, null],
        ['decision', false, null],
      ],
    );
    assert.deepEqual(def('0').gateItems.map((g) => g.gateKind), ['decision']);
  });
});

describe('the current stage comes from the decisions', () => {
  const cases: { name: string; decisions: DecisionRecord[]; main: string; enteredAt: string; version: number; x: boolean; xVersion?: number }[] = [
    { name: 'no decision: stage 0 since the start', decisions: [], main: '0', enteredAt: '2026-01-05', version: 0, x: false },
    { name: 'one advance', decisions: [decision(1, 'main', '0', '1', 'advance', '2026-03-01')], main: '1', enteredAt: '2026-03-01', version: 1, x: false },
    {
      name: '"stay" keeps the time in stage running',
      decisions: [decision(1, 'main', '0', '1', 'advance', '2026-03-01'), decision(2, 'main', '1', '1', 'stay', '2026-09-01')],
      main: '1',
      enteredAt: '2026-03-01',
      version: 2,
      x: false,
    },
    {
      name: 'a step back restarts it',
      decisions: [decision(2, 'main', '1', '2', 'advance', '2026-06-01'), decision(1, 'main', '0', '1', 'advance', '2026-03-01'), decision(3, 'main', '2', '1', 'step-back', '2026-08-01')],
      main: '1',
      enteredAt: '2026-08-01',
      version: 3,
      x: false,
    },
    {
      name: 'stage X beside stage 3',
      decisions: [decision(1, 'main', '0', '3', 'advance', '2026-02-01'), decision(1, 'x', null, 'x', 'advance', '2026-04-01')],
      main: '3',
      enteredAt: '2026-02-01',
      version: 1,
      x: true,
      xVersion: 1,
    },
    {
      name: 'stage X ended',
      decisions: [decision(1, 'main', '0', '3', 'advance', '2026-02-01'), decision(1, 'x', null, 'x', 'advance', '2026-04-01'), decision(2, 'x', 'x', null, 'step-back', '2026-05-01')],
      main: '3',
      enteredAt: '2026-02-01',
      version: 1,
      x: false,
      xVersion: 2,
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const s = stageState(c.decisions, START);
      assert.equal(s.main.stage, c.main);
      assert.equal(s.main.enteredAt.toISOString().slice(0, 10), c.enteredAt);
      assert.equal(s.main.version, c.version);
      assert.equal(s.x.active, c.x);
      if (c.xVersion !== undefined) assert.equal(s.x.version, c.xVersion);
    });
  }

  test('the timeline: periods per track, the open one last', () => {
    const periods = stagePeriods(
      [
        decision(1, 'main', '0', '1', 'advance', '2026-03-01'),
        decision(2, 'main', '1', '1', 'stay', '2026-05-01'),
        decision(3, 'main', '1', '3', 'advance', '2026-06-01'),
        decision(1, 'x', null, 'x', 'advance', '2026-07-01'),
      ],
      START,
    );
    assert.deepEqual(
      periods.map((p) => [p.track, p.stage, p.from.toISOString().slice(0, 10), p.to?.toISOString().slice(0, 10) ?? null]),
      [
        ['main', '0', '2026-01-05', '2026-03-01'],
        ['main', '1', '2026-03-01', '2026-06-01'],
        ['main', '3', '2026-06-01', null],
        ['x', 'x', '2026-07-01', null],
      ],
    );
  });
});

describe('time in stage against the minimum duration', () => {
  test('calendar months, the day clamped to the month end', () => {
    assert.equal(addMonths(d('2026-08-31'), 6).toISOString().slice(0, 10), '2027-02-28');
    assert.equal(addMonths(d('2027-08-31'), 6).toISOString().slice(0, 10), '2028-02-29');
    assert.equal(addMonths(d('2026-01-15'), 12).toISOString().slice(0, 10), '2027-01-15');
  });
  const cases: [string, string, number | null, { days: number; met: boolean; reached: string | null }][] = [
    ['2026-01-01', '2026-01-01', 6, { days: 0, met: false, reached: '2026-07-01' }],
    ['2026-01-01', '2026-06-30', 6, { days: 180, met: false, reached: '2026-07-01' }],
    ['2026-01-01', '2026-07-01', 6, { days: 181, met: true, reached: '2026-07-01' }],
    ['2026-01-01', '2026-12-31', 12, { days: 364, met: false, reached: '2027-01-01' }],
    ['2026-01-01', '2026-03-01', null, { days: 59, met: true, reached: null }],
  ];
  for (const [from, now, months, expected] of cases) {
    test(`${from} → ${now}, minimum ${months ?? 'none'}`, () => {
      const r = timeInStage(d(from), d(now), months);
      assert.equal(r.daysSpent, expected.days);
      assert.equal(r.minimumMet, expected.met);
      assert.equal(r.minimumReachedAt?.toISOString().slice(0, 10) ?? null, expected.reached);
      assert.ok(r.progress >= 0 && r.progress <= 1);
    });
  }
});

describe('budget against the guide', () => {
  const guide = { minYen: 500_000, maxYen: 1_000_000 };
  const cases: [number | null, typeof guide | null, string][] = [
    [null, null, 'no-guide'],
    [800_000, null, 'no-guide'],
    [null, guide, 'not-entered'],
    [499_999, guide, 'below'],
    [500_000, guide, 'within'],
    [1_000_000, guide, 'within'],
    [1_000_001, guide, 'above'],
  ];
  for (const [budget, g, expected] of cases) test(`${budget} against ${g ? `${g.minYen}-${g.maxYen}` : 'no guide'} → ${expected}`, () => assert.equal(budgetCheck(budget, g), expected));
});

describe('gate completeness', () => {
  const stage1 = def('1');
  const [evaluation, thirdParty] = stage1.gateItems;
  const ev = (gateItemId: string, at: string, result: EvaluationRecord['result'] = 'satisfactory'): EvaluationRecord => ({ id: at, stage: '1', gateItemId, result, recordedAt: d(at) });

  test('nothing recorded: the evaluation by the executive and the cloud administrator is missing', () => {
    const g = gateStatus(stage1, [], d('2026-03-01'));
    assert.equal(g.complete, false);
    assert.deepEqual(g.missing, [evaluation.id]);
    assert.deepEqual(g.items.map((i) => [i.item.gateKind, i.required]), [['evaluation', true], ['third-party', false]]);
  });
  test('recorded since the stage was entered: complete; an older one does not count', () => {
    assert.equal(gateStatus(stage1, [ev(evaluation.id, '2026-02-01')], d('2026-03-01')).complete, false);
    const g = gateStatus(stage1, [ev(evaluation.id, '2026-02-01'), ev(evaluation.id, '2026-04-01', 'concerns')], d('2026-03-01'));
    assert.equal(g.complete, true);
    assert.equal(g.items[0].latest?.recordedAt.toISOString().slice(0, 10), '2026-04-01');
    assert.deepEqual(g.unfavourable, [evaluation.id]);
  });
  test('the third party is optional', () => {
    const g = gateStatus(stage1, [ev(evaluation.id, '2026-04-01'), ev(thirdParty.id, '2026-04-02')], d('2026-03-01'));
    assert.deepEqual([g.complete, g.missing, g.unfavourable], [true, [], []]);
  });
  test('stage 0 has only the decision itself: complete at once', () => {
    assert.equal(gateStatus(def('0'), [], START).complete, true);
  });
});

describe('which decisions are possible', () => {
  const at = (main: StageState['main']['stage'], xActive = false): StageState => ({ main: { stage: main, enteredAt: START, version: 1 }, x: { active: xActive, enteredAt: xActive ? START : null, version: 0 } });
  const complete: GateStatus = { stage: '1', items: [], missing: [], unfavourable: [], complete: true };
  const incomplete: GateStatus = { ...complete, missing: ['g'], complete: false };
  const cases: { name: string; state: StageState; req: Parameters<typeof planDecision>[0]; proposed?: Stage; gate?: GateStatus; expect: string }[] = [
    { name: 'advance 0 → 1', state: at('0'), req: { track: 'main', outcome: 'advance' }, expect: '0→1' },
    { name: 'advance needs the gate complete', state: at('1'), req: { track: 'main', outcome: 'advance' }, gate: incomplete, expect: 'gateIncomplete' },
    { name: 'advance catches up with the proposed stage in one decision', state: at('0'), req: { track: 'main', outcome: 'advance', toStage: '3' }, proposed: '3', expect: '0→3' },
    { name: 'but never past it', state: at('0'), req: { track: 'main', outcome: 'advance', toStage: '4' }, proposed: '3', expect: 'stageTargetInvalid' },
    { name: 'nor past the next stage without a diagnosis', state: at('1'), req: { track: 'main', outcome: 'advance', toStage: '3' }, expect: 'stageTargetInvalid' },
    { name: 'nor backwards', state: at('2'), req: { track: 'main', outcome: 'advance', toStage: '1' }, expect: 'stageTargetInvalid' },
    { name: 'stage 4 has no next stage', state: at('4'), req: { track: 'main', outcome: 'advance' }, expect: 'stageNoNext' },
    { name: 'stay', state: at('2'), req: { track: 'main', outcome: 'stay' }, gate: incomplete, expect: '2→2' },
    { name: 'stay names no other stage', state: at('2'), req: { track: 'main', outcome: 'stay', toStage: '3' }, expect: 'stageTargetInvalid' },
    { name: 'step back to the previous stage', state: at('2'), req: { track: 'main', outcome: 'step-back' }, gate: incomplete, expect: '2→1' },
    { name: 'step back further', state: at('3'), req: { track: 'main', outcome: 'step-back', toStage: '0' }, expect: '3→0' },
    { name: 'no step back from 0', state: at('0'), req: { track: 'main', outcome: 'step-back' }, expect: 'stageNoPrevious' },
    { name: 'a step back goes down', state: at('2'), req: { track: 'main', outcome: 'step-back', toStage: '3' }, expect: 'stageTargetInvalid' },
    { name: 'stage X starts beside stage 3', state: at('3'), req: { track: 'x', outcome: 'advance' }, expect: 'null→x' },
    { name: 'stage X starts beside stage 4', state: at('4'), req: { track: 'x', outcome: 'advance' }, expect: 'null→x' },
    { name: 'but not at stage 2', state: at('2'), req: { track: 'x', outcome: 'advance' }, expect: 'stageXNotAvailable' },
    { name: 'not twice', state: at('3', true), req: { track: 'x', outcome: 'advance' }, expect: 'stageXAlreadyActive' },
    { name: 'stage X ends with a step back', state: at('3', true), req: { track: 'x', outcome: 'step-back' }, expect: 'x→null' },
    { name: 'nothing to end', state: at('3'), req: { track: 'x', outcome: 'stay' }, expect: 'stageXNotActive' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const plan = planDecision(c.req, { state: c.state, model, proposedStage: c.proposed ?? null, gate: c.gate ?? complete });
      assert.equal(plan.ok ? `${plan.fromStage}→${plan.toStage}` : plan.code, c.expect);
    });
  }

  test('the advance targets offered', () => {
    assert.deepEqual(advanceTargets({ state: at('0'), model, proposedStage: '3' }), ['1', '2', '3']);
    assert.deepEqual(advanceTargets({ state: at('1'), model, proposedStage: '0' }), ['2']);
    assert.deepEqual(advanceTargets({ state: at('4'), model, proposedStage: null }), []);
  });
});

describe('the roadmap', () => {
  const at = (main: StageState['main']['stage'], xActive = false): StageState => ({ main: { stage: main, enteredAt: START, version: 0 }, x: { active: xActive, enteredAt: null, version: 0 } });
  const cases: [StageState, string][] = [
    [at('0'), '0:current 1:next'],
    [at('2'), '2:current 3:next x:alongside'],
    [at('3'), '3:current 4:next x:alongside'],
    [at('3', true), '3:current 4:next x:current'],
    [at('4'), '4:current x:alongside'],
  ];
  for (const [state, expected] of cases) {
    test(`at ${state.main.stage}${state.x.active ? ' with X' : ''}: ${expected}`, () => {
      assert.equal(roadmapStages(state, model).map((r) => `${r.stage}:${r.role}`).join(' '), expected);
    });
  }

  test('open and overdue tasks', () => {
    assert.deepEqual(taskFlags({ status: 'todo', dueDate: '2026-05-01' }, '2026-05-02'), { open: true, overdue: true });
    assert.deepEqual(taskFlags({ status: 'in-progress', dueDate: '2026-05-02' }, '2026-05-02'), { open: true, overdue: false });
    assert.deepEqual(taskFlags({ status: 'done', dueDate: '2026-05-01' }, '2026-05-02'), { open: false, overdue: false });
    assert.deepEqual(taskFlags({ status: 'not-applicable', dueDate: null }, '2026-05-02'), { open: false, overdue: false });
    assert.deepEqual(taskFlags({ status: 'todo', dueDate: null }, '2026-05-02'), { open: true, overdue: false });
  });

  test('stage X applies when the organisation has sensitive work (seed II.6.6)', () => {
    assert.deepEqual(stageXReasons(null), []);
    assert.deepEqual(stageXReasons({ handlesPersonalData: false, handlesSensitivePersonalData: false, handlesEuResidentsData: false, financialSector: false }), []);
    assert.deepEqual(stageXReasons({ handlesPersonalData: true, handlesSensitivePersonalData: true, handlesEuResidentsData: true, financialSector: true }), [
      'personalData',
      'sensitivePersonalData',
      'euResidentsData',
      'financialSector',
    ]);
  });
});
