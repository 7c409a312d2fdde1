import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createSession, SESSION_COOKIE } from '../../src/server/platform/auth/session.ts';
import { newToken, tokenHash } from '../../src/server/platform/auth/tokens.ts';
import { testClock } from '../../src/server/platform/clock.ts';
import { buildApp } from '../../src/server/platform/http/app.ts';
import { insertInvitation } from '../../src/server/platform/orgs/organisation.repository.ts';
import { invitationStatus, previewInvitation } from '../../src/server/platform/orgs/organisation.service.ts';
import { allRoutes } from '../../src/server/routes.ts';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Rules that count time, with the clock standing exactly at their edge: a
 * session used SESSION_IDLE_MINUTES ago still works and one a millisecond
 * later does not; an invitation sent seven days before midnight in Tokyo
 * works until 23:59:59.999 and not at 00:00.
 */

const clock = testClock('2026-03-24T15:00:00Z');
let t: TestApp;
let org: TestOrganisation;
let app: FastifyInstance;

before(async () => {
  t = await createTestApp();
  org = await createOrganisation(t);
  const deps = { config: t.config, database: t.database, clock };
  app = await buildApp(deps, allRoutes(deps));
  await app.ready();
});
after(async () => {
  await app.close();
  await t.close();
});

const idleMs = () => t.config.SESSION_IDLE_MINUTES * 60_000;

async function newSession() {
  return createSession(t.database.db, { userId: org.owner.userId, organisationId: org.id, mfaPending: false, ipAddress: null, userAgent: null }, t.config, clock.now());
}

const organisationAs = (token: string) => app.inject({ method: 'GET', url: '/api/v1/organisation', headers: { cookie: `${SESSION_COOKIE}=${token}` } });

describe('sessions at their idle limit', () => {
  test('used exactly SESSION_IDLE_MINUTES ago: still signed in, and the idle time starts again', async () => {
    clock.set('2026-03-24T15:00:00Z');
    const { token } = await newSession();
    clock.advance(idleMs());
    assert.equal((await organisationAs(token)).statusCode, 200);
    clock.advance(idleMs());
    assert.equal((await organisationAs(token)).statusCode, 200, 'the request before touched it');
  });

  test('a millisecond past the limit: signed out, and the session is revoked at that instant', async () => {
    clock.set('2026-03-24T15:00:00Z');
    const { id, token } = await newSession();
    clock.advance(idleMs() + 1);
    const at = clock.now();
    assert.equal((await organisationAs(token)).statusCode, 401);
    const { rows } = await t.database.pool.query<{ revoked_at: Date }>('select revoked_at from sessions where id = $1', [id]);
    assert.equal(rows[0].revoked_at.toISOString(), at.toISOString());
    clock.set('2026-03-24T15:00:00Z');
    assert.equal((await organisationAs(token)).statusCode, 401, 'a revoked session stays revoked');
  });
});

describe('invitations at midnight in Tokyo', () => {
  const midnightJst = new Date('2026-04-01T00:00:00+09:00');

  test('the rule: pending until the instant it expires, expired at that instant', () => {
    const row = { expiresAt: midnightJst, acceptedAt: null, revokedAt: null } as Parameters<typeof invitationStatus>[0];
    assert.equal(invitationStatus(row, new Date(midnightJst.getTime() - 1)), 'pending');
    assert.equal(invitationStatus(row, midnightJst), 'expired');
    assert.equal(invitationStatus({ ...row, acceptedAt: midnightJst }, midnightJst), 'accepted');
  });

  test('the link opens at 23:59:59.999 and not at 00:00 (Asia/Tokyo)', async () => {
    const token = newToken();
    await insertInvitation(t.database.db, { organisationId: org.id, email: 'newcomer@example.jp', role: 'staff', tokenHash: tokenHash(token), invitedBy: org.owner.userId, expiresAt: midnightJst });
    const deps = { config: t.config, database: t.database, clock };
    clock.set('2026-03-31T23:59:59.999+09:00');
    assert.equal((await previewInvitation(deps, token)).expiresAt, '2026-03-31T15:00:00.000Z');
    clock.set('2026-04-01T00:00:00+09:00');
    await assert.rejects(previewInvitation(deps, token), (e: { status?: number; code?: string }) => e.status === 404 && e.code === 'invitationInvalid');
  });
});
