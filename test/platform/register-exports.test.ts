import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { AnyRoute } from '../../src/server/platform/http/route.ts';
import { onceEach, pinShippedCatalog, routeFixtures, routeKey } from '../helpers/route-fixtures.ts';
import { addMember, createOrganisation, createTestApp, type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';
import { EXPORT_CASES, type ExportCase } from './register-exports.cases.ts';

/**
 * Every register's export (platform/register/export.route.ts), from the
 * table in register-exports.cases.ts: in CSV (UTF-8 with BOM), XLSX and JSON
 * it answers 200 with the header in the member's language and organisation
 * A's record, never organisation B's; and each download is on A's audit
 * trail as `<entity>.export` with its format, by the member who took it.
 * A route built by `exportRoute` that the table does not name fails here.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorEn: TestMember;
const markers = new Map<string, { a: string; b: string }>();

const FORMATS = ['csv', 'xlsx', 'json'] as const;
type Format = (typeof FORMATS)[number];
const CONTENT_TYPES: Record<Format, RegExp> = { csv: /^text\/csv; charset=utf-8/, xlsx: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/, json: /^application\/json; charset=utf-8/ };

const withFormat = (url: string, format: Format) => `${url}${url.includes('?') ? '&' : '?'}format=${format}`;

/** The raw bytes of a download (the test client reads bodies as text). */
function download(member: TestMember, url: string, lang: 'ja' | 'en' = 'ja'): Promise<LightMyRequestResponse> {
  const cookie = (member.client as unknown as { cookieHeader(): string }).cookieHeader();
  return t.app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
}

/** Every cell of every sheet as text, each sheet's header row and the sheets' names. */
async function workbook(bytes: Buffer): Promise<{ text: string; headers: string[][]; sheets: string[] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
  const headers = book.worksheets.map((sheet) => (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? '')));
  return { text: cells.join('\n'), headers, sheets: book.worksheets.map((s) => s.name) };
}

/** The CSV's header row, parsed. */
const csvHeader = (body: string): string[] => parse(body.replace(/^\uFEFF/, ''), { to_line: 1 })[0] ?? [];
const startsWith = (headers: readonly string[], first: readonly string[]) => first.every((h, i) => headers[i] === h);

before(async () => {
  t = await createTestApp();
  orgA = await createOrganisation(t, { name: 'Organisation A' });
  orgB = await createOrganisation(t, { name: 'Organisation B' });
  await pinShippedCatalog(t, [orgA, orgB]);
  auditorEn = await addMember(t, orgA.id, 'auditor', 'en');
  const worlds = await Promise.all(
    [orgA, orgB].map(async (org) => ({ t, org, fixtures: onceEach(routeFixtures({ t, orgA: org, staffA: await addMember(t, org.id, 'staff') })) })),
  );
  for (const c of EXPORT_CASES) {
    // One after the other: fixtures of one organisation share records (a provider, a workload).
    const a = await c.make(worlds[0]!);
    const b = await c.make(worlds[1]!);
    assert.notEqual(a, b, c.url);
    markers.set(c.url, { a, b });
  }
});
after(() => t.close());

async function exportEntries(c: ExportCase, organisationId: string) {
  const { rows } = await t.database.pool.query<{ entity_type: string; entity_id: string | null; actor_user_id: string; format: string }>(
    `select entity_type, entity_id, actor_user_id::text, after->>'format' as format from audit_log where organisation_id = $1 and action = $2 order by seq`,
    [organisationId, `${c.entityType}.export`],
  );
  return rows;
}

describe('every register exports as CSV, XLSX and JSON', () => {
  test('the table names every export route, and every URL once', () => {
    const exports = t.routes.filter((r: AnyRoute) => r.method === 'GET' && r.url.endsWith('/export') && r.produces === 'text/csv');
    const named = new Set(EXPORT_CASES.map((c) => c.url.split('?')[0]));
    assert.deepEqual(exports.map(routeKey).filter((k) => !named.has(k.replace(/^GET /, ''))), [], 'exports without a case in register-exports.cases.ts');
    assert.equal(new Set(EXPORT_CASES.map((c) => c.url)).size, EXPORT_CASES.length);
    assert.ok(exports.length >= 20, `${exports.length} exports`);
  });

  for (const c of EXPORT_CASES) {
    test(`${c.url}: the caller's rows in every format, headers in its language, each download audited`, async () => {
      const { a, b } = markers.get(c.url)!;
      const before = (await exportEntries(c, orgA.id)).length;
      for (const format of FORMATS) {
        const r = await download(orgA.owner, withFormat(c.url, format));
        assert.equal(r.statusCode, 200, `${format}: ${r.body.slice(0, 300)}`);
        assert.match(String(r.headers['content-type']), CONTENT_TYPES[format], format);
        assert.match(String(r.headers['content-disposition']), new RegExp(`^attachment; filename="[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}\\.${format}"; filename\\*=UTF-8''`), format);
        const bytes = r.rawPayload;
        if (format === 'csv') {
          assert.equal(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with BOM');
          assert.ok(startsWith(csvHeader(r.body), c.headers.ja), `header: ${csvHeader(r.body).join(',')}`);
        }
        const { text, headers } = format === 'xlsx' ? await workbook(bytes) : { text: format === 'json' ? JSON.stringify(JSON.parse(r.body)) : r.body, headers: null };
        // A workbook of several tables carries the one asked for as one of its sheets.
        if (headers) assert.ok(headers.some((h) => startsWith(h, c.headers.ja)), `a sheet's header: ${headers.map((h) => h.join(',')).join(' | ')}`);
        if (format === 'json') assert.ok(Array.isArray(JSON.parse(r.body)), 'an array of records');
        assert.ok(text.includes(a), `${format}: organisation A's ${a} is in the file`);
        assert.ok(!text.includes(b), `${format}: organisation B's ${b} is not`);
      }
      const en = await download(auditorEn, withFormat(c.url, 'csv'), 'en');
      assert.equal(en.statusCode, 200, 'reading is enough to export');
      const english = csvHeader(en.body);
      assert.ok(startsWith(english, c.headers.en), `header in English: ${english.join(',')}`);
      assert.deepEqual(english.filter((h) => /^[a-z]+(\.[a-zA-Z-]+)+$/.test(h)), [], 'no message key as a header');

      const entries = (await exportEntries(c, orgA.id)).slice(before);
      assert.deepEqual(entries.map((e) => e.format), [...FORMATS, 'csv'], 'one entry a download, with its format');
      assert.ok(entries.every((e) => e.entity_type === c.entityType && e.entity_id === null));
      assert.deepEqual(entries.map((e) => e.actor_user_id), [orgA.owner.userId, orgA.owner.userId, orgA.owner.userId, auditorEn.userId]);
      assert.deepEqual(await exportEntries(c, orgB.id), [], "nothing on organisation B's trail");
    });
  }
});

describe('what is not an export is not on the trail', () => {
  test('a year with no threat list is refused (400) before anything is recorded', async () => {
    const c = EXPORT_CASES.find((x) => x.entityType === 'threatAssessment')!;
    const before = await exportEntries(c, orgA.id);
    const r = await orgA.owner.client.get('/api/v1/threat-assessments/export?year=1999&format=csv');
    assert.equal(r.status, 400, r.raw);
    assert.deepEqual(await exportEntries(c, orgA.id), before);
  });

  test('a bad format is refused (400) and recorded nowhere', async () => {
    const { rows: [{ n: before }] } = await t.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where action like '%.export'`);
    for (const c of EXPORT_CASES) assert.equal((await orgA.owner.client.get(`${c.url.split('?')[0]}?format=pdf`)).status, 400, c.url);
    const { rows: [{ n }] } = await t.database.pool.query<{ n: number }>(`select count(*)::int as n from audit_log where action like '%.export'`);
    assert.equal(n, before);
  });

  test('the workbooks’ sheets are named as Excel allows (at most 31 characters, none of : \\ / ? * [ ])', async () => {
    for (const c of EXPORT_CASES) {
      for (const lang of ['ja', 'en'] as const) {
        const member = lang === 'ja' ? orgA.owner : auditorEn;
        const { sheets } = await workbook((await download(member, withFormat(c.url, 'xlsx'), lang)).rawPayload);
        for (const name of sheets) assert.ok(name.length <= 31 && !/[:\\/?*[\]]/.test(name), `${c.url} (${lang}): sheet "${name}"`);
      }
    }
  });
});
