import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadShippedCatalog } from '../../src/server/catalog/catalog.loader.ts';
import { insertUser } from '../../src/server/platform/auth/user.repository.ts';
import { insertMembership } from '../../src/server/platform/orgs/organisation.repository.ts';
import type { TestApp, TestClient, Reply } from '../helpers/test-app.ts';

/** Shared set-up of the inventory tests: the shipped catalog, members with chosen names, multipart uploads. */

export const CATALOG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../catalog');
export const IMPORT_FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/asset-import');

export const fixture = (name: string) => fs.readFileSync(path.join(IMPORT_FIXTURES, name));

export const CLASS = (n: number) => `urn:kumoji:seed-000:asset-classes:0${n}`;
export const GROUP = (n: number) => `urn:kumoji:seed-000:information-groups:0${n}`;
export const RISK = (k: string) => `urn:kumoji:seed-000:asset-breakdown:${k}`;

export async function loadCatalog(t: TestApp): Promise<void> {
  await loadShippedCatalog(t.database, CATALOG_DIR);
}

/** A member (no sign-in) with a chosen display name: the seed's 図11 names its owners by department. */
export async function addNamedMember(t: TestApp, organisationId: string, displayName: string, role: 'staff' | 'manager' = 'staff') {
  const email = `m-${randomBytes(4).toString('hex')}@example.jp`;
  const user = await insertUser(t.database.db, { email, displayName, passwordHash: 'x', locale: 'ja' });
  await insertMembership(t.database.db, organisationId, user.id, role);
  return { userId: user.id, email, displayName };
}

/** The seed example's owners (図11 資産の責任者), as members of the organisation. */
export const SEED_OWNERS = ['販売管理', '営業課', '販売課', 'NW', '総務', '人事'];

export function multipartBody(fileName: string, bytes: Buffer, field = 'file') {
  const boundary = `----kumoji${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  return { body: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function upload(client: TestClient, fileName: string, bytes: Buffer): Promise<Reply> {
  const { body, contentType } = multipartBody(fileName, bytes);
  return client.request('POST', '/api/v1/asset-imports', body, { 'content-type': contentType });
}

/** Polls an import until it leaves the running states (jobs run in the background). */
export async function settle(client: TestClient, id: string, timeoutMs = 60_000): Promise<Reply> {
  const start = Date.now();
  for (;;) {
    const r = await client.get(`/api/v1/asset-imports/${id}`);
    if (r.status !== 200 || !['validating', 'committing'].includes(r.body.status)) return r;
    if (Date.now() - start > timeoutMs) throw new Error(`import ${id} still ${r.body.status}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

/** Upload, validate with the suggested mapping (or the given one), and wait: the import as validated. */
export async function uploadAndValidate(client: TestClient, fileName: string, bytes: Buffer, mapping?: Record<string, string | null>): Promise<Reply> {
  const up = await upload(client, fileName, bytes);
  if (up.status !== 201) return up;
  const v = await client.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: mapping ?? up.body.mapping, version: up.body.version });
  if (v.status !== 202) return v;
  return settle(client, up.body.id);
}

/** The whole import: upload, validate, commit, wait. */
export async function importFile(client: TestClient, fileName: string, bytes: Buffer, mapping?: Record<string, string | null>): Promise<Reply> {
  const v = await uploadAndValidate(client, fileName, bytes, mapping);
  if (v.status !== 200 || v.body.status !== 'validated' || v.body.errorCount > 0) return v;
  const c = await client.post(`/api/v1/asset-imports/${v.body.id}/commit`, { version: v.body.version });
  if (c.status !== 202) return c;
  return settle(client, v.body.id);
}

export async function allIssues(client: TestClient, id: string) {
  const out: { rowNumber: number | null; field: string | null; code: string; message: string; header: string | null }[] = [];
  let cursor: number | null = 0;
  while (cursor !== null) {
    const r = await client.get(`/api/v1/asset-imports/${id}/issues?limit=500&cursor=${cursor}`);
    out.push(...r.body.items);
    cursor = r.body.nextCursor;
  }
  return out;
}
