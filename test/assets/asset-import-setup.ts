import { assetImportJob } from '../../src/server/assets/asset-import.jobs.ts';
import { startJobQueue, startJobWorkers, stopJobQueue } from '../../src/server/platform/jobs/job-queue.ts';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { SEED_OWNERS, addNamedMember, loadCatalog } from './asset-fixtures.ts';

/** The app of this test file (each file runs in a process of its own). */
let current: TestApp;

/** The app the asset import tests share: the catalog loaded and the same background worker the server starts (pg-boss on this test database). */
export async function importTestApp(): Promise<TestApp> {
  const t = await createTestApp();
  await loadCatalog(t);
  const queue = await startJobQueue(t.database);
  await startJobWorkers(queue, [assetImportJob], t, () => undefined);
  current = t;
  return t;
}

export async function closeImportTestApp(t: TestApp): Promise<void> {
  await stopJobQueue(t.database);
  await t.close();
}

export const count = async (q: string, params: unknown[] = []) => (await current.database.pool.query<{ n: number }>(q, params)).rows[0].n;
export const assetCount = (orgId: string) => count('select count(*)::int as n from assets where organisation_id = $1', [orgId]);

/** An organisation whose members carry the seed's owner names (図11 資産の責任者). */
export async function seedOrganisation(name: string): Promise<TestOrganisation> {
  const org = await createOrganisation(current, { name });
  for (const owner of SEED_OWNERS) await addNamedMember(current, org.id, owner);
  return org;
}
