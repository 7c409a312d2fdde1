import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkRecovery } from './recovery.rules.ts';
import { cellStanding, gridSummary } from './bcp.rules.ts';

const tested = (durationMinutes: number) => ({ testedOn: '2026-11-01', durationMinutes, errors: 0 });
const targets = { rtoMinutes: 240, rpoMinutes: 24 * 60 };

describe('a workload against its RTO and RPO', () => {
  test('met: the restore took less than the RTO and daily backups keep within a day', () => {
    assert.deepEqual(checkRecovery(targets, [{ frequency: 'daily', latest: tested(180) }]), { measuredRestoreMinutes: 180, backupIntervalMinutes: 1440, gaps: [] });
  });
  test('the slowest data set decides the restore, the longest gap the loss', () => {
    const r = checkRecovery(targets, [
      { frequency: 'hourly', latest: tested(60) },
      { frequency: 'weekly', latest: tested(300) },
    ]);
    assert.equal(r.measuredRestoreMinutes, 300);
    assert.equal(r.backupIntervalMinutes, 7 * 1440);
    assert.deepEqual(r.gaps, ['restoreSlowerThanRto', 'intervalLongerThanRpo']);
  });
  test('exactly at the RTO and RPO is met', () => {
    assert.deepEqual(checkRecovery({ rtoMinutes: 180, rpoMinutes: 60 }, [{ frequency: 'hourly', latest: tested(180) }]).gaps, []);
  });
  test('no plan, or a plan never restored, has nothing measured', () => {
    assert.deepEqual(checkRecovery(targets, []).gaps, ['noBackupPlan']);
    const untested = checkRecovery(targets, [{ frequency: 'daily', latest: null }, { frequency: 'daily', latest: tested(10) }]);
    assert.equal(untested.measuredRestoreMinutes, null);
    assert.deepEqual(untested.gaps, ['noRestoreTest']);
  });
  test('without targets only what is missing is said', () => {
    assert.deepEqual(checkRecovery(null, [{ frequency: 'monthly', latest: tested(9999) }]).gaps, ['noTargets']);
  });
});

describe('a cell of the BCP grid', () => {
  const today = '2026-12-06';
  test('unplanned, draft, approved, exercised within 12 months of a drill', () => {
    assert.equal(cellStanding(null, '2026-11-01', today), 'unplanned');
    assert.equal(cellStanding({ status: 'draft' }, '2026-11-01', today), 'draft');
    assert.equal(cellStanding({ status: 'approved' }, null, today), 'approved');
    assert.equal(cellStanding({ status: 'approved' }, '2025-12-06', today), 'exercised');
    assert.equal(cellStanding({ status: 'approved' }, '2025-12-05', today), 'approved');
  });
  test('the summary counts an exercised cell as approved too', () => {
    assert.deepEqual(gridSummary(['unplanned', 'draft', 'approved', 'exercised'], 15), { cells: 15, approved: 2, exercised: 1 });
  });
});
