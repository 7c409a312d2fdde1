/**
 * Kumoji benchmark (`npm run bench`). Prints figures; never asserts timings.
 *
 * Runs the benchmarks below one after another, each on a server and database
 * of its own; each file says what it measures and the knobs it reads, and
 * runs alone too (`node --import tsx bench/<file>`). To add one, write a
 * `bench/<area>.bench.ts` exporting `main()` and add it to the list.
 *
 * Knobs of the whole run: BENCH_SKIP_ASSETS (set: no asset inventory figures),
 * BENCH_SKIP_SCOPE (set: no data-context comparison),
 * and those of each file (BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS,
 * BENCH_ROWS, BENCH_SCENARIOS, BENCH_ASSET_ROWS, BENCH_ASSET_PARTS,
 * DATABASE_POOL_SIZE, PG_RUN_AS).
 */

import { printTargets } from './targets.ts';

interface Bench {
  file: string;
  /** When set and true, the benchmark is left out of this run. */
  skip?: () => boolean;
}

const BENCHES: Bench[] = [
  // The audit list under load (a bare server, one SELECT, the list route) and verifyAudit over 100,000 entries.
  { file: './audit-list.bench.ts' },
  // The first page's JavaScript, gzipped, when dist/web is built.
  { file: './web-bundle.bench.ts' },
  // The asset inventory: import of 100,000 rows, zip bombs, the list at 100,000 assets, statements per request.
  { file: './asset-import.bench.ts', skip: () => !!process.env.BENCH_SKIP_ASSETS },
  // The risk Monte Carlo (200 risks × 100,000 years).
  { file: './risk-simulation.bench.ts' },
  // The data context: list pages with the scoped helper against row-level security, in one run.
  { file: './data-context.bench.ts', skip: () => !!process.env.BENCH_SKIP_SCOPE },
];

for (const bench of BENCHES) {
  if (bench.skip?.()) continue;
  const { main } = (await import(bench.file)) as { main(): Promise<void> | void };
  await main();
}
printTargets();
