import type { Clock } from '../../src/server/platform/clock.ts';
import { loadCatalog } from '../assets/portfolio-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

export interface GovernanceWorld {
  t: TestApp;
  orgA: TestOrganisation;
  orgB: TestOrganisation;
  /** A reader of organisation A, in English. */
  auditorA: TestMember;
}

/** What a governance API test starts from: the app with the shipped catalog, two organisations and a reader of the first. */
export async function governanceWorld(options: { clock?: Clock } = {}): Promise<GovernanceWorld> {
  const t = await createTestApp({}, options);
  await loadCatalog(t);
  const orgA = await createOrganisation(t, { name: 'Organisation A' });
  const orgB = await createOrganisation(t, { name: 'Organisation B' });
  return { t, orgA, orgB, auditorA: await addMember(t, orgA.id, 'auditor', 'en') };
}
