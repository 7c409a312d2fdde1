import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { earlierVersions, supersedeCheck, type VersionFacts } from './evidence-version.rules.ts';

describe('superseding a version', () => {
  const cases: [string, { versionNo: number; sha256: string; supersededBy: string | null }, string, ReturnType<typeof supersedeCheck>][] = [
    ['a first version, new bytes: version 2', { versionNo: 1, sha256: 'aa', supersededBy: null }, 'bb', { ok: true, versionNo: 2 }],
    ['a fifth version: version 6', { versionNo: 5, sha256: 'aa', supersededBy: null }, 'bb', { ok: true, versionNo: 6 }],
    ['a version superseded already: 409, never a second successor', { versionNo: 1, sha256: 'aa', supersededBy: 'v2' }, 'cc', { ok: false, status: 409, code: 'evidenceSuperseded' }],
    ['superseded and the same bytes: still 409 (the version is not current)', { versionNo: 2, sha256: 'aa', supersededBy: 'v3' }, 'aa', { ok: false, status: 409, code: 'evidenceSuperseded' }],
    ['the same bytes as the current version: no new version', { versionNo: 3, sha256: 'aa', supersededBy: null }, 'aa', { ok: false, status: 400, code: 'evidenceUnchanged' }],
  ];
  for (const [name, current, sha, expected] of cases) test(name, () => assert.deepEqual(supersedeCheck(current, sha), expected));
});

describe('the versions behind a file', () => {
  const v = (id: string, previousId: string | null, versionNo: number): VersionFacts => ({ id, previousId, versionNo, sha256: id });
  const rows = [v('a1', null, 1), v('a2', 'a1', 2), v('a3', 'a2', 3), v('b1', null, 1), v('b2', 'b1', 2)];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const head = (id: string) => byId.get(id)!;
  const cases: [string, readonly VersionFacts[], Pick<VersionFacts, 'id' | 'previousId'>, string[]][] = [
    ['the head of three: the second, then the first', rows, head('a3'), ['a2', 'a1']],
    ['a middle version: only what is behind it', rows, head('a2'), ['a1']],
    ['a first version: nothing behind it', rows, head('a1'), []],
    ['another chain in the same rows stays out', rows, head('b2'), ['b1']],
    ['the rows need not hold the head itself', rows.filter((r) => r.id !== 'a3'), head('a3'), ['a2', 'a1']],
    ['a version missing from the rows ends the chain', [v('a1', null, 1)], head('a3'), []],
    ['a loop (never stored) stops', [v('x', 'y', 2), v('y', 'x', 2)], { id: 'x', previousId: 'y' }, ['y']],
  ];
  for (const [name, list, h, expected] of cases) test(name, () => assert.deepEqual(earlierVersions(list, h).map((r) => r.id), expected));
});
