import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { can, PERMISSIONS, permissionsOf, ROLES } from './policy.ts';

describe('the policy, put together from the modules', () => {
  test('every permission names known roles, and the owner holds every one', () => {
    for (const [permission, roles] of Object.entries(PERMISSIONS)) {
      for (const role of roles) assert.ok(ROLES.includes(role), `${permission}: ${role}`);
      assert.ok(roles.includes('owner'), permission);
    }
  });

  test("each module's permissions are there", () => {
    for (const p of ['members.manage', 'catalog.manage', 'gate.decide', 'assets.write'] as const) assert.ok(p in PERMISSIONS, p);
    assert.deepEqual(Object.keys(permissionsOf('staff')).sort(), Object.keys(PERMISSIONS).sort());
  });

  test('no role, no permission', () => {
    assert.equal(can(null, 'organisation.read'), false);
    assert.equal(can(undefined, 'assets.read'), false);
  });

  const records: [string, boolean, boolean][] = [
    // [case, the staff may, the auditor may]
    ['draft', true, false],
    ['submitted', false, false],
  ];
  for (const [status, staff, auditor] of records) {
    test(`a ${status} assessment takes answers from the staff: ${staff}, from the auditor: ${auditor}`, () => {
      assert.equal(can('staff', 'assessment.answer', { status }), staff);
      assert.equal(can('auditor', 'assessment.answer', { status }), auditor);
    });
  }

  test('only an organisation file can be removed, and only by the owner', () => {
    assert.equal(can('owner', 'collection.remove', { origin: 'organisation' }), true);
    assert.equal(can('owner', 'collection.remove', { origin: 'shipped' }), false);
    assert.equal(can('manager', 'collection.remove', { origin: 'organisation' }), false);
    assert.equal(can('owner', 'collection.load', { updateAvailable: false }), false);
    assert.equal(can('owner', 'collection.load', { updateAvailable: true }), true);
  });
});
