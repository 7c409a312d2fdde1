import type { RouteFixtures } from './route-fixtures.ts';
import { routeFixtures } from './route-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestClient, type TestOrganisation } from './test-app.ts';

/**
 * What the bad-input tests share: a test app with organisation A (its owner
 * signed in, a staff member for the fixtures) and a request sent exactly as
 * given, as a browser of a member would send it (cookie, CSRF token,
 * language), so a body can be malformed in ways `TestClient` would not send.
 */

export interface BadInputWorld {
  t: TestApp;
  orgA: TestOrganisation;
  fixtures: RouteFixtures;
}

export async function createBadInputWorld(): Promise<BadInputWorld> {
  const t = await createTestApp();
  const orgA = await createOrganisation(t, { name: 'Organisation A' });
  const staffA = await addMember(t, orgA.id, 'staff');
  const fixtures = routeFixtures({ t, orgA, staffA });
  await orgA.owner.client.session();
  return { t, orgA, fixtures };
}

export type RawReply = { statusCode: number; headers: Record<string, unknown>; body: string };

export function sendRaw(t: TestApp, client: TestClient, method: string, url: string, body?: string | Buffer, contentType?: string) {
  return t.app.inject({
    method: method as 'GET',
    url,
    headers: {
      cookie: (client as unknown as { cookieHeader(): string }).cookieHeader(),
      'x-csrf-token': client.csrf,
      'accept-language': client.lang,
      ...(contentType ? { 'content-type': contentType } : {}),
    },
    ...(body !== undefined ? { payload: body } : {}),
  });
}
