/**
 * SQL statements per request on the inventory's common paths, counted on the
 * server's own pool (`test/helpers/query-count.ts`, as the query-count test
 * does): a notes-only PATCH of an asset and the list's first page. Called by
 * `asset-import.bench.ts` with 100,000 assets in the organisation.
 *
 * The server's job worker shares the pool and polls now and then, so each
 * figure is the median over several requests one after another, not one
 * request that a poll may have landed in.
 */
import type pg from 'pg';
import { countStatements } from '../test/helpers/query-count.ts';

const REQUESTS = 9;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function statementFigures(pool: pg.Pool, base: string, headers: Record<string, string>): Promise<void> {
  const counter = countStatements(pool);
  try {
    const list = async () => {
      const res = await fetch(`${base}/api/v1/assets?sort=name&limit=50`, { headers });
      if (res.status !== 200) throw new Error(`list: ${res.status} ${await res.text()}`);
      return (await res.json()) as { items: { id: string; version: number }[] };
    };
    const listed: number[] = [];
    for (let i = 0; i < REQUESTS; i++) listed.push((await counter.measure(list)).statements.length);
    const asset = (await list()).items[0];
    if (!asset) throw new Error('statements: the organisation has no asset to edit');
    let version = asset.version;
    const patched: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const { result, statements } = await counter.measure(async () => {
        const res = await fetch(`${base}/api/v1/assets/${asset.id}`, {
          method: 'PATCH',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ version, notes: `ベンチ ${i}` }),
        });
        if (res.status !== 200) throw new Error(`notes PATCH: ${res.status} ${await res.text()}`);
        return (await res.json()) as { version: number };
      });
      version = result.version;
      patched.push(statements.length);
    }
    const patch = median(patched);
    console.log(
      `\nStatements per request (median of ${REQUESTS}): notes-only PATCH ${patch}, list GET (first page, with count) ${median(listed)}` +
        `   target PATCH <= 4   ${patch <= 4 ? 'PASS' : 'MISS'}`,
    );
  } finally {
    counter.stop();
  }
}
