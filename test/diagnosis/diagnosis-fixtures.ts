import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadShippedCatalog } from '../../src/server/catalog/catalog.loader.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestClient, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { multipartFile } from '../helpers/multipart.ts';

/**
 * What the diagnosis API tests share: the seed's checklist ids, a test app
 * with the shipped catalog and one organisation with a member of each role
 * (and a second organisation to check that nothing crosses over), and the
 * steps they repeat (uploading a file, answering and submitting a checklist).
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const enc = encodeURIComponent;
const CL = 'urn:kumoji:seed-000:checklists';
export const PRE = `${CL}:prerequisite`;
export const MIG = `${CL}:migration`;
export const SIGNS = `${CL}:stage3-signs`;
export const STAGES = 'urn:kumoji:seed-000:stages';
export const q = (list: string, n: string) => `${list}:${n}`;
export const PRE_ITEMS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'].map((n) => q(PRE, n));
export const MIG_ITEMS = ['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9'].map((n) => q(MIG, n));
export const SIGN_ITEMS = ['asset-inventory', 'isms-certification', 'external-experts'].map((n) => q(SIGNS, n));

/** The profile the journey's organisation gives itself: a manufacturer handling personal data, some of EU residents. */
export const MANUFACTURER_PROFILE = {
  industryId: 'urn:kumoji:seed-000:industries:manufacturing',
  employees: 48,
  capitalYen: 30_000_000,
  annualRevenueYen: 1_200_000_000,
  handlesPersonalData: true,
  handlesSensitivePersonalData: false,
  handlesEuResidentsData: true,
  financialSector: false,
};

export interface DiagnosisWorld {
  t: TestApp;
  orgA: TestOrganisation;
  orgB: TestOrganisation;
  owner: TestClient;
  manager: TestMember;
  staff: TestMember;
  auditor: TestMember;
}

export async function createDiagnosisWorld(): Promise<DiagnosisWorld> {
  const t = await createTestApp({ EVIDENCE_MAX_BYTES: '4096' });
  await loadShippedCatalog(t.database, path.join(ROOT, 'catalog'));
  const orgA = await createOrganisation(t, { name: '雲路テスト株式会社' });
  const orgB = await createOrganisation(t, { name: 'Other Org' });
  return {
    t,
    orgA,
    orgB,
    owner: orgA.owner.client,
    manager: await addMember(t, orgA.id, 'manager'),
    staff: await addMember(t, orgA.id, 'staff'),
    auditor: await addMember(t, orgA.id, 'auditor', 'en'),
  };
}

export async function countRows(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.database.pool.query<{ n: number }>(sql, params);
  return rows[0].n;
}

export async function upload(client: TestClient, url: string, fileName: string, content: Buffer | string, type?: string) {
  const { body, contentType } = multipartFile(fileName, content, type);
  return client.request('POST', url, body, { 'content-type': contentType });
}

/** Starts a draft of a checklist, answers it as given (Yes for the rest) and submits it. */
export async function assess(client: TestClient, checklistId: string, items: string[], answers: Record<string, 'yes' | 'no' | 'unknown'>, carryOver = false) {
  const start = await client.post('/api/v1/diagnosis/assessments', { checklistId, carryOver });
  assert.equal(start.status, 201, start.raw);
  const id = start.body.id as string;
  for (const itemId of items) {
    const current = start.body.questions.find((x: { id: string }) => x.id === itemId);
    const r = await client.patch(`/api/v1/diagnosis/assessments/${id}/answers/${enc(itemId)}`, { answer: answers[itemId] ?? 'yes', version: current.answer?.version ?? 0 });
    assert.equal(r.status, 200, r.raw);
  }
  const fresh = await client.get(`/api/v1/diagnosis/assessments/${id}`);
  const submitted = await client.post(`/api/v1/diagnosis/assessments/${id}/submit`, { version: fresh.body.version });
  assert.equal(submitted.status, 200, submitted.raw);
  return submitted.body;
}
