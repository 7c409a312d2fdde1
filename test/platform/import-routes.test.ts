import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { z } from 'zod';
import type { Database } from '../../src/server/platform/db/database.ts';
import { translator } from '../../src/server/platform/i18n/translate.ts';
import type { ImportInfo } from '../../src/server/platform/transfer/import.repository.ts';
import { presentImport } from '../../src/server/platform/transfer/import.present.ts';
import { importRoutes } from '../../src/server/platform/transfer/import.routes.ts';
import { fakeRegister } from './transfer-register.ts';

// The import's routes as any register gets them (the asset import's own run in the generated suites and test/assets).

const routes = importRoutes(fakeRegister(), {
  database: {} as Database,
  url: '/api/v1/item-imports',
  tags: ['items'],
  read: 'assets.read',
  write: 'assets.write',
  tenantEntity: 'item-import',
  noun: 'item list',
  upload: { maxBytes: 1024 * 1024, problems: { tooLarge: 'assetImportTooLarge', noFile: 'assetImportNoFile' } },
});
const route = (method: string, url: string) => routes.find((r) => r.method === method && r.url === url)!;

const info: ImportInfo = {
  id: '00000000-0000-4000-8000-000000000001',
  organisationId: '00000000-0000-4000-8000-000000000002',
  createdBy: null,
  fileName: 'items.csv',
  byteSize: 10,
  sha256: '',
  format: 'csv',
  encoding: 'utf-8',
  headers: ['名称', '件数'],
  mapping: { 0: 'name', 1: 'records' },
  status: 'failed',
  phase: null,
  progressDone: 0,
  progressTotal: 0,
  rowCount: null,
  errorCount: 0,
  noticeCount: 0,
  newDepartments: ['営業課'],
  preview: null,
  problem: { code: 'noRows' },
  committedCount: null,
  createdAt: new Date('2026-04-01T00:00:00Z'),
  updatedAt: new Date('2026-04-01T00:00:00Z'),
  finishedAt: null,
  version: 3,
  hasPrepared: false,
};

describe('importRoutes', () => {
  test('the seven routes, with the tenant entity on every path naming an import', () => {
    assert.deepEqual(
      routes.map((r) => [r.method, r.url, r.status ?? 200, r.access.permission, r.tenantEntity ?? null, !!r.rawBody]),
      [
        ['POST', '/api/v1/item-imports', 201, 'assets.write', null, true],
        ['GET', '/api/v1/item-imports', 200, 'assets.read', null, false],
        ['GET', '/api/v1/item-imports/:id', 200, 'assets.read', 'item-import', false],
        ['GET', '/api/v1/item-imports/:id/issues', 200, 'assets.read', 'item-import', false],
        ['POST', '/api/v1/item-imports/:id/validate', 202, 'assets.write', 'item-import', false],
        ['POST', '/api/v1/item-imports/:id/commit', 202, 'assets.write', 'item-import', false],
        ['POST', '/api/v1/item-imports/:id/cancel', 200, 'assets.write', 'item-import', false],
      ],
    );
    assert.ok(routes.every((r) => r.tags.join() === 'items'));
    assert.match(route('POST', '/api/v1/item-imports/:id/commit').summary, /to the item list, all or nothing/);
  });

  test("the mapping takes only the register's fields", () => {
    const body = route('POST', '/api/v1/item-imports/:id/validate').body as z.ZodType;
    assert.ok(body.safeParse({ mapping: { 0: 'name', 1: null }, version: 1 }).success);
    assert.equal(body.safeParse({ mapping: { 0: 'rank' }, version: 1 }).success, false);
  });

  test("without an extension the answer is the pipeline's import, its problem in the reader's language", () => {
    const response = route('GET', '/api/v1/item-imports/:id').response as z.ZodType;
    const answer = response.parse(presentImport(fakeRegister(), info, translator('en'))) as Record<string, unknown>;
    assert.equal('newDepartments' in answer, false);
    assert.deepEqual(answer.problem, { code: 'noRows', message: translator('en')('assets.import.fileProblems.noRows') });
    assert.deepEqual([answer.status, answer.version, answer.createdAt], ['failed', 3, '2026-04-01T00:00:00.000Z']);
  });
});
