import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { assetImportJob } from '../../src/server/assets/asset-import.jobs.ts';
import { detectFile, ImportFileError, readHeader, readRows } from '../../src/server/platform/transfer/sheet.reader.ts';
import { startJobQueue, startJobWorkers, stopJobQueue } from '../../src/server/platform/jobs/job-queue.ts';
import { createOrganisation, createTestApp, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { SEED_OWNERS, addNamedMember, allIssues, loadCatalog, settle, upload } from './asset-fixtures.ts';
import { BOMB_HEADER, bombRow, deflatedPart, repeatedRows, rowXml, SHEET_TAIL, sheetHead, xlsxWithSheet } from './xlsx-builder.ts';

/**
 * Zip bombs (issue 18): XLSX files whose sheet unpacks to about 200 MB from a
 * few megabytes, built here with node's zlib rather than kept as fixtures.
 * Each is refused with a message that names the limit, the server keeps
 * answering, and nothing is written.
 */

const MB = 1024 * 1024;
let t: TestApp;
let org: TestOrganisation;

const count = async (q: string, params: unknown[] = []) => (await t.database.pool.query<{ n: number }>(q, params)).rows[0].n;
const assetCount = () => count('select count(*)::int as n from assets where organisation_id = $1', [org.id]);
const importCount = () => count('select count(*)::int as n from asset_imports where organisation_id = $1', [org.id]);

async function healthy() {
  const r = await t.app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(r.statusCode, 200);
}

const sameRow = () => rowXml(2, ['顧客台帳', '電子媒体', 1, 'A', 1]);
/** A sheet of `bytes` made of blocks of `rows` rows: one row over and over, or valid rows each named differently within a block. */
const sheetOf = (bytes: number, rows: number, row: (n: number) => string = bombRow) => deflatedPart('xl/worksheets/sheet1.xml', repeatedRows(BOMB_HEADER, rows, bytes, row), 1);

async function readAll(bytes: Buffer): Promise<number> {
  let n = 0;
  for await (const _row of readRows(bytes, detectFile(bytes))) n++;
  return n;
}

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  const queue = await startJobQueue(t.database);
  await startJobWorkers(queue, [assetImportJob], t, () => undefined);
  org = await createOrganisation(t, { name: 'Zip bombs' });
  for (const owner of SEED_OWNERS) await addNamedMember(t, org.id, owner);
});
after(async () => {
  await stopJobQueue(t.database);
  await t.close();
});

describe('zip bombs in XLSX imports', () => {
  test('200 MB of one repeated row packed into about 1.4 MB: refused at upload from the central directory, before anything is inflated', async () => {
    const sheet = await sheetOf(200 * MB, 4000, sameRow);
    assert.ok(sheet.size > 200 * MB && sheet.compressed.length < 2 * MB, `${sheet.size} from ${sheet.compressed.length}`);
    const r = await upload(org.owner.client, 'bomb.xlsx', await xlsxWithSheet(sheet));
    assert.equal(r.status, 400, r.raw);
    assert.equal(r.body.code, 'assetImportFile');
    assert.match(r.body.title, /圧縮のされ方が通常と異なる/);
    await healthy();
    assert.equal(await importCount(), 0);
  });

  test('parts that each stay under the limit but together declare over 256 MB: refused at upload, nothing inflated', async () => {
    // Real XML of about 20 MB each, declared as 150 MB (a ratio under 100:1): only the declared sizes are looked at.
    const sheet = { ...(await sheetOf(20 * MB, 10_000)), declaredSize: 150 * MB };
    const strings = Buffer.from(Array.from({ length: 10_000 }, (_v, i) => `<si><t>顧客台帳${i}</t></si>`).join(''));
    const shared = { ...(await deflatedPart('xl/sharedStrings.xml', ['<sst>', ...Array<Buffer>(Math.ceil((20 * MB) / strings.length)).fill(strings), '</sst>'], 1)), declaredSize: 150 * MB };
    assert.ok(shared.compressed.length * 100 > shared.declaredSize, 'under the ratio limit');
    const r = await upload(org.owner.client, 'parts.xlsx', await xlsxWithSheet(sheet, [shared]));
    assert.equal(r.status, 400, r.raw);
    assert.match(r.body.title, /展開後の上限 256 MB/);
    await healthy();
    assert.equal(await importCount(), 0);
  });

  test('a sheet that declares 1 MB and unpacks to 200 MB: inflation stops at the declared size, the check refuses it', async () => {
    const sheet = { ...(await sheetOf(200 * MB, 4000, sameRow)), declaredSize: 1 * MB };
    const bytes = await xlsxWithSheet(sheet);
    // The upload reads the header row from the first chunk; the check reads on and stops at the lie.
    const up = await upload(org.owner.client, 'liar.xlsx', bytes);
    assert.equal(up.status, 201, up.raw);
    const v = await org.owner.client.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
    assert.equal(v.status, 202, v.raw);
    const done = await settle(org.owner.client, up.body.id);
    assert.equal(done.body.status, 'validated');
    const [first] = await allIssues(org.owner.client, up.body.id);
    assert.equal(first.code, 'xlsxTooLarge');
    assert.match(first.message, /展開後の上限/);
    await assert.rejects(readAll(bytes), (e: unknown) => e instanceof ImportFileError && e.code === 'xlsxTooLarge');
    assert.equal(await assetCount(), 0);
  });

  test('about 200 MB of valid rows packed 11:1: the check stops at the row cap, names the limit first, and the server keeps answering', async () => {
    const sheet = await sheetOf(200 * MB, 10_000);
    assert.ok(sheet.size > 200 * MB, String(sheet.size));
    const up = await upload(org.owner.client, 'rows.xlsx', await xlsxWithSheet(sheet));
    assert.equal(up.status, 201, up.raw);
    const v = await org.owner.client.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
    assert.equal(v.status, 202, v.raw);
    // Asked while the job reads (each answer waits for the last): /healthz never waits for the sheet.
    let status = 'validating';
    while (status === 'validating') {
      await healthy();
      status = (await org.owner.client.get(`/api/v1/asset-imports/${up.body.id}`)).body.status;
      await new Promise((res) => setTimeout(res, 100));
    }
    const done = await settle(org.owner.client, up.body.id);
    assert.equal(done.body.status, 'validated');
    assert.ok(done.body.errorCount > 0);
    const issues = await org.owner.client.get(`/api/v1/asset-imports/${up.body.id}/issues?limit=1&cursor=0`);
    assert.equal(issues.body.items[0].code, 'tooManyRows');
    assert.match(issues.body.items[0].message, /上限 200,?000 行/);
    const commit = await org.owner.client.post(`/api/v1/asset-imports/${up.body.id}/commit`, { version: done.body.version });
    assert.equal(commit.status, 409);
    assert.equal(await assetCount(), 0);
  });

  test('shared strings are read only as far as the rows need them: the upload gets its header from a file whose later shared string runs away', async () => {
    const headerRow = BOMB_HEADER.map((_h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('');
    const sheet = await deflatedPart('xl/worksheets/sheet1.xml', [`<worksheet><sheetData><row r="1">${headerRow}</row><row r="2"><c r="A2" t="s"><v>5</v></c></row></sheetData></worksheet>`]);
    const runaway = randomBytes(6 * MB).toString('base64');
    const strings = await deflatedPart('xl/sharedStrings.xml', ['<sst>', ...BOMB_HEADER.map((h) => `<si><t>${h}</t></si>`), `<si><t>${runaway}</t></si></sst>`], 1);
    const bytes = await xlsxWithSheet(sheet, [strings]);
    assert.deepEqual((await readHeader(bytes, detectFile(bytes))).headers, BOMB_HEADER);
    await assert.rejects(readAll(bytes), (e: unknown) => e instanceof ImportFileError && e.code === 'xlsxTooLarge');
  });

  test('one row of 8 million characters: stopped at 4 million with the row named, not read whole', async () => {
    // Random text, so it packs like text (a ratio far under 100:1) and only the row cap can stop it.
    const text = randomBytes(6 * MB).toString('base64');
    const sheet = await deflatedPart('xl/worksheets/sheet1.xml', [sheetHead(BOMB_HEADER), `<row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row>`, SHEET_TAIL], 1);
    await assert.rejects(readAll(await xlsxWithSheet(sheet)), (e: unknown) => e instanceof ImportFileError && e.code === 'xlsxRowTooLarge' && e.params.row === 2);
  });
});
