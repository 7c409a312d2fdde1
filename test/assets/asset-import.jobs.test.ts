// Size limits, background jobs and export of the asset import (the file and mapping checks: asset-import.api.test.ts).
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createOrganisation, TestClient, type TestApp, type TestOrganisation } from '../helpers/test-app.ts';
import { assetCount, closeImportTestApp, count, importTestApp, seedOrganisation } from './asset-import-setup.ts';
import { CLASS, GROUP, RISK, allIssues, fixture, importFile, multipartBody, settle, upload, uploadAndValidate } from './asset-fixtures.ts';

let t: TestApp;
before(async () => (t = await importTestApp()));
after(() => closeImportTestApp(t));

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
