import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { backupWarnings, latestRestore, rulesFromCatalog, scoreRule, type BackupCopy } from './backup.rules.ts';

// The rules as shipped: the test reads the catalog file itself, so a changed value there changes what is asserted here.
const shipped = parse(readFileSync(new URL('../../../catalog/public/backup-rules.yaml', import.meta.url), 'utf8')) as { items: { id: string; parent?: string; attributes: Record<string, unknown> }[] };
const rules = rulesFromCatalog(shipped.items.map((i) => ({ itemId: i.id, parentId: i.parent ?? null, attributes: i.attributes })));
const rule = (code: string) => rules.find((r) => r.code === code)!;

const copy = (c: Partial<BackupCopy>): BackupCopy => ({ label: 'copy', medium: 'disk', location: 'primarySite', offline: false, immutable: false, encrypted: true, ...c });
const production = copy({ label: 'production' });
const nas = copy({ label: 'nas', medium: 'nas' });
const cloud = copy({ label: 'cloud', medium: 'objectStorage', location: 'cloud', immutable: true });
const today = '2026-12-06';
const passed = { testedOn: '2026-11-01', durationMinutes: 90, errors: 0 };

describe('the rules read from the catalog', () => {
  test('3-2-1 has three parts, 3-2-1-1-0 five, with the values the catalog gives', () => {
    assert.deepEqual(rule('3-2-1').parts, [
      { measure: 'copies', value: 3, bound: 'min' },
      { measure: 'media', value: 2, bound: 'min' },
      { measure: 'offsite', value: 1, bound: 'min' },
    ]);
    assert.equal(rule('3-2-1-1-0').parts.length, 5);
    assert.deepEqual(rule('3-2-1-1-0').parts.at(-1), { measure: 'restore-errors', value: 0, bound: 'max' });
  });
  test('an item that does not read as a part is left out, not guessed at', () => {
    const odd = rulesFromCatalog([
      { itemId: 'r', parentId: null, attributes: { kind: 'rule', code: 'x' } },
      { itemId: 'p', parentId: 'r', attributes: { kind: 'part', measure: 'copies', value: '3', bound: 'min' } },
    ]);
    assert.deepEqual(odd, [{ id: 'r', code: 'x', parts: [] }]);
  });
});

describe('a plan against 3-2-1', () => {
  test('production, a NAS and an immutable cloud copy meet it', () => {
    const s = scoreRule(rule('3-2-1'), [production, nas, cloud], null, today);
    assert.equal(s.met, true);
    assert.equal(s.metParts, 3);
  });
  test('two copies on one medium at one site: each missing point with what the plan has', () => {
    const s = scoreRule(rule('3-2-1'), [production, copy({ label: 'second disk' })], null, today);
    assert.equal(s.met, false);
    assert.deepEqual(s.missing, [
      { measure: 'copies', required: 3, actual: 2, reason: 'tooFew' },
      { measure: 'media', required: 2, actual: 1, reason: 'tooFew' },
      { measure: 'offsite', required: 1, actual: 0, reason: 'tooFew' },
    ]);
    assert.equal(s.metParts, 0);
  });
  test('a copy at another site of the organisation counts as off site', () => {
    const s = scoreRule(rule('3-2-1'), [production, nas, copy({ medium: 'tape', location: 'otherSite' })], null, today);
    assert.equal(s.met, true);
  });
});

describe('a plan against 3-2-1-1-0', () => {
  const plan = [production, nas, cloud];
  test('met with an immutable copy and a restore test without errors within 12 months', () => {
    assert.equal(scoreRule(rule('3-2-1-1-0'), plan, passed, today).met, true);
  });
  test('no offline or immutable copy: the fourth point is missing', () => {
    const s = scoreRule(rule('3-2-1-1-0'), [production, nas, { ...cloud, immutable: false }], passed, today);
    assert.deepEqual(s.missing, [{ measure: 'offline-or-immutable', required: 1, actual: 0, reason: 'tooFew' }]);
  });
  test('an offline tape counts as the fourth point as an immutable copy does', () => {
    const s = scoreRule(rule('3-2-1-1-0'), [production, nas, copy({ medium: 'tape', location: 'otherSite', offline: true })], passed, today);
    assert.equal(s.met, true);
  });
  test('the "0": no test, errors in the latest test, or a test older than 12 months', () => {
    assert.deepEqual(scoreRule(rule('3-2-1-1-0'), plan, null, today).missing, [{ measure: 'restore-errors', required: 0, actual: null, reason: 'noRestoreTest' }]);
    assert.deepEqual(scoreRule(rule('3-2-1-1-0'), plan, { ...passed, errors: 2 }, today).missing, [{ measure: 'restore-errors', required: 0, actual: 2, reason: 'restoreErrors' }]);
    assert.deepEqual(scoreRule(rule('3-2-1-1-0'), plan, { ...passed, testedOn: '2025-12-05' }, today).missing, [{ measure: 'restore-errors', required: 0, actual: 0, reason: 'restoreTestStale' }]);
    assert.equal(scoreRule(rule('3-2-1-1-0'), plan, { ...passed, testedOn: '2025-12-06' }, today).met, true);
  });
});

describe('restore tests and warnings', () => {
  test('the latest test is the newest by date, whatever order they come in', () => {
    const tests = [passed, { testedOn: '2026-12-01', durationMinutes: 50, errors: 1 }, { testedOn: '2026-01-01', durationMinutes: 10, errors: 0 }];
    assert.equal(latestRestore(tests)?.testedOn, '2026-12-01');
    assert.equal(latestRestore([]), null);
  });
  test('an off-site copy without encryption is warned; an unencrypted copy on site is not', () => {
    assert.deepEqual(backupWarnings([production, { ...cloud, encrypted: false }]), ['offsiteUnencrypted']);
    assert.deepEqual(backupWarnings([{ ...production, encrypted: false }, cloud]), []);
  });
});
