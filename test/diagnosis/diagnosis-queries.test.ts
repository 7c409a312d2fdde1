import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countedOrganisation } from '../helpers/query-count.ts';

/**
 * The diagnosis screens read the stage model, the checklists, the industries
 * and the organisation profile once per request, however many parts of the
 * screen show them: one methodology reader (the shipped catalog pinned to the
 * organisation once) and one profile read.
 */

const w = countedOrganisation();

/** One loaded collection's read: the same text for each collection, with the collection as a parameter. */
const isCollectionRead = (s: string) => s.includes('"organisation_catalogs"."collection_id" = $3');

describe('statements of the diagnosis screens', () => {
  for (const url of ['/api/v1/diagnosis', '/api/v1/dashboard', '/api/v1/diagnosis/report']) {
    test(`GET ${url} pins the catalog once, reads the profile once and sends no other statement twice`, async () => {
      // The first request of an organisation pins the shipped catalog; the second is the common case.
      for (const round of [1, 2]) {
        const { result: r, statements } = await w.counter.measure(() => w.org.owner.client.get(url));
        assert.equal(r.status, 200, r.raw);
        const count = (match: (s: string) => boolean) => statements.filter(match).length;
        assert.equal(count((s) => s.startsWith('insert into organisation_catalogs')), 1, `round ${round}: the pin`);
        assert.equal(count((s) => s.includes('from "organisation_profiles"')), 1, `round ${round}: the profile`);
        const seen = new Map<string, number>();
        for (const s of statements.filter((x) => !isCollectionRead(x))) seen.set(s, (seen.get(s) ?? 0) + 1);
        assert.deepEqual([...seen].filter(([, n]) => n > 1).map(([s, n]) => `${n}× ${s}`), [], `round ${round}`);
      }
    });
  }
});
