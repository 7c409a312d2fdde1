import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { assets } from '../../src/server/assets/asset.table.ts';
import { loadShippedCatalog } from '../../src/server/catalog/catalog.loader.ts';
import { testClock } from '../../src/server/platform/clock.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/** Shared set-up of the workload and system API tests: the real catalog, assets and stage decisions written directly. */

export const CATALOG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../catalog');

export const C = {
  category: (n: number) => `urn:kumoji:seed-000:workload-categories:0${n}`,
  impact: (k: string) => `urn:kumoji:seed-000:information-impacts:${k}`,
  theme: (k: string) => `urn:kumoji:seed-000:business-advantage-themes:${k}`,
  riskCategory: (k: string) => `urn:kumoji:seed-000:asset-breakdown:${k}`,
};

export async function loadCatalog(t: TestApp): Promise<void> {
  await loadShippedCatalog(t.database, CATALOG_DIR);
}

/**
 * Where a module's API tests start: the app (on a clock frozen at `now`, when
 * given) with the shipped catalog, organisations A and B, and an auditor of A
 * who reads English.
 */
export async function twoOrganisationsApp(now?: Parameters<typeof testClock>[0]): Promise<{ t: TestApp; orgA: TestOrganisation; orgB: TestOrganisation; auditorA: TestMember }> {
  const t = now === undefined ? await createTestApp() : await createTestApp({}, { clock: testClock(now) });
  await loadCatalog(t);
  const orgA = await createOrganisation(t, { name: 'Organisation A' });
  const orgB = await createOrganisation(t, { name: 'Organisation B' });
  const auditorA = await addMember(t, orgA.id, 'auditor', 'en');
  return { t, orgA, orgB, auditorA };
}

/** An asset of the organisation's inventory, straight into the table (the inventory's own API has its tests). */
export async function insertAsset(
  t: TestApp,
  organisationId: string,
  a: { name: string; rank?: 'A' | 'B' | 'C'; records?: number; unitValueYen?: number; sensitivity?: 'basic' | 'sensitive' | 'exceptional' | null; riskCategoryId?: string | null; containsPersonalData?: boolean },
): Promise<string> {
  const [row] = await t.database.db
    .insert(assets)
    .values({
      organisationId,
      name: a.name,
      medium: 'electronic',
      records: a.records ?? 10,
      rank: a.rank ?? 'B',
      unitValueYen: a.unitValueYen ?? 1000,
      sensitivity: a.sensitivity ?? null,
      riskCategoryId: a.riskCategoryId ?? null,
      containsPersonalData: a.containsPersonalData ?? false,
    })
    .returning({ id: assets.id });
  return row.id;
}

let seq = 0;

/** A gate decision of the main track moving the organisation to `stage` (what the diagnosis module records). */
export async function setStage(t: TestApp, organisationId: string, stage: '0' | '1' | '2' | '3' | '4'): Promise<void> {
  seq++;
  await t.database.db.execute(sql`
    insert into stage_decisions (organisation_id, track, seq, from_stage, to_stage, outcome, reason, decided_by_label, basis)
    values (${organisationId}, 'main', ${seq}, '0', ${stage}, 'advance', 'test', 'test', '{}'::jsonb)`);
}

export async function count(t: TestApp, query: string): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>(query);
  return rows[0].n;
}
