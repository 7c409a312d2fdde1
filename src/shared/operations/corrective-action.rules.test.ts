import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isActionOverdue, moveProblems, nextPhases, type ActionFacts } from './corrective-action.rules.ts';

const blank: ActionFacts = { phase: 'plan', plan: '', doneNote: '', checkNote: '', effective: null, actNote: '', evidenceCount: 0 };
const codes = (a: ActionFacts, to: Parameters<typeof moveProblems>[1]) => moveProblems(a, to).map((p) => `${p.path}:${p.code}`);

test('one phase at a time; back to Plan only from Check; a closed action stays closed', () => {
  assert.deepEqual(nextPhases('plan'), ['do']);
  assert.deepEqual(nextPhases('check'), ['act', 'plan']);
  assert.deepEqual(nextPhases('closed'), []);
  assert.deepEqual(codes({ ...blank, plan: 'x' }, 'check'), ['phase:phaseMoveNotAllowed'], 'Plan cannot skip Do');
  assert.deepEqual(codes({ ...blank, phase: 'do', plan: 'x' }, 'plan'), ['phase:phaseMoveNotAllowed']);
  assert.deepEqual(codes({ ...blank, phase: 'closed' }, 'plan'), ['phase:phaseMoveNotAllowed']);
});

test('each move needs what the phase before produced (blank text does not count)', () => {
  assert.deepEqual(codes(blank, 'do'), ['plan:planRequired']);
  assert.deepEqual(codes({ ...blank, plan: '  \n' }, 'do'), ['plan:planRequired']);
  assert.deepEqual(codes({ ...blank, plan: 'Patch the VPN' }, 'do'), []);
  assert.deepEqual(codes({ ...blank, phase: 'do' }, 'check'), ['doneNote:doneNoteRequired']);
  assert.deepEqual(codes({ ...blank, phase: 'do', doneNote: 'Patched' }, 'check'), []);
});

test('Act needs a check judged effective; a check that failed sends the action back to Plan', () => {
  const check: ActionFacts = { ...blank, phase: 'check', plan: 'p', doneNote: 'd' };
  assert.deepEqual(codes(check, 'act'), ['checkNote:checkNoteRequired', 'effective:effectivenessRequired']);
  assert.deepEqual(codes({ ...check, checkNote: 'Rescanned', effective: false }, 'act'), ['effective:notEffective']);
  assert.deepEqual(codes({ ...check, checkNote: 'Rescanned', effective: true }, 'act'), []);
  assert.deepEqual(codes({ ...check, checkNote: 'Rescanned', effective: true }, 'plan'), ['effective:replanNeedsIneffective']);
  assert.deepEqual(codes({ ...check, checkNote: 'Still open', effective: false }, 'plan'), []);
});

test('an action closes only with evidence, an effective check and what Act changed', () => {
  const act: ActionFacts = { ...blank, phase: 'act', plan: 'p', doneNote: 'd', checkNote: 'c', effective: true };
  assert.deepEqual(codes(act, 'closed'), ['actNote:actNoteRequired', 'evidence:evidenceRequired']);
  assert.deepEqual(codes({ ...act, actNote: 'Manual updated' }, 'closed'), ['evidence:evidenceRequired']);
  assert.deepEqual(codes({ ...act, actNote: 'Manual updated', evidenceCount: 1 }, 'closed'), []);
  assert.deepEqual(codes({ ...act, actNote: 'Manual updated', evidenceCount: 2, effective: null }, 'closed'), ['effective:effectivenessRequired']);
});

test('overdue: past the due date and not closed; no due date is never overdue', () => {
  assert.equal(isActionOverdue({ phase: 'do', dueOn: '2026-12-05' }, '2026-12-06'), true);
  assert.equal(isActionOverdue({ phase: 'do', dueOn: '2026-12-06' }, '2026-12-06'), false, 'due today is not yet overdue');
  assert.equal(isActionOverdue({ phase: 'closed', dueOn: '2026-12-01' }, '2026-12-06'), false);
  assert.equal(isActionOverdue({ phase: 'plan', dueOn: null }, '2026-12-06'), false);
});
