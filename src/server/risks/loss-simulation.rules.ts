/**
 * Quantified risk in yen, for the risks module (PRODUCT.md capability 5,
 * issue 10): a 90 % loss range turned into a lognormal, a Poisson annual
 * frequency (several events a year possible), and a seeded Monte Carlo over
 * the portfolio giving annual loss expectancy (ALE), VaR 95/99 and a
 * loss-exceedance curve, for the inherent risk, after treatment, and after
 * treatment net of insurance cover.
 *
 * Sources: seed 000 II.2 (threats measured by their impact on the business);
 * issue 10 (5th/95th percentile range, Poisson, 100,000 years, analytic mean).
 * Insurance: per-event deductible (免責), per-event limit, per-risk sublimit
 * and an optional annual aggregate limit per policy, applied in that order.
 *
 * The random numbers are seeded (random-draws.ts), so a run is reproducible
 * from its seed.
 */
import { drawsFrom, EVENT_BLOCK, type Draws } from './random-draws.ts';

/** z of the 95th percentile of the standard normal: the 90 % range is μ ± 1.645σ. */
export const Z95 = 1.6448536269514722;

export interface LossRange {
  /** 5th percentile of the loss of one event, yen (> 0). */
  lowYen: number;
  /** 95th percentile of the loss of one event, yen (≥ lowYen). */
  highYen: number;
}

export interface LossEstimate extends LossRange {
  /** Expected events per year (Poisson λ, ≥ 0). */
  annualFrequency: number;
}

export interface Lognormal {
  mu: number;
  sigma: number;
}

export interface InsurancePolicy {
  id: string;
  /** 免責: the part of each event the insured bears. */
  deductibleYen: number;
  /** Most paid for one event. */
  perEventLimitYen: number;
  /** Most paid in one policy year over all events; null when the policy has none. */
  annualAggregateLimitYen: number | null;
}

export interface RiskCover {
  policyId: string;
  /** A lower per-event limit for this risk's kind of loss; null to use the policy's. */
  sublimitYen: number | null;
}

export interface QuantifiedRisk {
  id: string;
  inherent: LossEstimate;
  /** After the planned treatment; null when untreated (the inherent estimate stands). */
  treated: LossEstimate | null;
  cover: RiskCover | null;
}

export interface LossDistribution {
  /** Annual loss expectancy: the mean simulated annual loss. */
  aleYen: number;
  var95Yen: number;
  var99Yen: number;
  maxYen: number;
  /** Loss-exceedance curve: P(annual loss ≥ thresholdYen). */
  exceedance: { thresholdYen: number; probability: number }[];
}

export interface PortfolioSimulation {
  years: number;
  seed: number;
  inherent: LossDistribution;
  treated: LossDistribution;
  netOfInsurance: LossDistribution;
  /** Mean annual recovery from insurance. */
  meanRecoveryYen: number;
}

/** μ and σ of the lognormal whose 5th and 95th percentiles are the range. */
export function lognormalFromRange({ lowYen, highYen }: LossRange): Lognormal {
  const lnLow = Math.log(lowYen);
  const lnHigh = Math.log(highYen);
  return { mu: (lnLow + lnHigh) / 2, sigma: (lnHigh - lnLow) / (2 * Z95) };
}

/** Mean loss of one event: exp(μ + σ²/2). */
export function meanEventLossYen(range: LossRange): number {
  const { mu, sigma } = lognormalFromRange(range);
  return Math.exp(mu + (sigma * sigma) / 2);
}

/** Analytic annual loss expectancy of a compound Poisson-lognormal: λ·exp(μ + σ²/2). */
export function analyticAleYen(estimate: LossEstimate): number {
  return estimate.annualFrequency * meanEventLossYen(estimate);
}

/** What one policy pays for one event, before the annual aggregate. */
export function eventRecoveryYen(lossYen: number, policy: InsurancePolicy, sublimitYen: number | null): number {
  const limit = sublimitYen === null ? policy.perEventLimitYen : Math.min(sublimitYen, policy.perEventLimitYen);
  return Math.min(Math.max(lossYen - policy.deductibleYen, 0), limit);
}

/** Default curve thresholds: 1-2-5 steps from 100,000 yen to 10 billion yen. */
export function defaultThresholdsYen(): number[] {
  const out: number[] = [];
  for (let exp = 5; exp <= 10; exp++) for (const m of [1, 2, 5]) out.push(m * 10 ** exp);
  return out;
}

/** The value at quantile q of sorted losses (nearest rank). */
function quantile(sorted: Float64Array, q: number): number {
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx]!;
}

export function lossDistribution(annualLossesYen: Float64Array, thresholdsYen: number[]): LossDistribution {
  const sorted = Float64Array.from(annualLossesYen).sort();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const exceedance = thresholdsYen.map((thresholdYen) => {
    // first index with loss ≥ threshold
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < thresholdYen) lo = mid + 1;
      else hi = mid;
    }
    return { thresholdYen, probability: n === 0 ? 0 : (n - lo) / n };
  });
  return {
    aleYen: n === 0 ? 0 : sum / n,
    var95Yen: n === 0 ? 0 : quantile(sorted, 0.95),
    var99Yen: n === 0 ? 0 : quantile(sorted, 0.99),
    maxYen: n === 0 ? 0 : sorted[n - 1]!,
    exceedance,
  };
}

interface EventDraw {
  lambda: number;
  mu: number;
  sigma: number;
}

/** The policy paying a risk's treated events, its slot in the payment table, and the cover's sublimit. */
interface EventCover {
  policy: InsurancePolicy;
  slot: number;
  sublimitYen: number | null;
}

/** Per-event payments summed per year and policy slot (row y, column slot). */
interface PaymentTable {
  paid: Float64Array;
  slots: number;
}

/**
 * Adds one risk's events over all years to lossByYear and, when covered, its
 * per-event payments to the table. A Poisson process of rate λ over the
 * horizon: the number of events is Poisson(λ·years) and each falls in a
 * uniformly drawn year, so the counts per year are independent Poisson(λ),
 * drawn at a cost per event rather than per year. Each call writes one loss
 * array, and the covered and uncovered loops are separate, so the loop the
 * 100,000-year run spends its time in stays simple for the compiler.
 */
function addEvents(d: EventDraw, years: number, draws: Draws, lossByYear: Float64Array, cover: EventCover | null, payments: PaymentTable, buffers: EventBuffers): void {
  if (d.lambda <= 0) return;
  const { slotOf, lossOf } = buffers;
  for (let left = draws.poisson(d.lambda * years); left > 0; ) {
    const n = draws.lognormalEvents(left, d.mu, d.sigma, years, slotOf, lossOf);
    left -= n;
    if (cover === null) {
      for (let i = 0; i < n; i++) lossByYear[slotOf[i]!]! += lossOf[i]!;
      continue;
    }
    const { policy, slot, sublimitYen } = cover;
    for (let i = 0; i < n; i++) {
      const y = slotOf[i]!;
      lossByYear[y]! += lossOf[i]!;
      payments.paid[y * payments.slots + slot]! += eventRecoveryYen(lossOf[i]!, policy, sublimitYen);
    }
  }
}

/** The year and loss of a block of events, reused across risks. */
interface EventBuffers {
  slotOf: Int32Array;
  lossOf: Float64Array;
}

export interface SimulationOptions {
  years: number;
  seed: number;
  thresholdsYen?: number[];
}

/**
 * Simulates `years` years. Each risk draws its inherent and treated events
 * from one seeded generator (an untreated risk's treated events are its
 * inherent ones); insurance applies to the treated events. A cover naming an unknown policy is an input error.
 */
export function simulatePortfolio(risks: QuantifiedRisk[], policies: InsurancePolicy[], options: SimulationOptions): PortfolioSimulation {
  const { years, seed } = options;
  const thresholdsYen = options.thresholdsYen ?? defaultThresholdsYen();
  const policyIndex = new Map(policies.map((p, i) => [p.id, i]));
  for (const r of risks) {
    if (r.cover && !policyIndex.has(r.cover.policyId)) throw new Error(`risk ${r.id}: unknown policy ${r.cover.policyId}`);
  }
  const prepared = risks.map((r) => {
    const inh = lognormalFromRange(r.inherent);
    const tr = r.treated ? lognormalFromRange(r.treated) : inh;
    const slot = r.cover ? policyIndex.get(r.cover.policyId)! : -1;
    return {
      // Untreated: the treated years are the inherent years themselves (common random numbers),
      // so "before" and "after treatment" differ only where a treatment changed something.
      untreated: r.treated === null,
      inherent: { lambda: r.inherent.annualFrequency, ...inh },
      treated: { lambda: (r.treated ?? r.inherent).annualFrequency, ...tr },
      cover: r.cover ? { policy: policies[slot]!, slot, sublimitYen: r.cover.sublimitYen } : null,
    };
  });
  // Untreated risks' events count before and after treatment alike (common
  // random numbers), so they are drawn once into `both`; the two totals are
  // put together after the draws.
  const both = new Float64Array(years);
  const inherentLoss = new Float64Array(years);
  const treatedLoss = new Float64Array(years);
  // Per policy and year, the sum of per-event payments before the annual
  // aggregate: capping a running total event by event pays min(sum, aggregate)
  // in a year whatever the order, so the cap is applied once per year below.
  const payments: PaymentTable = { paid: new Float64Array(years * policies.length), slots: policies.length };
  const draws = drawsFrom(seed);
  const buffers: EventBuffers = { slotOf: new Int32Array(EVENT_BLOCK), lossOf: new Float64Array(EVENT_BLOCK) };
  for (const p of prepared) {
    if (p.untreated) {
      addEvents(p.inherent, years, draws, both, p.cover, payments, buffers);
      continue;
    }
    addEvents(p.inherent, years, draws, inherentLoss, null, payments, buffers);
    addEvents(p.treated, years, draws, treatedLoss, p.cover, payments, buffers);
  }
  for (let y = 0; y < years; y++) {
    inherentLoss[y]! += both[y]!;
    treatedLoss[y]! += both[y]!;
  }
  const netLoss = new Float64Array(years);
  let recoveries = 0;
  for (let y = 0; y < years; y++) {
    let recovered = 0;
    for (let s = 0; s < policies.length; s++) {
      const agg = policies[s]!.annualAggregateLimitYen;
      const sum = payments.paid[y * payments.slots + s]!;
      recovered += agg === null ? sum : Math.min(sum, agg);
    }
    netLoss[y] = treatedLoss[y]! - recovered;
    recoveries += recovered;
  }
  return {
    years,
    seed,
    inherent: lossDistribution(inherentLoss, thresholdsYen),
    treated: lossDistribution(treatedLoss, thresholdsYen),
    netOfInsurance: lossDistribution(netLoss, thresholdsYen),
    meanRecoveryYen: years === 0 ? 0 : recoveries / years,
  };
}
