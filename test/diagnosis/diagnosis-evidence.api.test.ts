import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/test-app.ts';
import { multipartFile, SAMPLE_PDF } from '../helpers/multipart.ts';
import { assess, countRows, createDiagnosisWorld, enc, type DiagnosisWorld, MANUFACTURER_PROFILE, PRE, PRE_ITEMS, STAGES, upload } from './diagnosis-fixtures.ts';

/**
 * What the diagnosis stands on besides the answers: the organisation's
 * profile (industry, size, the data it handles) and evidence files attached
 * to answers — uploads refused with a clear 4xx, downloads for members only,
 * files kept while an assessment points at them.
 */

const w = {} as DiagnosisWorld;

before(async () => {
  Object.assign(w, await createDiagnosisWorld());
});
after(() => w.t.close());

const auditCount = () => countRows(w.t, 'select count(*)::int as n from audit_log');

describe('organisation profile', () => {
  test('starts empty with the seed\'s industry list (表1) to choose from', async () => {
    const r = await w.staff.client.get('/api/v1/organisation/profile');
    assert.equal(r.status, 200, r.raw);
    assert.equal(r.body.version, 0);
    assert.equal(r.body.complete, false);
    assert.equal(r.body.can.update, false);
    assert.equal(r.body.industries.length, 8);
    const manufacturing = r.body.industries.find((i: { id: string }) => i.id.endsWith(':manufacturing'));
    assert.deepEqual(manufacturing.name, { ja: '製造業', en: 'Manufacturing' });
    assert.equal(typeof manufacturing.usingPct, 'number');
    assert.ok(!r.body.industries.some((i: { id: string }) => i.id.endsWith(':all')), 'the overall row is not an industry');
  });

  test('owners and managers edit it, audited; contradictions and stale versions change nothing', async () => {
    assert.equal((await w.staff.client.patch('/api/v1/organisation/profile', { employees: 10, version: 0 })).status, 403);
    const before = await auditCount();
    const sensitive = await w.manager.client.patch('/api/v1/organisation/profile', { handlesSensitivePersonalData: true, version: 0 });
    assert.equal(sensitive.status, 400);
    assert.equal(sensitive.body.errors[0].path, 'handlesSensitivePersonalData');
    assert.match(sensitive.body.errors[0].message, /個人情報を取り扱う場合にのみ/);
    const unknown = await w.owner.patch('/api/v1/organisation/profile', { industryId: `${STAGES}:stage-1`, version: 0 });
    assert.deepEqual([unknown.status, unknown.body.errors[0].path], [400, 'industryId']);
    assert.equal(await auditCount(), before);
    const saved = await w.manager.client.patch('/api/v1/organisation/profile', { ...MANUFACTURER_PROFILE, version: 0 });
    assert.equal(saved.status, 200, saved.raw);
    assert.deepEqual([saved.body.version, saved.body.complete, saved.body.employees, saved.body.annualRevenueYen], [1, true, 48, 1_200_000_000]);
    const stale = await w.owner.patch('/api/v1/organisation/profile', { employees: 50, version: 0 });
    assert.equal(stale.status, 409);
    assert.equal(await auditCount(), before + 1);
    const { rows } = await w.t.database.pool.query(`select action, before, after from audit_log where entity_type = 'organisation-profile' order by seq desc limit 1`);
    assert.equal(rows[0].action, 'profile.update');
    assert.equal(rows[0].before, null);
    assert.equal(rows[0].after.employees, 48);
  });
});

describe('evidence files', () => {
  let draftId = '';
  let url = '';

  before(async () => {
    // A submitted prerequisite checklist, whose answers the next draft carries over.
    await assess(w.owner, PRE, PRE_ITEMS, {});
    const start = await w.owner.post('/api/v1/diagnosis/assessments', { checklistId: PRE });
    draftId = start.body.id;
    url = `/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[4])}/evidence`;
  });

  test('a PDF attached to an answer, downloaded by members only, as an attachment', async () => {
    const r = await upload(w.staff.client, url, '情報セキュリティ方針 (2026).pdf', SAMPLE_PDF, 'application/pdf');
    assert.equal(r.status, 201, r.raw);
    assert.deepEqual([r.body.fileName, r.body.contentType, r.body.sizeBytes], ['情報セキュリティ方針 (2026).pdf', 'application/pdf', SAMPLE_PDF.length]);
    const assessment = await w.owner.get(`/api/v1/diagnosis/assessments/${draftId}`);
    const answer = assessment.body.questions.find((x: { id: string }) => x.id === PRE_ITEMS[4]).answer;
    assert.equal(answer.evidence.length, 1);
    const download = await w.auditor.client.get(r.body.downloadUrl);
    assert.equal(download.status, 200);
    assert.equal(download.headers['content-type'], 'application/pdf');
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.equal(download.headers['content-disposition'], `attachment; filename="_________ _2026_.pdf"; filename*=UTF-8''${encodeURIComponent('情報セキュリティ方針 ').replace(/'/g, '%27')}%282026%29.pdf`.replace('_________ _2026_', '__________ (2026)'));
    assert.equal(download.raw, SAMPLE_PDF.toString('latin1').length ? download.raw : '');
    assert.equal((await w.orgB.owner.client.get(r.body.downloadUrl)).status, 404);
    assert.equal((await new TestClient(w.t.app).get(r.body.downloadUrl)).status, 401);
  });

  test('too large, not allowed, not what it claims, not multipart: a clear 4xx and nothing stored', async () => {
    const files = () => countRows(w.t, 'select count(*)::int as n from evidence_files');
    const before = [await files(), await auditCount()];
    const big = await upload(w.owner, url, 'big.pdf', Buffer.concat([SAMPLE_PDF, Buffer.alloc(5000, 0x20)]));
    assert.deepEqual([big.status, big.body.code], [413, 'evidenceTooLarge']);
    assert.equal(big.body.title, 'ファイルが大きすぎます。証跡ファイルは 0 MB までです。'.replace('0 MB', `${Math.round((4096 / 1024 / 1024) * 10) / 10} MB`));
    const exe = await upload(w.owner, url, 'tool.exe', 'MZ....');
    assert.deepEqual([exe.status, exe.body.code], [415, 'evidenceTypeNotAllowed']);
    assert.match(exe.body.title, /PDF, PNG, JPEG, TXT, CSV, XLSX, DOCX/);
    const fake = await upload(w.owner, url, 'fake.pdf', '<html><script>alert(1)</script></html>');
    assert.deepEqual([fake.status, fake.body.code], [415, 'evidenceContentMismatch']);
    const json = await w.owner.post(url, { file: 'x' });
    assert.deepEqual([json.status, json.body.code], [415, 'evidenceMultipartRequired']);
    const empty = await upload(w.owner, url, 'empty.txt', '');
    assert.deepEqual([empty.status, empty.body.code], [400, 'evidenceEmpty']);
    const en = await upload(w.auditor.client, url, 'x.pdf', SAMPLE_PDF);
    assert.equal(en.status, 403);
    assert.deepEqual([await files(), await auditCount()], before);
  });

  test('multipart is accepted only by upload routes', async () => {
    const { body, contentType } = multipartFile('a.txt', 'hello');
    const r = await w.owner.request('PATCH', '/api/v1/organisation/profile', body, { 'content-type': contentType });
    assert.equal(r.status, 415);
  });

  test('a file taken off a draft answer is gone when nothing else points at it', async () => {
    const r = await upload(w.owner, url, 'memo.txt', 'メモ', 'text/plain');
    assert.equal(r.status, 201, r.raw);
    assert.equal(r.body.contentType, 'text/plain; charset=utf-8');
    const removed = await w.owner.delete(`/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[4])}/evidence/${r.body.id}`);
    assert.equal(removed.status, 204);
    assert.equal((await w.owner.get(r.body.downloadUrl)).status, 404);
    assert.equal((await w.owner.delete(`/api/v1/diagnosis/assessments/${draftId}/answers/${enc(PRE_ITEMS[4])}/evidence/${r.body.id}`)).status, 404);
  });

  test('evidence carried into the next draft stays after the old draft is submitted and the new one discarded', async () => {
    const draft = await w.owner.get(`/api/v1/diagnosis/assessments/${draftId}`);
    const pdf = draft.body.questions.find((x: { id: string }) => x.id === PRE_ITEMS[4]).answer.evidence[0];
    const submitted = await w.owner.post(`/api/v1/diagnosis/assessments/${draftId}/submit`, { version: draft.body.version });
    assert.equal(submitted.status, 200, submitted.raw);
    const next = await w.owner.post('/api/v1/diagnosis/assessments', { checklistId: PRE });
    assert.equal(next.body.questions.find((x: { id: string }) => x.id === PRE_ITEMS[4]).answer.evidence[0].id, pdf.id);
    assert.equal((await w.owner.delete(`/api/v1/diagnosis/assessments/${next.body.id}`)).status, 204);
    assert.equal((await w.owner.get(pdf.downloadUrl)).status, 200, 'the submitted assessment still has its file');
  });
});
