/**
 * Risk Monte Carlo benchmark (`node --import tsx bench/risk-simulation.bench.ts`,
 * also run at the end of `npm run bench`). Prints figures; never asserts.
 * A portfolio of 200 risks (frequencies 0.02-5 a year, 90 % ranges from
 * 100,000 yen to 500 million yen, half treated, a third insured under two
 * policies) simulated over 100,000 years (about 32 million events). Target:
 * under 1 s.
 * Knobs: BENCH_RISKS (default 200), BENCH_YEARS (default 100000).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { eventRecoveryYen, lognormalFromRange, simulatePortfolio, type InsurancePolicy, type QuantifiedRisk } from '../src/server/risks/loss-simulation.rules.ts';

/** The first implementation, kept here only as the 'before' of the ratio: Knuth Poisson per risk and year, one Box-Muller per event. */
function naiveMeans(risks: QuantifiedRisk[], policies: InsurancePolicy[], years: number, seed: number): { inherentYen: number; netYen: number } {
  const rng = xoroshiro128plus(seed);
  const u = () => ((rng.next() >>> 0) + 0.5) / 4294967296;
  const poisson = (lambda: number) => {
    if (lambda <= 0) return 0;
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = u(); p > limit; p *= u()) k++;
    return k;
  };
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const slots = new Map(policies.map((p, i) => [p.id, i]));
  const paidThisYear = new Float64Array(policies.length);
  let total = 0;
  let inherentTotal = 0;
  for (let y = 0; y < years; y++) {
    paidThisYear.fill(0);
    for (const r of risks) {
      const inh = lognormalFromRange(r.inherent);
      const t = r.treated ?? r.inherent;
      const tr = lognormalFromRange(t);
      for (let k = poisson(r.inherent.annualFrequency); k > 0; k--) inherentTotal += Math.exp(inh.mu + inh.sigma * normal());
      for (let k = poisson(t.annualFrequency); k > 0; k--) {
        const loss = Math.exp(tr.mu + tr.sigma * normal());
        let net = loss;
        if (r.cover) {
          const slot = slots.get(r.cover.policyId)!;
          const policy = policies[slot]!;
          let pay = eventRecoveryYen(loss, policy, r.cover.sublimitYen);
          if (policy.annualAggregateLimitYen !== null) pay = Math.min(pay, Math.max(policy.annualAggregateLimitYen - paidThisYear[slot]!, 0));
          paidThisYear[slot]! += pay;
          net -= pay;
        }
        total += net;
      }
    }
  }
  return { inherentYen: inherentTotal / years, netYen: total / years };
}

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);

export function main(): void {
  const riskCount = num(process.env.BENCH_RISKS, 200);
  const years = num(process.env.BENCH_YEARS, 100_000);
  const risks: QuantifiedRisk[] = Array.from({ length: riskCount }, (_, i) => {
    const annualFrequency = [0.02, 0.1, 0.3, 1, 5][i % 5]!;
    const lowYen = [100_000, 500_000, 2_000_000, 10_000_000][i % 4]!;
    const highYen = lowYen * [5, 20, 50][i % 3]!;
    return {
      id: `r${i}`,
      inherent: { annualFrequency, lowYen, highYen },
      treated: i % 2 === 0 ? { annualFrequency: annualFrequency / 2, lowYen, highYen: highYen / 2 } : null,
      cover: i % 3 === 0 ? { policyId: i % 2 ? 'cyber' : 'property', sublimitYen: i % 6 === 0 ? 20_000_000 : null } : null,
    };
  });
  const policies: InsurancePolicy[] = [
    { id: 'cyber', deductibleYen: 1_000_000, perEventLimitYen: 100_000_000, annualAggregateLimitYen: 300_000_000 },
    { id: 'property', deductibleYen: 500_000, perEventLimitYen: 50_000_000, annualAggregateLimitYen: null },
  ];
  simulatePortfolio(risks.slice(0, 10), policies, { years: 1000, seed: 1 }); // warm-up
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  const sim = simulatePortfolio(risks, policies, { years, seed: 20260401 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const mem = process.memoryUsage();
  const b0 = process.hrtime.bigint();
  const naive = naiveMeans(risks, policies, years, 20260401);
  const beforeMs = Number(process.hrtime.bigint() - b0) / 1e6;
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(`\nRisk Monte Carlo: ${riskCount} risks × ${years.toLocaleString('en')} years in ${ms.toFixed(0)} ms   target < 1000 ms   ${ms < 1000 ? 'OK' : 'SLOW'}`);
  console.log(`  before (Poisson per risk and year, a Box-Muller pair per event): ${beforeMs.toFixed(0)} ms, ALE inherent ${Math.round(naive.inherentYen).toLocaleString('en')} yen, net ${Math.round(naive.netYen).toLocaleString('en')}; ratio before/after ${(beforeMs / ms).toFixed(1)}×`);
  console.log(`  heap +${mb(mem.heapUsed - heapBefore)} MB, rss ${mb(mem.rss)} MB (+${mb(mem.rss - rssBefore)} MB)`);
  console.log(`  ALE inherent ${Math.round(sim.inherent.aleYen).toLocaleString('en')} yen, treated ${Math.round(sim.treated.aleYen).toLocaleString('en')}, net ${Math.round(sim.netOfInsurance.aleYen).toLocaleString('en')}; VaR99 net ${Math.round(sim.netOfInsurance.var99Yen).toLocaleString('en')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
