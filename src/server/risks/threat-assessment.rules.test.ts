import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { shippedItems } from '../diagnosis/seed-catalog.test-helper.ts';
import { hasLargeImpact, isJudged, studyExampleOf, summaryOf, threatListsOf, type Impacts } from './threat-assessment.rules.ts';

const none: Impacts = { impactBankruptcy: null, impactSalesDrop: null, impactCustomerLoss: null };
const impacts = (over: Partial<Impacts>): Impacts => ({ ...none, ...over });

describe('the shipped threat lists', () => {
  const lists = threatListsOf(shippedItems('seed-000/threats.yaml'));

  test('one list per true year, newest first, ten threats each by rank', () => {
    assert.deepEqual(
      lists.map((l) => l.year),
      [2026, 2025, 2024, 2020, 2019],
    );
    for (const l of lists) assert.deepEqual(l.threats.map((t) => t.rank), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], String(l.year));
  });

  test('FACTS.md 3: the study labels the 2019 list 2020; no other list carries a label year', () => {
    assert.deepEqual(
      lists.map((l) => [l.year, l.labelledYearInStudy]),
      [
        [2026, null],
        [2025, null],
        [2024, null],
        [2020, null],
        [2019, 2020],
      ],
    );
  });

  test('表2 worked example: 影響大 for bankruptcy on rank 4, sales on rank 5, customers on rank 6, nothing else', () => {
    const examples = lists.flatMap((l) => l.threats.filter((t) => t.studyExample).map((t) => [l.year, t.rank, t.studyExample]));
    assert.deepEqual(examples, [
      [2019, 4, impacts({ impactBankruptcy: 'large' })],
      [2019, 5, impacts({ impactSalesDrop: 'large' })],
      [2019, 6, impacts({ impactCustomerLoss: 'large' })],
    ]);
  });
});

describe('studyExampleOf', () => {
  for (const [what, attributes, expected] of [
    ['no impact attribute', { rank: 1 }, null],
    ['the catalog’s high is the assessment’s large', { impactSalesDrop: 'high' }, impacts({ impactSalesDrop: 'large' })],
    ['a level of the assessment’s own scale is kept', { impactCustomerLoss: 'medium' }, impacts({ impactCustomerLoss: 'medium' })],
    ['an unknown value is no example', { impactBankruptcy: 'huge' }, null],
  ] as const) {
    test(what, () => assert.deepEqual(studyExampleOf(attributes), expected));
  }
});

describe('lists from items', () => {
  test('a list without a year sorts last; a label year equal to the true year is no label; threats order by rank', () => {
    const lists = threatListsOf([
      { itemId: 'urn:x:t:a', parentId: null, ja: 'A', en: 'A', attributes: {} },
      { itemId: 'urn:x:t:b', parentId: null, ja: 'B', en: 'B', attributes: { year: 2024, labelledYearInSeed: 2024, note: { ja: '注', en: 'Note' } } },
      { itemId: 'urn:x:t:b:2', parentId: 'urn:x:t:b', ja: '二', en: 'Two', attributes: { rank: 2 } },
      { itemId: 'urn:x:t:b:1', parentId: 'urn:x:t:b', ja: '一', en: 'One', attributes: { rank: 1 } },
    ]);
    assert.deepEqual(
      lists.map((l) => [l.id, l.year, l.labelledYearInStudy, l.note?.en ?? null, l.threats.map((t) => t.rank)]),
      [
        ['urn:x:t:b', 2024, null, 'Note', [1, 2]],
        ['urn:x:t:a', 0, null, null, []],
      ],
    );
  });
});

describe('judged and large', () => {
  for (const [what, a, judged, large] of [
    ['nothing judged', none, false, false],
    ['"no impact" is a judgement', impacts({ impactBankruptcy: 'none' }), true, false],
    ['one column large', impacts({ impactCustomerLoss: 'large' }), true, true],
    ['medium everywhere is not large', impacts({ impactBankruptcy: 'medium', impactSalesDrop: 'medium', impactCustomerLoss: 'medium' }), true, false],
  ] as const) {
    test(what, () => {
      assert.equal(isJudged(a), judged);
      assert.equal(hasLargeImpact(a), large);
    });
  }

  test('the summary counts the list’s threats only', () => {
    const assessments = new Map<string, Impacts>([
      ['t1', impacts({ impactBankruptcy: 'large' })],
      ['t2', impacts({ impactSalesDrop: 'small' })],
      ['t3', none],
      ['other-list', impacts({ impactSalesDrop: 'large' })],
    ]);
    assert.deepEqual(summaryOf(['t1', 't2', 't3', 't4'], assessments), { threatCount: 4, judgedCount: 2, largeCount: 1 });
    assert.deepEqual(summaryOf([], assessments), { threatCount: 0, judgedCount: 0, largeCount: 0 });
  });
});
