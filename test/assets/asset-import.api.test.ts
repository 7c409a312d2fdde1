import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { formatManYen } from '../../src/shared/assets/asset-money.ts';
import { assetImportJob } from '../../src/server/assets/asset-import.jobs.ts';
import { startJobQueue, startJobWorkers, stopJobQueue } from '../../src/server/platform/jobs/job-queue.ts';
import { addMember, createOrganisation, createTestApp, TestClient, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { CLASS, GROUP, RISK, SEED_OWNERS, addNamedMember, allIssues, fixture, importFile, loadCatalog, multipartBody, settle, upload, uploadAndValidate } from './asset-fixtures.ts';

let t: TestApp;

const count = async (q: string, params: unknown[] = []) => (await t.database.pool.query<{ n: number }>(q, params)).rows[0].n;
const assetCount = (orgId: string) => count('select count(*)::int as n from assets where organisation_id = $1', [orgId]);
const auditCount = () => count('select count(*)::int as n from audit_log');

/** An organisation whose members carry the seed's owner names (図11 資産の責任者). */
async function seedOrganisation(name: string): Promise<TestOrganisation> {
  const org = await createOrganisation(t, { name });
  for (const owner of SEED_OWNERS) await addNamedMember(t, org.id, owner);
  return org;
}

async function setRevenue(orgId: string, yen: bigint) {
  await t.database.pool.query('insert into organisation_profiles (organisation_id, annual_revenue_yen) values ($1, $2)', [orgId, yen.toString()]);
}

before(async () => {
  t = await createTestApp();
  await loadCatalog(t);
  // The same background worker the server starts (pg-boss on this test database).
  const queue = await startJobQueue(t.database);
  await startJobWorkers(queue, [assetImportJob], t, () => undefined);
});
after(async () => {
  await stopJobQueue(t.database);
  await t.close();
});

describe("the seed's example (図11) through the importer", () => {
  const files: [string, string, string, string | null][] = [
    ['seed-000-example.csv', 'UTF-8', 'csv', 'utf-8'],
    ['seed-000-example.bom.csv', 'UTF-8 with BOM', 'csv', 'utf-8-bom'],
    ['seed-000-example.sjis.csv', 'Shift_JIS', 'csv', 'shift_jis'],
    ['seed-000-example.tsv', 'tab-separated', 'csv', 'utf-8'],
    ['seed-000-example.xlsx', 'XLSX', 'xlsx', null],
    ['seed-000-example.en.csv', 'English headers', 'csv', 'utf-8'],
  ];
  for (const [file, label, format, encoding] of files) {
    test(`${label}: 7 assets, 100,440,000 yen = 10,044万円`, async () => {
      const org = await seedOrganisation(`Seed ${label}`);
      const c = org.owner.client;
      const up = await upload(c, file, fixture(file));
      assert.equal(up.status, 201, up.raw);
      assert.equal(up.body.format, format);
      assert.equal(up.body.encoding, encoding);
      assert.equal(up.body.status, 'uploaded');
      // Every header recognised: nothing to map by hand.
      assert.deepEqual(Object.values(up.body.mapping), ['number', 'name', 'medium', 'content', 'location', 'owner', 'records', 'rank', 'unitValueThousandYen']);
      const done = await importFile(c, file, fixture(file));
      assert.equal(done.body.status, 'committed', done.raw);
      assert.equal(done.body.committedCount, 7);
      const s = await c.get('/api/v1/assets/summary');
      assert.equal(s.body.count, 7);
      assert.equal(s.body.totalValueYen, '100440000');
      assert.equal(formatManYen(s.body.totalValueYen), '10,044万円');
      const list = await c.get('/api/v1/assets?sort=totalValue&dir=desc&limit=10');
      assert.deepEqual(
        list.body.items.map((a: { name: string; totalValueYen: string }) => [a.name, a.totalValueYen]),
        [
          ['会員Mカード台帳', '50000000'],
          ['お得意様台帳', '30000000'],
          ['会員M売上DB', '20000000'],
          ['Web注文データ', '250000'],
          ['社員名簿', '100000'],
          ['電話注文票', '75000'],
          ['宅配業者情報', '15000'],
        ],
      );
      const first = list.body.items[1];
      assert.equal(first.owner.displayName, '販売管理');
      assert.equal(first.content, '会員番号、住所、TEL、趣味、家族、口座番号');
      assert.equal(first.unitValueThousandYen, '150');
    });
  }

  test('the table as the seed prints it (Shift_JIS, departments as owners, its own 資産総額 and totals line) imports unchanged', async () => {
    // No members named after departments: 図11 writes 販売管理, 営業課 … as 資産の責任者.
    const org = await createOrganisation(t, { name: 'Seed as written' });
    const c = org.owner.client;
    const file = fixture('seed-000-table-as-written.sjis.csv');
    const v = await uploadAndValidate(c, 'inventory.csv', file);
    assert.equal(v.body.status, 'validated', v.raw);
    assert.equal(v.body.encoding, 'shift_jis');
    assert.equal(v.body.errorCount, 0);
    assert.equal(v.body.rowCount, 7);
    // The check step shows what the commit will create.
    assert.deepEqual(v.body.newDepartments, ['販売管理', '営業課', '販売課', 'NW', '総務', '人事']);
    // Rows 4 and 6: the seed rounds 7.5万 and 1.5万 to 8万 and 2万; shown, not refused; the totals line is read, not imported.
    assert.equal(v.body.noticeCount, 3);
    const issues = await c.get(`/api/v1/asset-imports/${v.body.id}/issues`);
    assert.deepEqual(
      issues.body.items.map((i: { rowNumber: number; code: string; severity: string; message: string }) => [i.rowNumber, i.code, i.severity, i.message]),
      [
        [5, 'totalDiffers', 'notice', '資産総額がファイルでは 8万円、データ総件数 × 千円 では 7.5万円 です。計算した 7.5万円 で登録します。'],
        [7, 'totalDiffers', 'notice', '資産総額がファイルでは 2万円、データ総件数 × 千円 では 1.5万円 です。計算した 1.5万円 で登録します。'],
        [9, 'totalsRow', 'notice', '合計の行として読み飛ばしました（ファイルの合計 10,044万円、計算した合計 10,044万円）。'],
      ],
    );
    const before = await count('select count(*)::int as n from departments where organisation_id = $1', [org.id]);
    assert.equal(before, 0, 'validation creates nothing');
    const commit = await c.post(`/api/v1/asset-imports/${v.body.id}/commit`, { version: v.body.version });
    assert.equal(commit.status, 202, commit.raw);
    const done = await settle(c, v.body.id);
    assert.equal(done.body.status, 'committed', done.raw);
    assert.equal(done.body.committedCount, 7);
    const s = await c.get('/api/v1/assets/summary');
    assert.equal(s.body.totalValueYen, '100440000');
    assert.equal(s.body.withoutOwner, 0);
    const list = await c.get('/api/v1/assets?sort=totalValue&dir=desc&limit=10');
    assert.deepEqual(
      list.body.items.map((a: { name: string; totalValueYen: string; owner: unknown; ownerDepartment: { name: string } | null }) => [a.name, a.totalValueYen, a.owner, a.ownerDepartment?.name]),
      [
        ['会員Mカード台帳', '50000000', null, '営業課'],
        ['お得意様台帳', '30000000', null, '販売管理'],
        ['会員M売上DB', '20000000', null, '販売課'],
        ['Web注文データ', '250000', null, 'NW'],
        ['社員名簿', '100000', null, '人事'],
        ['電話注文票', '75000', null, '販売課'],
        ['宅配業者情報', '15000', null, '総務'],
      ],
    );
    const choices = await c.get('/api/v1/assets/choices');
    assert.deepEqual(choices.body.departments.map((d: { name: string }) => d.name).sort(), ['NW', '人事', '営業課', '総務', '販売管理', '販売課'].sort());
    // The same file again: the departments exist now, nothing new to create (the names are taken, so every row is refused).
    const again = await uploadAndValidate(c, 'inventory.csv', file);
    assert.deepEqual(again.body.newDepartments, []);
    assert.equal(await count('select count(*)::int as n from departments where organisation_id = $1', [org.id]), 6);
  });

  test('an asset can be given a department as owner, and a member clears it (one owner)', async () => {
    const org = await createOrganisation(t, { name: 'Department owner' });
    const c = org.owner.client;
    await importFile(c, 'inventory.csv', fixture('seed-000-table-as-written.sjis.csv'));
    const choices = await c.get('/api/v1/assets/choices');
    const soumu = choices.body.departments.find((d: { name: string }) => d.name === '総務');
    const created = await c.post('/api/v1/assets', { name: '契約書', medium: 'paper', records: 10, rank: 'B', unitValueThousandYen: '1', ownerDepartmentId: soumu.id });
    assert.equal(created.status, 201, created.raw);
    assert.deepEqual(created.body.ownerDepartment, { id: soumu.id, name: '総務' });
    const both = await c.post('/api/v1/assets', { name: '契約書2', medium: 'paper', records: 1, rank: 'B', unitValueThousandYen: '1', ownerDepartmentId: soumu.id, ownerUserId: org.owner.userId });
    assert.equal(both.status, 400);
    const other = await createOrganisation(t, { name: 'Department owner other' });
    const foreign = await other.owner.client.post('/api/v1/assets', { name: '契約書', medium: 'paper', records: 1, rank: 'B', unitValueThousandYen: '1', ownerDepartmentId: soumu.id });
    assert.equal(foreign.status, 400, 'another organisation cannot name this department');
    const moved = await c.patch(`/api/v1/assets/${created.body.id}`, { ownerUserId: org.owner.userId, version: created.body.version });
    assert.equal(moved.status, 200, moved.raw);
    assert.equal(moved.body.ownerDepartment, null);
    assert.equal(moved.body.owner.userId, org.owner.userId);
  });

  test('against revenue of about 1億円 the asset model holds (+440,000 yen, +0.4 %)', async () => {
    const org = await seedOrganisation('Seed revenue');
    await setRevenue(org.id, 100_000_000n);
    await importFile(org.owner.client, 'seed.csv', fixture('seed-000-example.csv'));
    const s = await org.owner.client.get('/api/v1/assets/summary');
    assert.deepEqual(s.body.modelCheck, {
      totalValueYen: '100440000',
      annualRevenueYen: '100000000',
      differenceYen: '440000',
      differencePercent: '0.4',
      verdict: 'holds',
      thresholds: { holdsWithinPercent: 10, roughlyWithinPercent: 30 },
    });
  });

  test('each imported asset shows the import in its history', async () => {
    const org = await seedOrganisation('Seed history');
    const done = await importFile(org.owner.client, 'seed.csv', fixture('seed-000-example.csv'));
    const list = await org.owner.client.get('/api/v1/assets?limit=1');
    const h = await org.owner.client.get(`/api/v1/assets/${list.body.items[0].id}/history`);
    assert.equal(h.body.items.length, 1);
    assert.equal(h.body.items[0].action, 'asset.import');
    assert.equal(h.body.items[0].batchId, done.body.id);
    assert.equal(h.body.items[0].after.count, 7);
    assert.equal(h.body.items[0].after.fileName, 'seed.csv');
  });
});

describe('header mapping', () => {
  test('unknown headers: nothing required is mapped until the user maps it', async () => {
    const org = await seedOrganisation('Mapping');
    const c = org.owner.client;
    const up = await upload(c, 'custom.csv', fixture('custom-headers.csv'));
    assert.equal(up.status, 201);
    assert.deepEqual(up.body.headers, ['資産', '種別', '件数のメモ', '重要度', '単価', '担当']);
    const bad = await c.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
    assert.equal(bad.status, 400);
    assert.ok(bad.body.errors.every((e: { code: string }) => e.code === 'mappingRequiredMissing'), bad.raw);
    assert.match(bad.body.errors.map((e: { message: string }) => e.message).join(' '), /データ総件数/);
    const twice = await c.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: { 0: 'name', 1: 'name' }, version: up.body.version });
    assert.equal(twice.status, 400);
    const mapping = { 0: 'name', 1: 'medium', 2: 'records', 3: 'rank', 4: 'unitValueThousandYen', 5: 'owner' };
    const v = await c.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping, version: up.body.version });
    assert.equal(v.status, 202, v.raw);
    const settled = await settle(c, up.body.id);
    assert.equal(settled.body.status, 'validated');
    assert.equal(settled.body.errorCount, 0);
    assert.equal(settled.body.rowCount, 2);
    assert.equal(settled.body.preview[1].values.totalValueYen, '75000');
    const commit = await c.post(`/api/v1/asset-imports/${up.body.id}/commit`, { version: settled.body.version });
    assert.equal(commit.status, 202);
    assert.equal((await settle(c, up.body.id)).body.committedCount, 2);
  });

  test('a stale version of the import is a 409', async () => {
    const org = await seedOrganisation('Mapping stale');
    const up = await upload(org.owner.client, 's.csv', fixture('seed-000-example.csv'));
    const r = await org.owner.client.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version + 1 });
    assert.equal(r.status, 409);
  });
});

describe('bad files: a clear message per file or per row, nothing written', () => {
  let org: TestOrganisation;
  before(async () => {
    org = await seedOrganisation('Bad files');
  });

  const refusedAtUpload: [string, RegExp][] = [
    ['empty.csv', /ファイルが空です/],
    ['blank-lines.csv', /見出し行が見つかりません|ファイルが空です/],
    ['random.bin', /文字コード|CSV として読めない/],
    ['utf16le.csv', /UTF-16/],
    ['legacy.xls', /\.xls/],
    ['broken.xlsx', /Excel（XLSX）ファイルとして読めません/],
    ['zip-not-xlsx.xlsx', /Excel/],
    ['truncated.xlsx', /Excel/],
    ['eucjp.csv', /文字コードを判別できません/],
    ['latin1.csv', /文字コードを判別できません/],
    ['many-columns.csv', /列数が多すぎます/],
  ];
  for (const [file, message] of refusedAtUpload) {
    test(`${file}: refused at upload`, async () => {
      const before = await auditCount();
      const r = await upload(org.owner.client, file, fixture(file));
      assert.equal(r.status, 400, `${file}: ${r.status} ${r.raw}`);
      assert.equal(r.body.code, 'assetImportFile');
      assert.match(r.body.title, message);
      assert.equal(await auditCount(), before);
      assert.equal(await assetCount(org.id), 0);
    });
  }

  test('header-only.csv: a file-level problem after validation, nothing to commit', async () => {
    const v = await uploadAndValidate(org.owner.client, 'h.csv', fixture('header-only.csv'));
    assert.equal(v.body.status, 'validated');
    assert.equal(v.body.errorCount, 1);
    const issues = await allIssues(org.owner.client, v.body.id);
    assert.equal(issues[0].rowNumber, null);
    assert.match(issues[0].message, /データ行がありません/);
    const c = await org.owner.client.post(`/api/v1/asset-imports/${v.body.id}/commit`, { version: v.body.version });
    assert.equal(c.status, 409);
  });

  test('unclosed-quote.csv: the line is named', async () => {
    const r = await upload(org.owner.client, 'q.csv', fixture('unclosed-quote.csv'));
    if (r.status === 400) assert.match(r.body.title, /引用符/);
    else {
      const v = await uploadAndValidate(org.owner.client, 'q.csv', fixture('unclosed-quote.csv'));
      const issues = await allIssues(org.owner.client, v.body.id);
      assert.match(issues.map((i) => i.message).join(' '), /引用符/);
    }
  });

  test('bad-values.csv: every row problem with its row, column and message', async () => {
    const before = await auditCount();
    const v = await uploadAndValidate(org.owner.client, 'bad.csv', fixture('bad-values.csv'));
    assert.equal(v.body.status, 'validated');
    const issues = await allIssues(org.owner.client, v.body.id);
    const at = (row: number) => issues.filter((i) => i.rowNumber === row).map((i) => `${i.field}:${i.message}`);
    assert.match(at(2).join(), /records:.*マイナス/);
    assert.match(at(3).join(), /records:.*数値で/);
    assert.match(at(4).join(), /records:.*整数/);
    assert.match(at(5).join(), /rank:.*A・B・C.*D/);
    assert.match(at(6).join(), /unitValueThousandYen:.*3 桁/);
    assert.match(at(7).join(), /unitValueThousandYen:.*マイナス/);
    // A name that is no member is read as a department, and the check step lists it as one to be created.
    assert.deepEqual(at(8), []);
    assert.deepEqual(v.body.newDepartments, ['山田太郎']);
    assert.deepEqual(at(9), []);
    assert.match(at(10).join(), /name:.*9 行目と重複/);
    assert.match(at(11).join(), /medium:.*フロッピー/);
    assert.match(at(12).join(), /name:.*必須/);
    assert.match(at(13).join(), /見出しのない列/);
    assert.match(at(14).join(), /records:.*大きすぎ/);
    assert.ok(at(15).length >= 4, at(15).join());
    assert.equal(issues.find((i) => i.rowNumber === 2)?.header, 'データ総件数');
    assert.equal(v.body.errorCount, issues.length);
    assert.equal((await org.owner.client.post(`/api/v1/asset-imports/${v.body.id}/commit`, { version: v.body.version })).status, 409);
    assert.equal(await auditCount(), before);
    assert.equal(await assetCount(org.id), 0);
  });

  test('formulas.csv: formulas refused, neutralised text accepted', async () => {
    const v = await uploadAndValidate(org.owner.client, 'f.csv', fixture('formulas.csv'));
    const issues = await allIssues(org.owner.client, v.body.id);
    const rows = (code: RegExp) => issues.filter((i) => code.test(i.message)).map((i) => `${i.rowNumber}:${i.field}`);
    assert.deepEqual(rows(/数式として実行/), ['2:name', '3:name', '4:content']);
    assert.deepEqual(rows(/数値で/), ['6:records']);
    assert.deepEqual(issues.filter((i) => i.rowNumber === 5), []);
    assert.equal(v.body.preview[3].values.name, "'=これは文字です");
    assert.equal(v.body.preview[3].valid, true);
  });

  test('formula-cell.xlsx, control-chars.csv, long-name.csv', async () => {
    const cases: [string, RegExp][] = [
      ['formula-cell.xlsx', /数式が入っています/],
      ['control-chars.csv', /制御文字/],
      ['long-name.csv', /200 文字以内/],
    ];
    for (const [file, message] of cases) {
      const v = await uploadAndValidate(org.owner.client, file, fixture(file));
      assert.equal(v.body.errorCount, 1, file);
      assert.match((await allIssues(org.owner.client, v.body.id))[0].message, message);
    }
    assert.equal(await assetCount(org.id), 0);
  });

  test('a name already in the inventory is an error; English messages for an English user', async () => {
    const enOrg = await seedOrganisation('English user');
    const en = await addMember(t, enOrg.id, 'manager', 'en');
    await importFile(en.client, 'seed.csv', fixture('seed-000-example.csv'));
    const again = await uploadAndValidate(en.client, 'seed.csv', fixture('seed-000-example.csv'));
    assert.equal(again.body.errorCount, 7);
    const issues = await allIssues(en.client, again.body.id);
    assert.match(issues[0].message, /is already in the inventory/);
    const r = await upload(en.client, 'empty.csv', fixture('empty.csv'));
    assert.match(r.body.title, /The file is empty/);
  });

  test('no file, a non-multipart body, another field name', async () => {
    const c = org.owner.client;
    const none = await c.request('POST', '/api/v1/asset-imports', Buffer.from('--x--\r\n'), { 'content-type': 'multipart/form-data; boundary=x' });
    assert.equal(none.status, 400, none.raw);
    const text = await c.request('POST', '/api/v1/asset-imports', 'a,b', { 'content-type': 'text/csv' });
    assert.equal(text.status, 415);
  });
});

describe('size limits: refused early, never buffered whole', () => {
  let server: http.Server;
  let port: number;
  before(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    server = t.app.server;
    port = (server.address() as AddressInfo).port;
  });

  function rawRequest(client: TestClient, headers: Record<string, string | number>, write: (req: http.ClientRequest) => void): Promise<{ status: number; body: string; ms: number }> {
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/asset-imports',
          headers: {
            cookie: (client as unknown as { cookieHeader(): string }).cookieHeader(),
            'x-csrf-token': client.csrf,
            'accept-language': 'ja',
            ...headers,
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: Date.now() - started }));
        },
      );
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      write(req);
    });
  }

  test('a 200 MB upload is refused from its Content-Length, before the body is sent', async () => {
    const org = await seedOrganisation('Huge');
    await org.owner.client.session();
    const { body, contentType } = multipartBody('huge.csv', Buffer.alloc(0));
    const r = await rawRequest(org.owner.client, { 'content-type': contentType, 'content-length': 200 * 1024 * 1024 }, (req) => {
      // Only the first bytes are sent; the answer must come without the rest.
      req.write(body.subarray(0, 200));
    });
    assert.equal(r.status, 413, r.body);
    assert.match(JSON.parse(r.body).title, /ファイルが大きすぎます（上限 50 MB）/);
    assert.ok(r.ms < 5000, `took ${r.ms} ms`);
  });

  test('a chunked upload growing past the limit is cut off with 413', async () => {
    const org = await seedOrganisation('Chunked');
    await org.owner.client.session();
    const boundary = 'kumojichunked';
    const r = await rawRequest(org.owner.client, { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' }, (req) => {
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`);
      const chunk = Buffer.alloc(1024 * 1024, 0x61);
      let sent = 0;
      const pump = () => {
        while (sent < 60) {
          sent++;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end(`\r\n--${boundary}--\r\n`);
      };
      pump();
    });
    assert.equal(r.status, 413, r.body);
    assert.equal(await count('select count(*)::int as n from asset_imports where file_name = $1', ['big.csv']), 0);
  });
});

describe('large files run as a background job', () => {
  test('3,000 rows: validation and commit by the pg-boss worker, with progress; the page can come back', async () => {
    const org = await seedOrganisation('Large');
    const c = org.owner.client;
    const lines = ['情報資産名,媒体,内容,場所,資産の責任者,データ総件数,ランク,千円'];
    for (let i = 0; i < 3000; i++) lines.push(`顧客台帳${i},電子媒体,会員番号、住所、TEL、趣味、家族、口座番号、${'備考'.repeat(20)},事務室PC,販売管理,${i + 1},B,0.5`);
    const bytes = iconv.encode(lines.join('\r\n'), 'cp932');
    assert.ok(bytes.length > 256 * 1024);
    const up = await upload(c, 'large.csv', bytes);
    assert.equal(up.body.encoding, 'shift_jis');
    const v = await c.post(`/api/v1/asset-imports/${up.body.id}/validate`, { mapping: up.body.mapping, version: up.body.version });
    assert.equal(v.status, 202);
    assert.equal(v.body.status, 'validating');
    // Someone who left the page finds the import again in the list.
    const recent = await c.get('/api/v1/asset-imports');
    assert.equal(recent.body.items[0].id, up.body.id);
    const validated = await settle(c, up.body.id);
    assert.equal(validated.body.status, 'validated', validated.raw);
    assert.equal(validated.body.rowCount, 3000);
    assert.equal(validated.body.progress.done, validated.body.progress.total);
    const commit = await c.post(`/api/v1/asset-imports/${up.body.id}/commit`, { version: validated.body.version });
    assert.equal(commit.body.status, 'committing');
    const done = await settle(c, up.body.id);
    assert.equal(done.body.status, 'committed');
    assert.equal(await assetCount(org.id), 3000);
    const s = await c.get('/api/v1/assets/summary');
    assert.equal(s.body.totalValueYen, String((3000 * 3001 * 500) / 2));
    // The upload is not kept once committed.
    assert.equal(await count("select count(*)::int as n from asset_imports where id = $1 and content is null and prepared is null", [up.body.id]), 1);
  });

  test('cancel an import; a cancelled import cannot be committed', async () => {
    const org = await seedOrganisation('Cancel');
    const c = org.owner.client;
    const v = await uploadAndValidate(c, 's.csv', fixture('seed-000-example.csv'));
    const x = await c.post(`/api/v1/asset-imports/${v.body.id}/cancel`, { version: v.body.version });
    assert.equal(x.status, 200);
    assert.equal(x.body.status, 'cancelled');
    assert.equal((await c.post(`/api/v1/asset-imports/${v.body.id}/commit`, { version: x.body.version })).status, 409);
    assert.equal(await assetCount(org.id), 0);
  });

  test('a member removed between check and commit: nothing written, the row is named', async () => {
    const org = await seedOrganisation('Changed');
    const c = org.owner.client;
    const v = await uploadAndValidate(c, 's.csv', fixture('seed-000-example.csv'));
    assert.equal(v.body.errorCount, 0);
    await t.database.pool.query("delete from memberships m using users u where u.id = m.user_id and m.organisation_id = $1 and u.display_name = '人事'", [org.id]);
    await c.post(`/api/v1/asset-imports/${v.body.id}/commit`, { version: v.body.version });
    const after = await settle(c, v.body.id);
    assert.equal(after.body.status, 'validated');
    assert.equal(after.body.problem.code, 'changedSinceValidation');
    const issues = await allIssues(c, v.body.id);
    assert.deepEqual(issues.map((i) => [i.rowNumber, i.field]), [[8, 'owner']]);
    assert.equal(await assetCount(org.id), 0);
  });
});

describe('export, and export then import gives the same inventory', () => {
  let source: TestOrganisation;
  const tricky = [
    { name: '=HYPERLINK("http://evil.example")', content: '+81 3 1234 5678', notes: "'引用符で始まる", location: '-地下倉庫' },
    { name: '@SUM(A1)', content: '\t先頭タブ', notes: '複数行の\n備考、"引用符"あり', location: 'サーバ室' },
    { name: 'Ｆｕｌｌ－ｗｉｄｔｈ 顧客台帳', content: '会員番号、住所、TEL', notes: '', location: '' },
  ];

  before(async () => {
    source = await seedOrganisation('Export source');
    await importFile(source.owner.client, 'seed.csv', fixture('seed-000-example.csv'));
    const members = (await source.owner.client.get('/api/v1/assets/choices')).body.owners;
    for (const [i, a] of tricky.entries()) {
      const r = await source.owner.client.post('/api/v1/assets', {
        ...a,
        medium: (['electronic', 'paper', 'other'] as const)[i],
        records: 1_000_000_000_000 + i,
        rank: 'C',
        unitValueThousandYen: ['0.001', '123456.789', '0'][i],
        ownerUserId: members[i].userId,
        assetClassId: CLASS(i + 1),
        informationGroupId: GROUP(i + 1),
        riskCategoryId: [RISK('personal-info'), RISK('customer-personal-info'), null][i],
        sensitivity: (['basic', 'sensitive', 'exceptional'] as const)[i],
        confidentiality: (['high', 'medium', 'low'] as const)[i],
        containsPersonalData: i !== 2,
        currentPlacement: i === 0 ? 'cloud' : 'on_premises',
        plannedPlacement: [null, 'cloud', 'on_premises'][i],
      });
      assert.equal(r.status, 201, r.raw);
    }
  });

  async function inventory(client: TestClient) {
    const r = await client.get('/api/v1/assets?sort=name&limit=200');
    return r.body.items.map((a: Record<string, unknown>) => {
      // Ids, timestamps and versions are the new organisation's own; everything else must match.
      const rest = Object.fromEntries(Object.entries(a).filter(([k]) => !['id', 'createdAt', 'updatedAt', 'version', 'createdByImportId', 'owner'].includes(k)));
      return { ...rest, owner: (a.owner as { email: string } | null)?.email ?? null };
    });
  }

  /** A second organisation with the same people, as the same members. */
  async function twin(name: string): Promise<TestOrganisation> {
    const org = await createOrganisation(t, { name });
    await t.database.pool.query(
      `insert into memberships (organisation_id, user_id, role)
       select $2, user_id, 'manager' from memberships where organisation_id = $1 on conflict do nothing`,
      [source.id, org.id],
    );
    return org;
  }

  test('CSV: UTF-8 with BOM, the seed headers, formulas neutralised', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/assets/export?format=csv',
      headers: { cookie: (source.owner.client as unknown as { cookieHeader(): string }).cookieHeader(), 'accept-language': 'ja' },
    });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-disposition']), /filename\*=UTF-8''%E8%B3%87%E7%94%A3%E7%9B%AE%E9%8C%B2/);
    const raw = r.rawPayload;
    assert.deepEqual([...raw.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = raw.subarray(3).toString('utf8');
    assert.ok(text.startsWith('No,情報資産名,媒体,内容,場所,資産の責任者,資産の責任者(メール),データ総件数,ランク,千円,資産総額(円),'), text.slice(0, 200));
    assert.ok(text.includes('\r\n'));
    assert.ok(text.includes(`"'=HYPERLINK(""http://evil.example"")"`), text);
    assert.ok(text.includes("'@SUM(A1)"));
    assert.ok(text.includes("'+81 3 1234 5678"));
    assert.ok(text.includes("''引用符で始まる"));
    // No cell of the file starts a formula.
    for (const line of text.split('\r\n')) for (const cell of line.split(',')) assert.ok(!/^"?[=+\-@]/.test(cell), cell);
  });

  for (const format of ['csv', 'xlsx'] as const) {
    test(`${format}: export, import into a fresh organisation, same inventory`, async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/assets/export?format=${format}`,
        headers: { cookie: (source.owner.client as unknown as { cookieHeader(): string }).cookieHeader(), 'accept-language': format === 'csv' ? 'ja' : 'en' },
      });
      assert.equal(r.statusCode, 200);
      const target = await twin(`Export target ${format}`);
      const done = await importFile(target.owner.client, `export.${format}`, r.rawPayload);
      assert.equal(done.body.status, 'committed', `${done.body.errorCount} errors; ${JSON.stringify(await allIssues(target.owner.client, done.body.id))}`);
      assert.deepEqual(await inventory(target.owner.client), await inventory(source.owner.client));
    });
  }

  test('XLSX export opens in a spreadsheet library with numbers as numbers', async () => {
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/v1/assets/export?format=xlsx',
      headers: { cookie: (source.owner.client as unknown as { cookieHeader(): string }).cookieHeader(), 'accept-language': 'ja' },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.equal(ws.name, '資産目録');
    assert.equal(ws.getRow(1).getCell(2).value, '情報資産名');
    const seedRow = ws.getRows(2, ws.rowCount - 1)!.find((row) => row.getCell(2).value === 'お得意様台帳')!;
    assert.equal(seedRow.getCell(8).value, 200);
    assert.equal(seedRow.getCell(10).value, 150);
    assert.equal(seedRow.getCell(11).value, 30_000_000);
  });
});
