import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalationProblems, nextEscalationStatus, type EscalationFacts } from './escalation.rules.ts';

const draft: EscalationFacts = { status: 'draft', criteria: [], otherReason: '', expert: '', contractChecks: [], contractItems: 3, request: [], requestItems: 3, reportNote: '' };
const ready: EscalationFacts = { ...draft, criteria: ['urn:x:zero-day'], expert: '雲路セキュリティ(24時間窓口)', contractChecks: [true, true, true], request: ['2026-04-01 10:00', '受注システム', 'C2通信を確認'] };
const codes = (e: EscalationFacts, to: Parameters<typeof escalationProblems>[1]) => escalationProblems(e, to).map((p) => `${p.path}:${p.code}`);

test('the request goes out only with a reason, the expert, the contract checked and the facts written', () => {
  assert.deepEqual(codes(draft, 'requested'), ['criteria:escalationReasonRequired', 'expert:expertRequired', 'contractChecks:contractChecksRequired', 'request:requestFactsRequired']);
  assert.deepEqual(codes(ready, 'requested'), []);
  assert.deepEqual(codes({ ...ready, criteria: [], otherReason: '取引先からの要請' }, 'requested'), [], 'a reason of its own');
  assert.deepEqual(codes({ ...ready, contractChecks: [true, false, true] }, 'requested'), ['contractChecks:contractChecksRequired'], 'the NDA not confirmed');
  assert.deepEqual(codes({ ...ready, contractChecks: [true, true] }, 'requested'), ['contractChecks:contractChecksRequired']);
  assert.deepEqual(codes({ ...ready, request: ['x', '  ', 'y'] }, 'requested'), ['request:requestFactsRequired']);
});

test('one status at a time; reported needs what the expert reported', () => {
  assert.equal(nextEscalationStatus('draft'), 'requested');
  assert.equal(nextEscalationStatus('closed'), null);
  assert.deepEqual(codes(ready, 'inProgress'), ['status:escalationMoveNotAllowed']);
  assert.deepEqual(codes({ ...ready, status: 'requested' }, 'inProgress'), []);
  assert.deepEqual(codes({ ...ready, status: 'inProgress' }, 'reported'), ['reportNote:expertReportRequired']);
  assert.deepEqual(codes({ ...ready, status: 'inProgress', reportNote: '侵入経路はVPN' }, 'reported'), []);
  assert.deepEqual(codes({ ...ready, status: 'reported' }, 'closed'), []);
  assert.deepEqual(codes({ ...ready, status: 'closed' }, 'draft'), ['status:escalationMoveNotAllowed']);
});
