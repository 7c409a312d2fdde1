import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BREAKDOWN,
  CORE_BUSINESS_IMPACT,
  IMPACTS,
  ismsAssetView,
  mainStageRank,
  workloadVerdict,
  type ReasonCode,
  type Stage,
  type WorkloadAssetFacts,
  type WorkloadFacts,
} from './workload.rules.ts';

const base: WorkloadFacts = {
  motives: ['convenience'],
  categoryNumber: 2,
  impactIds: [],
  stageXKinds: [],
  riskTolerable: true,
  coreBusiness: false,
  hasStageXPlan: false,
  futurePriority: null,
  assets: [{ id: 'a-c', rank: 'C', sensitivity: 'basic', riskCategoryId: null, containsPersonalData: false }],
};
const facts = (patch: Partial<WorkloadFacts>): WorkloadFacts => ({ ...base, ...patch });
const asset = (patch: Partial<WorkloadAssetFacts>): WorkloadAssetFacts => ({ id: 'a1', rank: 'B', sensitivity: null, riskCategoryId: null, containsPersonalData: false, ...patch });
const codes = (v: ReturnType<typeof workloadVerdict>) => v.reasons.map((r) => r.code);

describe('workloadVerdict: the stage a workload belongs to (seed 000 II.6, III.2-III.3)', () => {
  const cases: {
    name: string;
    facts: WorkloadFacts;
    stage: Stage | null;
    verdict: 'suitable' | 'needsStageXPlan' | 'notYet';
    earliest: Stage;
    sensitive?: boolean;
    recommended?: boolean;
    has?: ReasonCode[];
    hasNot?: ReasonCode[];
  }[] = [
    // II.6.1 / 表4: stage 0 is consideration only.
    { name: 'stage 0: nothing moves, even risk-tolerable work', facts: base, stage: '0', verdict: 'notYet', earliest: '1', has: ['stageZeroConsiderOnly', 'riskTolerable'] },
    // No diagnosis yet: treated as stage 0, and said so.
    { name: 'no stage yet: as stage 0, with a warning', facts: base, stage: null, verdict: 'notYet', earliest: '1', has: ['stageNotDiagnosed', 'stageZeroConsiderOnly'] },
    // II.6.2 / III.2 ①: risk-tolerable work is what stage 1 tries first.
    { name: 'stage 1: risk-tolerable work is the first choice', facts: base, stage: '1', verdict: 'suitable', earliest: '1', recommended: true, has: ['allowedInStage', 'stageOneFirstChoice'] },
    // Not tolerable, but mail / file server (III.3.1 ②③): stage 2 (II.6.3).
    { name: 'stage 1: not tolerable communication work waits for stage 2', facts: facts({ riskTolerable: false }), stage: '1', verdict: 'notYet', earliest: '2', has: ['riskNotTolerable', 'stageTwoEffective', 'laterStage'] },
    { name: 'stage 2: communication tools are its first choice', facts: facts({ riskTolerable: false }), stage: '2', verdict: 'suitable', earliest: '2', recommended: true, has: ['stageTwoFirstChoice'] },
    { name: 'stage 2: business tools (③) too', facts: facts({ riskTolerable: null, categoryNumber: 3 }), stage: '2', verdict: 'suitable', earliest: '2', recommended: true, has: ['riskToleranceUnanswered', 'stageTwoFirstChoice'] },
    { name: 'stage 2: risk-tolerable work is allowed, not the first choice there if not ②③', facts: facts({ categoryNumber: 4 }), stage: '2', verdict: 'suitable', earliest: '1', recommended: false, hasNot: ['stageTwoFirstChoice', 'stageOneFirstChoice'] },
    // II.6.4: business applications that are not tolerable are stage 3 candidates.
    { name: 'stage 2: an untolerated business application waits for stage 3', facts: facts({ riskTolerable: false, categoryNumber: 4 }), stage: '2', verdict: 'notYet', earliest: '3', has: ['stageThreeCandidate', 'laterStage'] },
    { name: 'no category and no answer: stage 3 candidate', facts: facts({ riskTolerable: null, categoryNumber: null }), stage: '3', verdict: 'suitable', earliest: '3', has: ['noCategory', 'stageThreeCandidate', 'allowedInStage'] },
    // II.6.4: the core business moves in stage 3.
    { name: 'core business declared: stage 3, and not tolerable whatever was said', facts: facts({ coreBusiness: true }), stage: '2', verdict: 'notYet', earliest: '3', has: ['coreBusinessDeclared', 'riskToleranceContradicted', 'laterStage'] },
    { name: 'Table 5 core business information: stage 3', facts: facts({ riskTolerable: null, impactIds: [CORE_BUSINESS_IMPACT] }), stage: '3', verdict: 'suitable', earliest: '3', has: ['coreBusinessInformation', 'allowedInStage'], hasNot: ['riskToleranceUnanswered'] },
    { name: 'stage 2: core communication work is allowed only from 3', facts: facts({ riskTolerable: false, coreBusiness: true }), stage: '2', verdict: 'notYet', earliest: '3', hasNot: ['stageTwoFirstChoice'] },
    // III.3.3 ⑥: a rank A asset is the highest risk to the company: not risk-tolerable.
    { name: 'rank A asset contradicts "tolerable"', facts: facts({ assets: [asset({ id: 'a-a', rank: 'A' })] }), stage: '1', verdict: 'notYet', earliest: '2', has: ['rankAAssets', 'riskToleranceContradicted'] },
    // II.6.6 / 表4: stage X work only in stages 3-4, with a plan.
    { name: 'declared personal work: stage 3 and a plan', facts: facts({ stageXKinds: ['personal'] }), stage: '1', verdict: 'notYet', earliest: '3', sensitive: true, has: ['sensitiveDeclared', 'laterStage', 'riskToleranceContradicted'] },
    { name: 'sensitive work in stage 3 without a plan', facts: facts({ stageXKinds: ['planning_finance'] }), stage: '3', verdict: 'needsStageXPlan', earliest: '3', sensitive: true, has: ['stageXPlanMissing'] },
    { name: 'sensitive work in stage 4 with a plan', facts: facts({ stageXKinds: ['sales_customer'], hasStageXPlan: true }), stage: '4', verdict: 'suitable', earliest: '3', sensitive: true, has: ['stageXPlanned', 'allowedInStage'] },
    { name: 'stage X as the current stage counts as stage 3', facts: facts({ stageXKinds: ['personal'], hasStageXPlan: true }), stage: 'x', verdict: 'suitable', earliest: '3', sensitive: true },
    // III.3.2 表5: personal and customer information rows.
    { name: 'Table 5 personal information row', facts: facts({ impactIds: [`${IMPACTS}:personal-info`] }), stage: '3', verdict: 'needsStageXPlan', earliest: '3', sensitive: true, has: ['sensitiveImpacts'] },
    { name: 'Table 5 customer-owned information row', facts: facts({ impactIds: [`${IMPACTS}:customer-property-info`], hasStageXPlan: true }), stage: '3', verdict: 'suitable', earliest: '3', sensitive: true },
    { name: 'Table 5 telework row is not sensitive', facts: facts({ impactIds: [`${IMPACTS}:telework`] }), stage: '1', verdict: 'suitable', earliest: '1', sensitive: false },
    // III.4.1 表7: assets with personal data, a personal risk category or a sensitive level.
    { name: 'asset holding personal data', facts: facts({ assets: [asset({ containsPersonalData: true })] }), stage: '3', verdict: 'needsStageXPlan', earliest: '3', sensitive: true, has: ['personalDataAssets'] },
    { name: 'asset in the customer personal information category', facts: facts({ assets: [asset({ riskCategoryId: `${BREAKDOWN}:customer-personal-info` })] }), stage: '3', verdict: 'needsStageXPlan', earliest: '3', sensitive: true, has: ['personalDataAssets'] },
    { name: 'asset classified exceptional', facts: facts({ assets: [asset({ sensitivity: 'exceptional' })] }), stage: '2', verdict: 'notYet', earliest: '3', sensitive: true, has: ['sensitiveAssets'] },
    { name: 'asset classified sensitive', facts: facts({ assets: [asset({ sensitivity: 'sensitive' })], hasStageXPlan: true }), stage: '3', verdict: 'suitable', earliest: '3', sensitive: true },
    // III.3: motives; III.3.3: no assets; III.3.4 表6: future priority.
    { name: 'no motive and no assets: warnings', facts: facts({ motives: [], assets: [] }), stage: '1', verdict: 'suitable', earliest: '1', has: ['noMotive', 'noAssets'], hasNot: ['motives'] },
    { name: 'high future priority is noted', facts: facts({ futurePriority: 'high' }), stage: '1', verdict: 'suitable', earliest: '1', has: ['futurePriorityHigh', 'motives'] },
  ];

  for (const c of cases) {
    test(c.name, () => {
      const v = workloadVerdict(c.facts, c.stage);
      assert.equal(v.verdict, c.verdict);
      assert.equal(v.earliestStage, c.earliest);
      if (c.sensitive !== undefined) assert.equal(v.sensitive, c.sensitive);
      if (c.recommended !== undefined) assert.equal(v.recommendedNow, c.recommended);
      for (const code of c.has ?? []) assert.ok(codes(v).includes(code), `${code} in ${codes(v).join(', ')}`);
      for (const code of c.hasNot ?? []) assert.ok(!codes(v).includes(code), `${code} not in ${codes(v).join(', ')}`);
      for (const r of v.reasons) assert.match(r.source, /000_2afa2b1b220c6436\.txt/, `${r.code} cites the seed`);
    });
  }

  test('every stage X kind found is listed once, in the seed order', () => {
    const v = workloadVerdict(
      facts({
        stageXKinds: ['planning_finance'],
        impactIds: [`${IMPACTS}:customer-personal-info`, `${IMPACTS}:personal-info`],
        assets: [asset({ containsPersonalData: true })],
      }),
      '3',
    );
    assert.deepEqual(v.stageXKinds, ['personal', 'sales_customer', 'planning_finance']);
    const missing = v.reasons.find((r) => r.code === 'stageXPlanMissing');
    assert.deepEqual(missing?.kinds, ['personal', 'sales_customer', 'planning_finance']);
  });

  test('reasons name the assets and catalog rows they are about', () => {
    const v = workloadVerdict(facts({ impactIds: [`${IMPACTS}:personal-info`], assets: [asset({ id: 'x', rank: 'A', sensitivity: 'sensitive' })] }), '3');
    assert.deepEqual(v.reasons.find((r) => r.code === 'sensitiveImpacts')?.refs, [`${IMPACTS}:personal-info`]);
    assert.deepEqual(v.reasons.find((r) => r.code === 'rankAAssets')?.assetIds, ['x']);
    assert.deepEqual(v.reasons.find((r) => r.code === 'sensitiveAssets')?.assetIds, ['x']);
  });

  test('an unanswered tolerance with contradicting facts is "not tolerable", without asking', () => {
    const v = workloadVerdict(facts({ riskTolerable: null, coreBusiness: true }), '3');
    assert.equal(v.riskTolerable, false);
    assert.ok(!codes(v).includes('riskToleranceUnanswered'));
  });

  test('stage order: X counts as 3 for what may move', () => {
    assert.deepEqual((['0', '1', '2', '3', '4', 'x'] as Stage[]).map(mainStageRank), [0, 1, 2, 3, 4, 3]);
  });
});

describe('ismsAssetView: the ISMS view from the linked assets (seed 000 III.3.3)', () => {
  // Seed 000 III.3.3 図11: お得意様台帳 200 x 150千円 = 3,000万; 会員Mカード台帳 1,000 x 50千円 = 5,000万; inventory 10,044万.
  const ledger = { rank: 'A' as const, totalValueYen: '30000000', sensitivity: 'sensitive' as const, containsPersonalData: true };
  const cards = { rank: 'B' as const, totalValueYen: '50000000', sensitivity: 'basic' as const, containsPersonalData: true };

  test("the seed's example: two customer ledgers are 79.6 % of the inventory", () => {
    const v = ismsAssetView([ledger, cards], '100440000');
    assert.equal(v.totalValueYen, '80000000');
    assert.equal(v.shareOfInventoryPercent, 79.6);
    assert.deepEqual(v.rankCounts, { A: 1, B: 1, C: 0 });
    assert.equal(v.highestRank, 'A');
    assert.deepEqual(v.sensitivityCounts, { basic: 1, sensitive: 1, exceptional: 0, unclassified: 0 });
    assert.equal(v.personalDataCount, 2);
  });

  test('no assets: nothing, and no share of an empty inventory', () => {
    const v = ismsAssetView([], '0');
    assert.equal(v.assetCount, 0);
    assert.equal(v.highestRank, null);
    assert.equal(v.totalValueYen, '0');
    assert.equal(v.shareOfInventoryPercent, null);
  });

  test('exact beyond 2^53 yen, unclassified and missing values counted', () => {
    const big = { rank: 'C' as const, totalValueYen: '90071992547409930', sensitivity: null, containsPersonalData: false };
    const v = ismsAssetView([big, { ...big, totalValueYen: null }], '180143985094819860');
    assert.equal(v.totalValueYen, '90071992547409930');
    assert.equal(v.shareOfInventoryPercent, 50);
    assert.equal(v.sensitivityCounts.unclassified, 2);
    assert.equal(v.highestRank, 'C');
  });
});
