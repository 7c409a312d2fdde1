import { PgTransaction } from 'drizzle-orm/pg-core';

/**
 * Independent reads side by side: on the pool each takes its own connection;
 * on a transaction, which is one connection and runs one query at a time,
 * they run one after another. (pg queues overlapping queries on one client
 * for now, warns that it is deprecated, and pg 9 will refuse them.)
 */
export async function sideBySide<T extends readonly (() => Promise<unknown>)[]>(db: unknown, ...work: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(work.map((w) => w()))) as never;
  const out: unknown[] = [];
  for (const w of work) out.push(await w());
  return out as never;
}

/** `items.map(fn)` side by side, with the same rule. */
export async function mapSideBySide<I, R>(db: unknown, items: readonly I[], fn: (item: I) => Promise<R>): Promise<R[]> {
  if (!(db instanceof PgTransaction)) return Promise.all(items.map(fn));
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}
