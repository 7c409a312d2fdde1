import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/*
 * Domain modules reach the database only through a DataContext
 * (data-context.ts), so a query without the organisation's scope cannot be
 * written by accident: no domain file takes an `organisationId: string` or
 * imports the raw handle (database.ts). Every domain module is on the
 * context; a file that does either fails here.
 */

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORGANISATION_PARAMETER = /[(,]\s*organisationId\??\s*:\s*string\b/;
const RAW_HANDLE = /from\s+'(\.\.\/)+platform\/db\/database\.ts'/;

function domainFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.table.ts')) out.push(path.relative(SERVER, full).split(path.sep).join('/'));
    }
  };
  for (const entry of fs.readdirSync(SERVER, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'platform') walk(path.join(SERVER, entry.name));
  }
  return out.sort();
}

const findings = (file: string) => {
  const source = fs.readFileSync(path.join(SERVER, file), 'utf8');
  return [ORGANISATION_PARAMETER.test(source) && 'takes organisationId: string', RAW_HANDLE.test(source) && 'imports platform/db/database.ts'].filter(Boolean);
};

test('domain modules take a DataContext, not an organisation id or the raw database handle', () => {
  const files = domainFiles();
  assert.ok(files.includes('assets/workload.service.ts'), 'the scan sees the domain modules');
  const offending = files.flatMap((f) => findings(f).map((why) => `${f} ${why}`));
  assert.deepEqual(offending, [], 'take a DataContext (docs/ARCHITECTURE.md, "Data context")');
});

test('the checks recognise what they look for', () => {
  assert.ok(ORGANISATION_PARAMETER.test('export async function listThings(db: Db, organisationId: string) {'));
  assert.ok(ORGANISATION_PARAMETER.test('const f = (organisationId?: string) =>'));
  assert.ok(!ORGANISATION_PARAMETER.test('eq(t.organisationId, ctx.organisationId)'));
  assert.ok(RAW_HANDLE.test("import type { Db } from '../platform/db/database.ts';"));
  assert.ok(!RAW_HANDLE.test("import { DataContext } from '../platform/db/data-context.ts';"));
});
