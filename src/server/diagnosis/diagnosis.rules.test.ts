import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checklistsFromItems, compareAnswers, diagnose, isDiagnostic, passes, scoreText, type Answer, type ChecklistDef, type ChecklistModel } from './diagnosis.rules.ts';
import { shippedItems } from './seed-catalog.test-helper.ts';

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

describe('one decision, one explanation: at most one reason per checklist, none against the stage', () => {
  const allOf = (list: ChecklistDef, a: Answer) => Object.fromEntries(list.questions.map((q) => [q.id, a])) as Record<string, Answer>;
  const withoutAnswer = (a: Record<string, Answer>, id: string) => Object.fromEntries(Object.entries(a).filter(([key]) => key !== id));
  const cases: { name: string; a: Record<string, Answer>; stage: string; reasons: unknown[] }[] = [
    {
      name: '1.1 No: stage 0 is the only reason, even with every other answer Yes',
      a: answers({ 'pre:1.1': 'no' }, 'yes'),
      stage: '0',
      reasons: [{ code: 'zeroStageIfNo', itemIds: ['pre:1.1'] }],
    },
    {
      name: "1.1 Don't know: the organisation cannot be placed until 1.1 is answered",
      a: answers({ 'pre:1.1': 'unknown' }, 'yes'),
      stage: '0',
      reasons: [{ code: 'screeningUnanswered', itemIds: ['pre:1.1'] }],
    },
    {
      name: '1.1 not answered yet: the same, 1.1 first',
      a: {},
      stage: '0',
      reasons: [{ code: 'screeningUnanswered', itemIds: ['pre:1.1'] }],
    },
    {
      name: 'an unsubmitted checklist says only that it is unanswered, not that its pass rule failed',
      a: { ...allOf(pre, 'yes'), ...allOf(mig, 'yes') },
      stage: '1',
      reasons: [
        { code: 'passRuleMet', checklistId: 'pre', passRule: 'majority', yes: 8, total: 8, stage: '1' },
        { code: 'readyFor', checklistId: 'mig', stage: '2' },
        { code: 'unanswered', checklistId: 'signs', itemIds: ['signs:inventory', 'signs:isms', 'signs:experts'] },
      ],
    },
    {
      name: 'a pass already reached stands while other questions are open',
      a: withoutAnswer({ ...allOf(pre, 'yes'), ...allOf(mig, 'no'), ...allOf(signs, 'no') }, 'pre:1.8'),
      stage: '1',
      reasons: [
        { code: 'passRuleMet', checklistId: 'pre', passRule: 'majority', yes: 7, total: 8, stage: '1' },
        { code: 'notReadyFor', checklistId: 'mig', stage: '2', missing: mig.questions.map((q) => q.id) },
        { code: 'passRuleNotMet', checklistId: 'signs', passRule: 'all', yes: 0, total: 3, stage: '3' },
      ],
    },
    {
      name: 'all Yes: one reason per checklist, in checklist order',
      a: answers({}, 'yes'),
      stage: '3',
      reasons: [
        { code: 'passRuleMet', checklistId: 'pre', passRule: 'majority', yes: 8, total: 8, stage: '1' },
        { code: 'readyFor', checklistId: 'mig', stage: '2' },
        { code: 'passRuleMet', checklistId: 'signs', passRule: 'all', yes: 3, total: 3, stage: '3' },
      ],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const d = diagnose(lists, c.a);
      assert.equal(d.proposedStage, c.stage);
      assert.deepEqual(d.reasons, c.reasons);
    });
  }
});

describe('the shipped checklists, read from the catalog (catalog/seed-000/checklists.yaml)', () => {
  const models = checklistsFromItems(shippedItems('seed-000/checklists.yaml'));
  const [prerequisite, migration, signs] = models;
  const all = (list: ChecklistModel, a: Answer) => Object.fromEntries(list.questions.map((q) => [q.id, a])) as Record<string, Answer>;
  const q = (list: ChecklistModel, number: string) => list.questions.find((x) => x.number === number)!.id;

  test('three checklists: 8 prerequisite questions, 9 migration questions, 3 signs of stage 3', () => {
    assert.deepEqual(
      models.map((m) => [m.id.split(':').pop(), m.questions.length, m.passRule, m.placesAtStage ?? null, m.readyForStage ?? null]),
      [
        ['prerequisite', 8, 'majority', '1', null],
        ['migration', 9, 'all', null, '2'],
        ['stage3-signs', 3, 'all', '3', null],
      ],
    );
    assert.deepEqual(prerequisite.questions.map((x) => x.number), ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8']);
    assert.deepEqual(migration.questions.map((x) => x.number), ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9']);
    assert.equal(prerequisite.questions[0].zeroStageIfNo, true);
    assert.ok(migration.questions.every((x) => x.action), 'every migration question has an action for No');
    assert.deepEqual(signs.questions.filter((x) => x.highRiskIfNo).map((x) => x.id.split(':').pop()), ['external-experts']);
    assert.ok(models.every(isDiagnostic));
  });

  test('the scores read the seed\'s way: "Yes の合計 6/8", "Yes の合計 9／9"', () => {
    assert.deepEqual(scoreText(prerequisite.scoreLabel, 6, 8), { ja: 'Yes の合計 6/8', en: 'Total of Yes answers 6/8' });
    assert.deepEqual(scoreText(migration.scoreLabel, 9, 9), { ja: 'Yes の合計 9／9', en: 'Total of Yes answers 9/9' });
    assert.deepEqual(scoreText(signs.scoreLabel, 2, 3), { ja: 'Yes の合計 2/3', en: 'Yes 2/3' });
    assert.deepEqual(scoreText({ ja: '合計', en: 'Total' }, 1, 2), { ja: '合計 1/2', en: 'Total 1/2' });
  });

  // The seed's own cases (VI.1.1-VI.1.2), on the shipped catalog's attributes.
  const seedCases: { name: string; answers: () => Record<string, Answer>; stage: string; ready: string | null; highRisk?: boolean; actions?: number }[] = [
    {
      name: 'VI.1.1: most answers Yes (5/8) → 第1段階',
      answers: () => ({ ...all(prerequisite, 'no'), [q(prerequisite, '1.1')]: 'yes', [q(prerequisite, '1.2')]: 'yes', [q(prerequisite, '1.3')]: 'yes', [q(prerequisite, '1.5')]: 'yes', [q(prerequisite, '1.7')]: 'yes' }),
      stage: '1',
      ready: null,
    },
    {
      name: 'VI.1.1: no cloud experience at all (1.1 No) → outside the checklist, 第0段階',
      answers: () => ({ ...all(prerequisite, 'yes'), [q(prerequisite, '1.1')]: 'no', ...all(migration, 'yes') }),
      stage: '0',
      ready: null,
    },
    {
      name: 'VI.1.2: at stage 1, all nine Yes → may move to 第2段階',
      answers: () => ({ ...all(prerequisite, 'yes'), ...all(migration, 'yes'), ...all(signs, 'no') }),
      stage: '1',
      ready: '2',
      highRisk: true,
      actions: 1,
    },
    {
      name: 'VI.1.2: eight Yes and one No (4.7 encryption) → not yet; the No becomes its action',
      answers: () => ({ ...all(prerequisite, 'yes'), ...all(migration, 'yes'), [q(migration, '4.7')]: 'no', ...all(signs, 'no') }),
      stage: '1',
      ready: null,
      actions: 2,
    },
    {
      name: 'VI.1.2 last paragraphs: inventory, ISMS and experts → 第3段階; no expert → high risk',
      answers: () => ({ ...all(prerequisite, 'yes'), ...all(migration, 'yes'), ...all(signs, 'yes') }),
      stage: '3',
      ready: '2',
      highRisk: false,
      actions: 0,
    },
    {
      name: 'Don\'t know is not Yes: 4/8 Yes and 4 Don\'t know is not "most" → 第0段階',
      answers: () => ({ ...all(prerequisite, 'unknown'), [q(prerequisite, '1.1')]: 'yes', [q(prerequisite, '1.2')]: 'yes', [q(prerequisite, '1.3')]: 'yes', [q(prerequisite, '1.4')]: 'yes' }),
      stage: '0',
      ready: null,
    },
  ];
  for (const c of seedCases) {
    test(c.name, () => {
      const d = diagnose(models, c.answers());
      assert.equal(d.proposedStage, c.stage);
      assert.equal(d.readyForStage, c.ready);
      if (c.highRisk !== undefined) assert.equal(d.highRisks.length > 0, c.highRisk);
      if (c.actions !== undefined) assert.equal(d.suggestedActions.length, c.actions);
    });
  }

  test("an organisation's own checklist without rule attributes only scores", () => {
    const own = checklistsFromItems([
      { itemId: 'urn:kumoji:org:x:list', parentId: null, ja: '自社', en: 'Own', detailJa: null, detailEn: null, source: ['own'], attributes: { kind: 'checklist' } },
      { itemId: 'urn:kumoji:org:x:list:g', parentId: 'urn:kumoji:org:x:list', ja: 'グループ', en: 'Group', detailJa: null, detailEn: null, source: ['own'], attributes: { kind: 'group' } },
      { itemId: 'urn:kumoji:org:x:list:g:q1', parentId: 'urn:kumoji:org:x:list:g', ja: '質問', en: 'Question', detailJa: null, detailEn: null, source: ['own'], attributes: { kind: 'question' } },
    ]);
    assert.equal(own.length, 1);
    assert.equal(own[0].passRule, 'none');
    assert.deepEqual(own[0].questions.map((x) => [x.id.split(':').pop(), x.group?.en]), [['q1', 'Group']]);
    assert.equal(isDiagnostic(own[0]), false);
    assert.equal(diagnose(own, { [own[0].questions[0].id]: 'yes' }).proposedStage, '0');
  });
});

describe('comparing two assessments item by item', () => {
  test('improved, worsened, changed and the same', () => {
    const result = compareAnswers(['a', 'b', 'c', 'd', 'e'], { a: 'no', b: 'yes', c: 'unknown', d: 'yes' }, { a: 'yes', b: 'no', c: 'no', d: 'yes', e: 'yes' });
    assert.deepEqual(
      result.items.map((i) => i.change),
      ['improved', 'worsened', 'changed', 'same', 'improved'],
    );
    assert.deepEqual([result.improved, result.worsened, result.changed], [2, 1, 1]);
  });
});
