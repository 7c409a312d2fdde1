import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isArchiveEntry, loadPlan, type ForeignKey } from './backup.rules.ts';

const fk = (table: string, references: string, name = `${table}->${references}`): ForeignKey => ({ name, table, references });

describe('loadPlan', () => {
  const cases: { name: string; tables: string[]; fks: ForeignKey[]; order: string[]; deferred: string[] }[] = [
    { name: 'no keys: by name', tables: ['p.c', 'p.a', 'p.b'], fks: [], order: ['p.a', 'p.b', 'p.c'], deferred: [] },
    {
      name: 'parents first',
      tables: ['p.answers', 'p.assessments', 'p.organisations', 'p.users'],
      fks: [fk('p.answers', 'p.assessments'), fk('p.assessments', 'p.organisations'), fk('p.assessments', 'p.users'), fk('p.answers', 'p.users')],
      order: ['p.organisations', 'p.users', 'p.assessments', 'p.answers'],
      deferred: [],
    },
    { name: 'a key to a table outside the set is ignored', tables: ['p.a'], fks: [fk('p.a', 'q.queue')], order: ['p.a'], deferred: [] },
    { name: 'a table referencing itself: that key is deferred', tables: ['p.tree', 'p.org'], fks: [fk('p.tree', 'p.tree'), fk('p.tree', 'p.org')], order: ['p.org', 'p.tree'], deferred: ['p.tree->p.tree'] },
    {
      name: 'a cycle: the first table by name goes first, its keys into the cycle are deferred',
      tables: ['p.x', 'p.y', 'p.root'],
      fks: [fk('p.x', 'p.y'), fk('p.y', 'p.x'), fk('p.x', 'p.root'), fk('p.y', 'p.root')],
      order: ['p.root', 'p.x', 'p.y'],
      deferred: ['p.x->p.y'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const plan = loadPlan(c.tables, c.fks);
      assert.deepEqual(plan.order, c.order);
      assert.deepEqual(plan.deferred.map((d) => d.name), c.deferred);
    });
  }
});

describe('archive entries', () => {
  test('only a backup\'s own names are read', () => {
    for (const ok of ['manifest.json', 'audit.key', 'tables/public.assets.copy', 'tables/drizzle.__drizzle_migrations.copy']) assert.ok(isArchiveEntry(ok), ok);
    for (const bad of ['../etc/passwd', '/manifest.json', 'tables/../x.copy', 'tables/public.assets.copy/x', 'tables/Public.x.copy', 'other.txt', 'tables/']) {
      assert.ok(!isArchiveEntry(bad), bad);
    }
  });
});
