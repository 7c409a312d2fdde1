import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrganisation, createTestApp, TEST_PASSWORD, TestClient, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const tokenOf = (url: string) => url.split('/invitations/')[1];

describe('invitations', () => {
  test('a newcomer accepts by link, creates an account and joins with the chosen role', async () => {
    const org = await createOrganisation(t);
    const inv = await org.owner.client.post('/api/v1/invitations', { email: 'New.Person@example.jp', role: 'manager' });
    assert.equal(inv.status, 201);
    assert.equal(inv.body.email, 'new.person@example.jp');
    assert.match(inv.body.url, /^http:\/\/kumoji\.test\/invitations\//);

    const guest = new TestClient(t.app);
    const preview = await guest.get(`/api/v1/invitation-links/${tokenOf(inv.body.url)}`);
    assert.equal(preview.status, 200);
    assert.deepEqual([preview.body.organisationName, preview.body.role, preview.body.accountExists], [org.name, 'manager', false]);

    const missing = await guest.post(`/api/v1/invitation-links/${tokenOf(inv.body.url)}/accept`, {});
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.body.errors.map((e: { path: string }) => e.path), ['displayName', 'password']);

    const accepted = await guest.post(`/api/v1/invitation-links/${tokenOf(inv.body.url)}/accept`, { displayName: '佐藤 花子', password: TEST_PASSWORD, locale: 'ja' });
    assert.equal(accepted.status, 200, accepted.raw);
    const session = await guest.session();
    assert.equal(session.organisation.id, org.id);
    assert.equal(session.organisation.role, 'manager');

    const again = await new TestClient(t.app).post(`/api/v1/invitation-links/${tokenOf(inv.body.url)}/accept`, { displayName: 'X', password: TEST_PASSWORD });
    assert.equal(again.status, 404, 'a link works once');

    const list = await org.owner.client.get('/api/v1/invitations');
    assert.equal(list.body.items[0].status, 'accepted');
  });

  test('an existing user (a consultant) accepts while signed in and switches between organisations', async () => {
    const first = await createOrganisation(t, { name: 'Client One' });
    const second = await createOrganisation(t, { name: 'Client Two' });
    const consultant = await addMember(t, first.id, 'auditor');
    const inv = await second.owner.client.post('/api/v1/invitations', { email: consultant.email, role: 'auditor' });
    const preview = await new TestClient(t.app).get(`/api/v1/invitation-links/${tokenOf(inv.body.url)}`);
    assert.equal(preview.body.accountExists, true);
    const newcomer = await new TestClient(t.app).post(`/api/v1/invitation-links/${tokenOf(inv.body.url)}/accept`, { displayName: 'X', password: TEST_PASSWORD });
    assert.equal(newcomer.status, 409);
    assert.equal(newcomer.body.code, 'emailTaken');

    const other = await addMember(t, first.id, 'staff');
    const mismatch = await other.client.post(`/api/v1/invitation-links/${tokenOf(inv.body.url)}/accept`, {});
    assert.equal(mismatch.status, 403);

    const ok = await consultant.client.post(`/api/v1/invitation-links/${tokenOf(inv.body.url)}/accept`, {});
    assert.equal(ok.status, 200);
    let s = await consultant.client.session();
    assert.equal(s.memberships.length, 2);
    assert.equal(s.organisation.id, second.id);
    assert.equal((await consultant.client.post('/api/v1/session/organisation', { organisationId: first.id })).status, 200);
    s = await consultant.client.session();
    assert.equal(s.organisation.name, 'Client One');
    assert.equal(s.organisation.can['audit.read'], true);
    assert.equal(s.organisation.can['members.manage'], false);
  });

  test('expired and revoked invitations do not work', async () => {
    const org = await createOrganisation(t);
    const inv = await org.owner.client.post('/api/v1/invitations', { email: 'late@example.jp', role: 'staff' });
    await t.database.pool.query(`update invitations set expires_at = now() - interval '1 minute' where id = $1`, [inv.body.id]);
    assert.equal((await new TestClient(t.app).get(`/api/v1/invitation-links/${tokenOf(inv.body.url)}`)).status, 404);
    const inv2 = await org.owner.client.post('/api/v1/invitations', { email: 'revoked@example.jp', role: 'staff' });
    assert.equal((await org.owner.client.delete(`/api/v1/invitations/${inv2.body.id}`)).status, 204);
    assert.equal((await new TestClient(t.app).get(`/api/v1/invitation-links/${tokenOf(inv2.body.url)}`)).status, 404);
    const statuses = (await org.owner.client.get('/api/v1/invitations')).body.items.map((i: { status: string }) => i.status).sort();
    assert.deepEqual(statuses, ['expired', 'revoked']);
  });

  test('inviting an existing member is refused', async () => {
    const org = await createOrganisation(t);
    const staff = await addMember(t, org.id, 'staff');
    const r = await org.owner.client.post('/api/v1/invitations', { email: staff.email, role: 'staff' });
    assert.equal(r.status, 409);
    assert.equal(r.body.code, 'alreadyMember');
  });
});

describe('members and roles', () => {
  test('change a role with its version; a stale version gets 409', async () => {
    const org = await createOrganisation(t);
    const staff = await addMember(t, org.id, 'staff');
    const members = (await org.owner.client.get('/api/v1/members')).body.items;
    const row = members.find((m: { userId: string }) => m.userId === staff.userId);
    const ok = await org.owner.client.patch(`/api/v1/members/${staff.userId}`, { role: 'manager', version: row.version });
    assert.equal(ok.status, 200);
    const stale = await org.owner.client.patch(`/api/v1/members/${staff.userId}`, { role: 'auditor', version: row.version });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    assert.equal((await staff.client.session()).organisation.role, 'manager');
  });

  test('the last owner can be neither demoted nor removed', async () => {
    const org = await createOrganisation(t);
    const members = (await org.owner.client.get('/api/v1/members')).body.items;
    const me = members[0];
    const demote = await org.owner.client.patch(`/api/v1/members/${org.owner.userId}`, { role: 'staff', version: me.version });
    assert.equal(demote.status, 409);
    assert.equal(demote.body.code, 'lastOwner');
    assert.equal((await org.owner.client.delete(`/api/v1/members/${org.owner.userId}`)).status, 409);

    const second = await addMember(t, org.id, 'owner');
    assert.equal((await org.owner.client.delete(`/api/v1/members/${second.userId}`)).status, 204);
    assert.equal((await second.client.get('/api/v1/members')).status, 403, 'a removed member loses access at once');
  });

  test('organisation settings are versioned and audited', async () => {
    const org = await createOrganisation(t);
    const current = (await org.owner.client.get('/api/v1/organisation')).body;
    const ok = await org.owner.client.patch('/api/v1/organisation', { name: '雲路商事株式会社', version: current.version });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.version, current.version + 1);
    const stale = await org.owner.client.patch('/api/v1/organisation', { name: 'Stale', version: current.version });
    assert.equal(stale.status, 409);
    const audit = (await org.owner.client.get('/api/v1/audit?entityType=organisation')).body.items;
    assert.equal(audit[0].action, 'organisation.update');
    assert.deepEqual(audit[0].after, { name: '雲路商事株式会社', requireMfa: false });
    assert.equal(audit[0].before.name, current.name);
    // Turning the MFA policy on holds an owner without MFA at the enrolment step.
    const policy = await org.owner.client.patch('/api/v1/organisation', { requireMfa: true, version: ok.body.version });
    assert.equal(policy.status, 200);
    assert.equal((await org.owner.client.get('/api/v1/members')).body.code, 'mfaRequired');
  });

  test('any signed-in user can create another organisation and becomes its owner', async () => {
    const org = await createOrganisation(t);
    const staff = await addMember(t, org.id, 'staff');
    const created = await staff.client.post('/api/v1/organisations', { name: '顧問先 A' });
    assert.equal(created.status, 201);
    const s = await staff.client.session();
    assert.equal(s.memberships.find((m: { organisationId: string }) => m.organisationId === created.body.id).role, 'owner');
  });
});
