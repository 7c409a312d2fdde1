import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { controlOverdue, controlProblems, controlSetSummary, type ControlJudgement } from './control.rules.ts';

const j = (over: Partial<ControlJudgement> = {}): ControlJudgement => ({ applicable: true, reason: '', status: 'notStarted', dueOn: null, ...over });
const today = '2026-12-06';

describe('a judgement', () => {
  test('a control left out needs its reason and is not implemented', () => {
    assert.deepEqual(controlProblems(j({ applicable: false })), [{ path: 'reason', code: 'exclusionReasonRequired' }]);
    assert.deepEqual(controlProblems(j({ applicable: false, reason: '  ' })), [{ path: 'reason', code: 'exclusionReasonRequired' }]);
    assert.deepEqual(controlProblems(j({ applicable: false, reason: '金融業ではないため', status: 'implemented' })), [{ path: 'status', code: 'excludedNotImplemented' }]);
    assert.deepEqual(controlProblems(j({ applicable: false, reason: '金融業ではないため' })), []);
    assert.deepEqual(controlProblems(j({ status: 'implemented' })), []);
  });
  test('overdue the day after its due date, unless implemented or left out', () => {
    assert.equal(controlOverdue(j({ dueOn: '2026-12-05', status: 'inProgress' }), today), true);
    assert.equal(controlOverdue(j({ dueOn: '2026-12-06', status: 'inProgress' }), today), false);
    assert.equal(controlOverdue(j({ dueOn: '2026-12-05', status: 'implemented' }), today), false);
    assert.equal(controlOverdue(j({ dueOn: '2026-12-05', applicable: false, reason: 'x' }), today), false);
    assert.equal(controlOverdue(j({ dueOn: null }), today), false);
  });
});

describe('a set’s summary', () => {
  test('counts and the implemented share of the applicable ones, rounded down', () => {
    const s = controlSetSummary([j({ status: 'implemented' }), j({ status: 'inProgress', dueOn: '2026-11-30' }), j({ status: 'notStarted' }), j({ applicable: false, reason: 'x' }), null], today);
    assert.deepEqual(s, { controls: 5, assessed: 4, applicable: 3, implemented: 1, overdue: 1, implementedPercent: 33 });
  });
  test('nothing applicable yet: no share', () => {
    assert.equal(controlSetSummary([null, null], today).implementedPercent, null);
  });
});
