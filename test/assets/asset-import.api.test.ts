import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { formatManYen } from '../../src/shared/assets/asset-money.ts';
import { addMember, createOrganisation, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { assetCount, closeImportTestApp, count, importTestApp, seedOrganisation } from './asset-import-setup.ts';
import { allIssues, fixture, importFile, settle, upload, uploadAndValidate } from './asset-fixtures.ts';

let t: TestApp;
before(async () => (t = await importTestApp()));
after(() => closeImportTestApp(t));

const auditCount = () => count('select count(*)::int as n from audit_log');

async function setRevenue(orgId: string, yen: bigint) {
  await t.database.pool.query('insert into organisation_profiles (organisation_id, annual_revenue_yen) values ($1, $2)', [orgId, yen.toString()]);
}

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

