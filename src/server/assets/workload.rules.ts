/**
 * Which stage a workload (対象業務) belongs to, and whether the organisation
 * may move it now: pure functions, facts in, a verdict and its reasons out.
 *
 * Seed 000 (000_2afa2b1b220c6436.txt):
 * - II.5.2 表4 / II.6.1: stage 0 is consideration only; nothing moves.
 * - II.6.2 / III.2 ①: stage 1 (アジャイル型) chooses work whose risk can be
 *   accepted (リスクを許容できる業務) — the first thing to try.
 * - II.6.3 / III.2 ②: stage 2 (プロトタイプ型) tries the work where the cloud
 *   is most effective, e.g. mail and file servers (III.3.1 ② and ③).
 * - II.6.4: stage 3 (本格導入型) moves the core business; every workload
 *   except the stage X ones is a candidate.
 * - II.5.2 表4 / II.6.6: stage X (センシティブ型) plans work with personal,
 *   sales and customer, planning and finance information; it is carried out
 *   in stages 3-4 only.
 * - III.3: three motives (cost, convenience, continuity); III.3.1-III.3.4:
 *   four selection procedures (computer system, personal information, ISMS
 *   asset inventory, business advantage).
 *
 * Catalog items are referred to by their stable ids (docs/CATALOG.md); their
 * text always comes from the catalog.
 */

import { MOTIVES, STAGE_X_KINDS, type PRIORITIES, type STAGES, type TONES, type VERDICTS, type WORKLOAD_REASON_CODES } from '../../shared/schemas/workload.schema.ts';

export type Stage = (typeof STAGES)[number];
export type Motive = (typeof MOTIVES)[number];
/** Seed 000 II.6.6 対象業務: the three kinds of stage X work. */
export type StageXKind = (typeof STAGE_X_KINDS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type Rank = 'A' | 'B' | 'C';
export type Sensitivity = 'basic' | 'sensitive' | 'exceptional';

export const IMPACTS = 'urn:kumoji:seed-000:information-impacts';
export const BREAKDOWN = 'urn:kumoji:seed-000:asset-breakdown';

/**
 * Table 5 rows (III.3.2) whose information makes a workload stage X work:
 * personal information (provider: アップロードしない) and customers' personal
 * and owned information (user: 法律義務違反, customer: 被害規模は人数).
 */
export const SENSITIVE_IMPACTS: Readonly<Record<string, StageXKind>> = {
  [`${IMPACTS}:personal-info`]: 'personal',
  [`${IMPACTS}:customer-personal-info`]: 'sales_customer',
  [`${IMPACTS}:customer-property-info`]: 'sales_customer',
};
/** Table 5 row "基幹業務情報": core business information (stage 3, II.6.4). */
export const CORE_BUSINESS_IMPACT = `${IMPACTS}:core-business-info`;
/** The same risk categories in Table 7 (III.4.1), as an asset's risk category. */
export const SENSITIVE_ASSET_CATEGORIES: Readonly<Record<string, StageXKind>> = {
  [`${BREAKDOWN}:personal-info`]: 'personal',
  [`${BREAKDOWN}:customer-personal-info`]: 'sales_customer',
  [`${BREAKDOWN}:customer-property-info`]: 'sales_customer',
};

export interface WorkloadAssetFacts {
  id: string;
  rank: Rank;
  sensitivity: Sensitivity | null;
  riskCategoryId: string | null;
  containsPersonalData: boolean;
}

export interface WorkloadFacts {
  motives: readonly Motive[];
  /** III.3.1: the category's number (①-⑥), or null when none is chosen. */
  categoryNumber: number | null;
  /** III.3.2 表5 rows that apply (catalog item ids). */
  impactIds: readonly string[];
  /** II.6.6: kinds of stage X work the user has declared. */
  stageXKinds: readonly StageXKind[];
  /** II.6.2: "リスクを許容できる業務" as declared; null when not answered. */
  riskTolerable: boolean | null;
  /** II.6.4: the company's core business (基幹業務). */
  coreBusiness: boolean;
  /** II.6.6: a stage X plan has been written for this workload. */
  hasStageXPlan: boolean;
  /** III.3.4 表6: the future priority the organisation gives the workload's theme. */
  futurePriority: Priority | null;
  assets: readonly WorkloadAssetFacts[];
}

export type Verdict = (typeof VERDICTS)[number];
export type Tone = (typeof TONES)[number];
export type ReasonCode = (typeof WORKLOAD_REASON_CODES)[number];

export interface WorkloadReason {
  code: ReasonCode;
  tone: Tone;
  /** Where the rule comes from, for the reader who wants to check it. */
  source: string;
  stage?: Stage;
  kinds?: StageXKind[];
  motives?: Motive[];
  /** Catalog item ids (Table 5 rows) the reason is about. */
  refs?: string[];
  /** Linked assets the reason is about. */
  assetIds?: string[];
}

export interface WorkloadVerdict {
  verdict: Verdict;
  /** The first stage whose target work includes this workload. */
  earliestStage: Stage;
  sensitive: boolean;
  /** Every kind of stage X work found: declared, from Table 5, from the assets. */
  stageXKinds: StageXKind[];
  core: boolean;
  /** Risk tolerance after the facts: null when not answered and nothing contradicts it. */
  riskTolerable: boolean | null;
  /** The work the current stage should try first (stage 1: risk-tolerable; stage 2: mail, file servers). */
  recommendedNow: boolean;
  reasons: WorkloadReason[];
}

const SEED = '000_2afa2b1b220c6436.txt';

/** Stage X runs alongside stages 3 and 4 (II.5.2 表4): for what may move, it counts as 3. */
export const mainStageRank = (s: Stage): number => (s === 'x' ? 3 : Number(s));

/** III.3.1 ② (communication tools) and ③ (business tools): the seed's stage 2 examples, mail and file servers (II.6.3). */
const STAGE_TWO_CATEGORIES = new Set([2, 3]);

const byKindOrder = (kinds: Iterable<StageXKind>): StageXKind[] => STAGE_X_KINDS.filter((k) => new Set(kinds).has(k));

export function workloadVerdict(facts: WorkloadFacts, currentStage: Stage | null): WorkloadVerdict {
  const reasons: WorkloadReason[] = [];

  // --- Stage X: sensitive work (II.6.6 対象業務; III.3.2 表5; III.4.1 表7) ---
  const kinds = new Set<StageXKind>(facts.stageXKinds);
  if (facts.stageXKinds.length) {
    reasons.push({ code: 'sensitiveDeclared', tone: 'info', source: `${SEED} II.6.6`, kinds: byKindOrder(facts.stageXKinds) });
  }
  const sensitiveImpacts = facts.impactIds.filter((id) => id in SENSITIVE_IMPACTS);
  if (sensitiveImpacts.length) {
    for (const id of sensitiveImpacts) kinds.add(SENSITIVE_IMPACTS[id]);
    reasons.push({
      code: 'sensitiveImpacts',
      tone: 'info',
      source: `${SEED} III.3.2 表5`,
      refs: sensitiveImpacts,
      kinds: byKindOrder(sensitiveImpacts.map((id) => SENSITIVE_IMPACTS[id])),
    });
  }
  const personalAssets = facts.assets.filter((a) => a.containsPersonalData || (a.riskCategoryId !== null && a.riskCategoryId in SENSITIVE_ASSET_CATEGORIES));
  if (personalAssets.length) {
    const assetKinds = personalAssets.map((a) => (a.riskCategoryId !== null && a.riskCategoryId in SENSITIVE_ASSET_CATEGORIES ? SENSITIVE_ASSET_CATEGORIES[a.riskCategoryId] : 'personal'));
    for (const k of assetKinds) kinds.add(k);
    reasons.push({ code: 'personalDataAssets', tone: 'info', source: `${SEED} III.4.1 表7`, assetIds: personalAssets.map((a) => a.id), kinds: byKindOrder(assetKinds) });
  }
  // Table 7's センシティブ and 例外的 columns: high-risk information, planned in stage X like personal data.
  const sensitiveAssets = facts.assets.filter((a) => a.sensitivity === 'sensitive' || a.sensitivity === 'exceptional');
  if (sensitiveAssets.length) {
    reasons.push({ code: 'sensitiveAssets', tone: 'info', source: `${SEED} III.4.1 表7`, assetIds: sensitiveAssets.map((a) => a.id) });
  }
  const sensitive = kinds.size > 0 || sensitiveAssets.length > 0;

  // --- Core business (II.6.4; III.3.2 表5 基幹業務情報) ---
  const coreImpact = facts.impactIds.includes(CORE_BUSINESS_IMPACT);
  if (facts.coreBusiness) reasons.push({ code: 'coreBusinessDeclared', tone: 'info', source: `${SEED} II.6.4` });
  if (coreImpact) reasons.push({ code: 'coreBusinessInformation', tone: 'info', source: `${SEED} III.3.2 表5`, refs: [CORE_BUSINESS_IMPACT] });
  const core = facts.coreBusiness || coreImpact;

  // --- Risk tolerance (II.6.2; III.3.3 ⑥: rank A is the highest risk to the company) ---
  const rankA = facts.assets.filter((a) => a.rank === 'A');
  if (rankA.length) reasons.push({ code: 'rankAAssets', tone: 'info', source: `${SEED} III.3.3 ⑥`, assetIds: rankA.map((a) => a.id) });
  const contradicted = sensitive || core || rankA.length > 0;
  let riskTolerable: boolean | null;
  if (facts.riskTolerable === true && contradicted) {
    riskTolerable = false;
    reasons.push({ code: 'riskToleranceContradicted', tone: 'warning', source: `${SEED} II.6.2, III.2 ①` });
  } else if (facts.riskTolerable === true) {
    riskTolerable = true;
    reasons.push({ code: 'riskTolerable', tone: 'ok', source: `${SEED} II.6.2, III.2 ①` });
  } else if (facts.riskTolerable === false) {
    riskTolerable = false;
    reasons.push({ code: 'riskNotTolerable', tone: 'info', source: `${SEED} II.6.2, III.2 ①` });
  } else {
    riskTolerable = contradicted ? false : null;
    if (!contradicted) reasons.push({ code: 'riskToleranceUnanswered', tone: 'info', source: `${SEED} II.6.2, III.2 ①` });
  }

  // --- The first stage whose target work includes it ---
  const stageTwoFit = facts.categoryNumber !== null && STAGE_TWO_CATEGORIES.has(facts.categoryNumber);
  let earliestStage: Stage;
  if (sensitive) earliestStage = '3';
  else if (core) earliestStage = '3';
  else if (riskTolerable === true) earliestStage = '1';
  else if (stageTwoFit) {
    earliestStage = '2';
    reasons.push({ code: 'stageTwoEffective', tone: 'info', source: `${SEED} II.6.3, III.3.1 ②③` });
  } else {
    earliestStage = '3';
    reasons.push({ code: 'stageThreeCandidate', tone: 'info', source: `${SEED} II.6.4` });
  }

  // --- Against the organisation's current stage ---
  let verdict: Verdict;
  let recommendedNow = false;
  const stage: Stage = currentStage ?? '0';
  if (currentStage === null) reasons.push({ code: 'stageNotDiagnosed', tone: 'warning', source: `${SEED} VI.1` });
  if (stage === '0') {
    verdict = 'notYet';
    reasons.push({ code: 'stageZeroConsiderOnly', tone: 'blocker', source: `${SEED} II.5.2 表4, II.6.1`, stage: earliestStage });
  } else if (mainStageRank(stage) < mainStageRank(earliestStage)) {
    verdict = 'notYet';
    reasons.push({ code: 'laterStage', tone: 'blocker', source: sensitive ? `${SEED} II.5.2 表4, II.6.6` : `${SEED} II.6`, stage: earliestStage });
  } else if (sensitive && !facts.hasStageXPlan) {
    verdict = 'needsStageXPlan';
    reasons.push({ code: 'stageXPlanMissing', tone: 'blocker', source: `${SEED} II.5.2 表4, II.6.6`, kinds: byKindOrder(kinds) });
  } else {
    verdict = 'suitable';
    if (sensitive) reasons.push({ code: 'stageXPlanned', tone: 'ok', source: `${SEED} II.6.6` });
    reasons.push({ code: 'allowedInStage', tone: 'ok', source: `${SEED} II.6`, stage });
    if (stage === '1' && riskTolerable === true) {
      recommendedNow = true;
      reasons.push({ code: 'stageOneFirstChoice', tone: 'ok', source: `${SEED} II.6.2, III.2 ①` });
    } else if (stage === '2' && stageTwoFit && !core) {
      recommendedNow = true;
      reasons.push({ code: 'stageTwoFirstChoice', tone: 'ok', source: `${SEED} II.6.3, III.2 ②` });
    }
  }

  // --- Completeness of the four procedures and the motives ---
  if (facts.motives.length === 0) reasons.push({ code: 'noMotive', tone: 'warning', source: `${SEED} III.3` });
  else reasons.push({ code: 'motives', tone: 'info', source: `${SEED} III.3`, motives: MOTIVES.filter((m) => facts.motives.includes(m)) });
  if (facts.categoryNumber === null) reasons.push({ code: 'noCategory', tone: 'info', source: `${SEED} III.3.1` });
  if (facts.assets.length === 0) reasons.push({ code: 'noAssets', tone: 'info', source: `${SEED} III.3.3` });
  if (facts.futurePriority === 'high') reasons.push({ code: 'futurePriorityHigh', tone: 'info', source: `${SEED} III.3.4 表6` });

  return { verdict, earliestStage, sensitive, stageXKinds: byKindOrder(kinds), core, riskTolerable, recommendedNow, reasons };
}

export interface AssetValueFacts {
  rank: Rank;
  /** records x unit value, as the database's exact numeric text. */
  totalValueYen: string | null;
  sensitivity: Sensitivity | null;
  containsPersonalData: boolean;
}

export interface IsmsAssetView {
  assetCount: number;
  rankCounts: Record<Rank, number>;
  highestRank: Rank | null;
  sensitivityCounts: Record<Sensitivity | 'unclassified', number>;
  personalDataCount: number;
  /** Exact yen, as a decimal string (totals can exceed 2^53). */
  totalValueYen: string;
  /** Share of the organisation's whole inventory value, in percent with one decimal; null when the inventory is worth nothing. */
  shareOfInventoryPercent: number | null;
}

const toBigInt = (value: string | null): bigint => (value && /^\d+$/.test(value) ? BigInt(value) : 0n);

/**
 * Seed 000 III.3.3: the ISMS view of a workload, from its linked assets —
 * ranks (⑥: set by the risk to the company), value (④: records x unit value)
 * and its share of the inventory (⑤: the sum should match revenue).
 */
export function ismsAssetView(assets: readonly AssetValueFacts[], inventoryTotalYen: string | null): IsmsAssetView {
  const rankCounts: Record<Rank, number> = { A: 0, B: 0, C: 0 };
  const sensitivityCounts: Record<Sensitivity | 'unclassified', number> = { basic: 0, sensitive: 0, exceptional: 0, unclassified: 0 };
  let total = 0n;
  let personalDataCount = 0;
  for (const a of assets) {
    rankCounts[a.rank]++;
    sensitivityCounts[a.sensitivity ?? 'unclassified']++;
    if (a.containsPersonalData) personalDataCount++;
    total += toBigInt(a.totalValueYen);
  }
  const highestRank = (['A', 'B', 'C'] as const).find((r) => rankCounts[r] > 0) ?? null;
  const inventory = toBigInt(inventoryTotalYen);
  // Per mille in integers, then one decimal: exact for any size of inventory.
  const shareOfInventoryPercent = inventory > 0n ? Number((total * 1000n + inventory / 2n) / inventory) / 10 : null;
  return { assetCount: assets.length, rankCounts, highestRank, sensitivityCounts, personalDataCount, totalValueYen: total.toString(), shareOfInventoryPercent };
}
