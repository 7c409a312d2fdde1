/**
 * Risk Monte Carlo benchmark (`node --import tsx bench/risk-simulation.bench.ts`,
 * also run at the end of `npm run bench`). Prints figures; never asserts.
 * A portfolio of 200 risks (frequencies 0.02-5 a year, 90 % ranges from
 * 100,000 yen to 500 million yen, half treated, a third insured under two
 * policies) simulated over 100,000 years. Target: under 1 s.
 * Knobs: BENCH_RISKS (default 200), BENCH_YEARS (default 100000).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulatePortfolio, type InsurancePolicy, type QuantifiedRisk } from '../src/server/risks/loss-simulation.rules.ts';

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
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  console.log(`\nRisk Monte Carlo: ${riskCount} risks × ${years.toLocaleString('en')} years in ${ms.toFixed(0)} ms   target < 1000 ms   ${ms < 1000 ? 'OK' : 'SLOW'}`);
  console.log(`  heap +${mb(mem.heapUsed - heapBefore)} MB, rss ${mb(mem.rss)} MB (+${mb(mem.rss - rssBefore)} MB)`);
  console.log(`  ALE inherent ${Math.round(sim.inherent.aleYen).toLocaleString('en')} yen, treated ${Math.round(sim.treated.aleYen).toLocaleString('en')}, net ${Math.round(sim.netOfInsurance.aleYen).toLocaleString('en')}; VaR99 net ${Math.round(sim.netOfInsurance.var99Yen).toLocaleString('en')}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
