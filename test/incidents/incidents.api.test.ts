import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, twoOrganisationsApp } from '../assets/portfolio-fixtures.ts';
import { type TestApp, type TestMember, type TestOrganisation } from '../helpers/test-app.ts';

/**
 * Incidents over HTTP (issue 12): the record with its facts, the deadlines the
 * catalog's rules give them (recounted when the facts change), reports made
 * against a rule, the first response against 24 hours, per-field errors with
 * nothing stored, stale versions refused, and another organisation kept out.
 */

let t: TestApp;
let orgA: TestOrganisation;
let orgB: TestOrganisation;
let auditorA: TestMember;

const RULE = (local: string) => `urn:kumoji:public:notification-rules:${local}`;
const incidentCount = () => count(t, 'select count(*)::int as n from incidents');
const actionCount = () => count(t, 'select count(*)::int as n from incident_actions');
type Deadline = { ruleId: string; applies: boolean; dueAt: string | null; state: string; because: { ja: string }[]; excludedBy: { ja: string }[]; reportItems: unknown[]; submittedAt: string | null };
const deadline = (body: { deadlines: Deadline[] }, local: string) => body.deadlines.find((d) => d.ruleId === RULE(local))!;
const applying = (body: { deadlines: Deadline[] }) => body.deadlines.filter((d) => d.applies).map((d) => d.ruleId.split(':').pop());
const leak = { title: '顧客の健康診断結果の誤送信', description: '健康診断結果のPDFを別の顧客に送信した', awareAt: '2026-04-01T10:00:00+09:00', occurredAt: '2026-03-31T18:00:00+09:00', sensitiveData: true, personsAffected: 12, severity: 'high' };

before(async () => {
  ({ t, orgA, orgB, auditorA } = await twoOrganisationsApp());
});
after(() => t.close());

describe('an APPI case with sensitive data', () => {
  let id: string;
  let version: number;

  test('both PPC deadlines, counted from the day after awareness in Tokyo, with why they apply and what the report holds', async () => {
    const r = await orgA.owner.client.post('/api/v1/incidents', leak);
    assert.equal(r.status, 201, r.raw);
    ({ id, version } = r.body);
    assert.deepEqual(applying(r.body), ['appi-preliminary', 'appi-final', 'appi-notice'], 'applying first, by due time; the notice without a deadline last');
    assert.equal(deadline(r.body, 'appi-preliminary').dueAt, '2026-04-06T15:00:00.000Z', 'the end of 6 April in Tokyo');
    assert.equal(deadline(r.body, 'appi-final').dueAt, '2026-05-01T15:00:00.000Z', 'the end of 1 May in Tokyo');
    assert.equal(deadline(r.body, 'appi-final').because[0]!.ja, '要配慮個人情報を含む個人データの漏えい等(おそれを含む)');
    assert.equal(deadline(r.body, 'appi-final').reportItems.length, 9, 'FACTS.md 1: nine items');
    assert.equal(deadline(r.body, 'appi-notice').state, 'noDeadline');
    assert.equal(deadline(r.body, 'gdpr-authority').applies, false);
    assert.equal(r.body.firstResponse.targetAt, '2026-04-02T01:00:00.000Z');
    assert.equal(r.body.nextDueAt, '2026-04-06T15:00:00.000Z');
  });

  test('the facts change and the deadlines follow: improper purpose moves the 確報 to 60 days; strong encryption takes APPI away', async () => {
    const improper = await orgA.owner.client.patch(`/api/v1/incidents/${id}`, { improperPurpose: true, version });
    assert.equal(improper.status, 200, improper.raw);
    version = improper.body.version;
    assert.equal(deadline(improper.body, 'appi-final').applies, false);
    assert.equal(deadline(improper.body, 'appi-final-improper-purpose').dueAt, '2026-06-01T15:00:00.000Z', 'day 60 is Sunday 31 May: the next open day');
    const encrypted = await orgA.owner.client.patch(`/api/v1/incidents/${id}`, { stronglyEncrypted: true, euResidents: true, version });
    assert.equal(encrypted.status, 200, encrypted.raw);
    version = encrypted.body.version;
    assert.deepEqual(applying(encrypted.body), ['gdpr-authority']);
    assert.equal(deadline(encrypted.body, 'gdpr-authority').dueAt, '2026-04-04T01:00:00.000Z', '72 hours');
    const back = await orgA.owner.client.patch(`/api/v1/incidents/${id}`, { stronglyEncrypted: false, improperPurpose: false, euResidents: false, version });
    version = back.body.version;
    assert.deepEqual(applying(back.body).sort(), ['appi-final', 'appi-notice', 'appi-preliminary']);
  });

  test('a report made is recorded against its rule; the first response done phase by phase', async () => {
    const made = await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'reportSubmitted', at: '2026-04-03T15:00:00+09:00', ruleId: RULE('appi-preliminary'), text: '速報を個人情報保護委員会に提出' });
    assert.equal(made.status, 201, made.raw);
    assert.equal(deadline(made.body, 'appi-preliminary').state, 'submitted');
    assert.equal(deadline(made.body, 'appi-preliminary').submittedAt, '2026-04-03T06:00:00.000Z');
    assert.equal(made.body.nextDueAt, '2026-05-01T15:00:00.000Z', 'the 確報 is next');
    for (const [kind, at] of [['detected', '2026-04-01T10:05:00+09:00'], ['contained', '2026-04-01T13:00:00+09:00'], ['investigated', '2026-04-01T20:00:00+09:00'], ['notificationsPrepared', '2026-04-02T09:00:00+09:00']] as const) {
      const r = await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind, at });
      assert.equal(r.status, 201, r.raw);
      if (kind === 'notificationsPrepared') assert.equal(r.body.firstResponse.state, 'done');
    }
    const view = await orgA.owner.client.get(`/api/v1/incidents/${id}`);
    assert.deepEqual(view.body.actions.map((a: { kind: string }) => a.kind), ['detected', 'contained', 'investigated', 'notificationsPrepared', 'reportSubmitted']);
    const wrong = view.body.actions.find((a: { kind: string }) => a.kind === 'reportSubmitted');
    const taken = await orgA.owner.client.request('DELETE', `/api/v1/incidents/${id}/actions/${wrong.id}`);
    assert.equal(taken.status, 200, taken.raw);
    assert.equal(deadline(taken.body, 'appi-preliminary').state, 'overdue', 'its deadline passed months ago');
  });

  test('a report to a rule that does not apply, or an entry without its rule: 400, nothing stored', async () => {
    const before = await actionCount();
    const gdpr = await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'reportSubmitted', at: '2026-04-02T10:00:00+09:00', ruleId: RULE('gdpr-authority') });
    assert.equal(gdpr.status, 400, gdpr.raw);
    assert.equal(gdpr.body.errors[0].code, 'ruleDoesNotApply');
    const noRule = await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'reportSubmitted', at: '2026-04-02T10:00:00+09:00' });
    assert.equal(noRule.status, 400, noRule.raw);
    assert.equal(noRule.body.errors[0].path, 'ruleId');
    const noteWithRule = await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'note', at: '2026-04-02T10:00:00+09:00', ruleId: RULE('appi-final') });
    assert.equal(noteWithRule.status, 400, noteWithRule.raw);
    assert.equal(await actionCount(), before);
  });

  test('report drafts: suggested from the facts, saved item by item at the version read; a wrong count or a rule that does not apply is 400', async () => {
    const view = await orgA.owner.client.get(`/api/v1/incidents/${id}`);
    const final = deadline(view.body, 'appi-final') as Deadline & { draft: { answers: string[]; version: number | null; filled: number } };
    assert.equal(final.draft.version, null);
    assert.equal(final.draft.answers[0], leak.description, '概要 from what happened');
    assert.equal(final.draft.answers[2], '12', '本人の数 from the facts');
    assert.equal(final.draft.filled, 2);
    const short = await orgA.owner.client.patch(`/api/v1/incidents/${id}/report-drafts`, { ruleId: RULE('appi-final'), answers: ['概要のみ'], version: null });
    assert.equal(short.status, 400, short.raw);
    assert.equal(short.body.errors[0].code, 'answersDoNotMatchItems');
    const answers = final.draft.answers.map((a, i) => a || `事項${i + 1}`);
    const saved = await orgA.owner.client.patch(`/api/v1/incidents/${id}/report-drafts`, { ruleId: RULE('appi-final'), answers, version: null });
    assert.equal(saved.status, 200, saved.raw);
    const draft = (deadline(saved.body, 'appi-final') as typeof final).draft;
    assert.deepEqual([draft.version, draft.filled], [1, 9]);
    const again = await orgA.owner.client.patch(`/api/v1/incidents/${id}/report-drafts`, { ruleId: RULE('appi-final'), answers, version: null });
    assert.equal(again.status, 409, again.raw);
    const gdpr = await orgA.owner.client.patch(`/api/v1/incidents/${id}/report-drafts`, { ruleId: RULE('gdpr-authority'), answers: [], version: null });
    assert.equal(gdpr.status, 400, gdpr.raw);
    assert.equal(gdpr.body.errors[0].code, 'ruleDoesNotApply');
  });

  test('a stale version gets 409 and changes nothing', async () => {
    const stale = await orgA.owner.client.patch(`/api/v1/incidents/${id}`, { title: '古い版', version: version - 1 });
    assert.equal(stale.status, 409, stale.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/incidents/${id}`)).body.title, leak.title);
  });

  test('another organisation sees none of it; an auditor reads but does not write', async () => {
    assert.equal((await orgB.owner.client.get(`/api/v1/incidents/${id}`)).status, 404);
    assert.deepEqual((await orgB.owner.client.get('/api/v1/incidents')).body.items, []);
    assert.equal((await orgB.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'note', at: '2026-04-02T10:00:00+09:00' })).status, 404);
    assert.equal((await auditorA.client.get(`/api/v1/incidents/${id}`)).status, 200);
    assert.equal((await auditorA.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'note', at: '2026-04-02T10:00:00+09:00' })).status, 403);
  });
});

describe('bad input', () => {
  for (const [what, body, path, code] of [
    ['a time without its offset', { awareAt: '2026-04-01T10:00:00' }, 'awareAt', null],
    ['a year before 1900', { awareAt: '1899-12-31T10:00:00Z' }, 'awareAt', 'dateTooEarly'],
    ['happened after it became known', { occurredAt: '2026-04-02T10:00:00+09:00' }, 'occurredAt', 'occurredAfterAware'],
    ['a negative number of persons', { personsAffected: -1 }, 'personsAffected', 'tooSmallNumber'],
    ['an unknown detection category', { detectionItemId: 'urn:kumoji:seed-000:incident-detection:nothing' }, 'detectionItemId', 'catalogItemUnknown'],
  ] as const) {
    test(`${what}: a translated 400 on the field, nothing stored`, async () => {
      const before = await incidentCount();
      const r = await orgA.owner.client.post('/api/v1/incidents', { title: `Bad ${what}`, awareAt: '2026-04-01T10:00:00+09:00', ...body });
      assert.equal(r.status, 400, r.raw);
      const e = r.body.errors.find((x: { path: string }) => x.path === path);
      assert.ok(e, `${path} in ${r.raw}`);
      if (code) assert.equal(e.code, code);
      assert.ok(e.message && !e.message.includes('errors.'), e.message);
      assert.equal(await incidentCount(), before);
    });
  }

  test('a change that would make it happen after awareness is refused as the record will stand', async () => {
    const r = await orgA.owner.client.post('/api/v1/incidents', { title: '時刻の確認', awareAt: '2026-04-01T10:00:00+09:00', occurredAt: '2026-04-01T09:00:00+09:00' });
    const moved = await orgA.owner.client.patch(`/api/v1/incidents/${r.body.id}`, { awareAt: '2026-04-01T08:00:00+09:00', version: r.body.version });
    assert.equal(moved.status, 400, moved.raw);
    assert.equal(moved.body.errors[0].code, 'occurredAfterAware');
  });
});

describe('post-incident review', () => {
  test('the review is kept on the incident; each finding opens a corrective action in Plan, listed with its phase', async () => {
    const r = await orgA.owner.client.post('/api/v1/incidents', { ...leak, title: 'メール誤送信(レビュー)' });
    assert.equal(r.status, 201, r.raw);
    assert.deepEqual(r.body.findings, []);
    const reviewed = await orgA.owner.client.patch(`/api/v1/incidents/${r.body.id}`, { review: '宛先の自動補完が原因。送信前の確認がなかった。', version: r.body.version });
    assert.equal(reviewed.status, 200, reviewed.raw);
    assert.equal(reviewed.body.review, '宛先の自動補完が原因。送信前の確認がなかった。');
    const f = await orgA.owner.client.post(`/api/v1/incidents/${r.body.id}/findings`, { title: '外部宛メールの送信前確認を導入する', plan: '外部宛は送信を5分保留する', dueOn: '2026-05-31' });
    assert.equal(f.status, 201, f.raw);
    assert.equal(f.body.findings.length, 1);
    assert.equal(f.body.findings[0].phase, 'plan');
    const action = await orgA.owner.client.get(`/api/v1/corrective-actions/${f.body.findings[0].id}`);
    assert.equal(action.body.origin, 'incident');
    assert.equal(action.body.originTitle, 'メール誤送信(レビュー)');
    assert.equal(action.body.originPath, `/incidents/${r.body.id}`);
    assert.equal(action.body.plan, '外部宛は送信を5分保留する');
    const moved = await orgA.owner.client.post(`/api/v1/corrective-actions/${action.body.id}/phase`, { to: 'do', version: action.body.version });
    assert.equal(moved.status, 200, moved.raw);
    assert.equal((await orgA.owner.client.get(`/api/v1/incidents/${r.body.id}`)).body.findings[0].phase, 'do', 'the incident shows where its finding stands');
    const listed = (await orgA.owner.client.get('/api/v1/incidents')).body.items.find((i: { id: string }) => i.id === r.body.id);
    assert.equal(listed.findings.length, 1);

    const before = await count(t, 'select count(*)::int as n from corrective_actions');
    assert.equal((await auditorA.client.post(`/api/v1/incidents/${r.body.id}/findings`, { title: 'x' })).status, 403);
    assert.equal((await orgA.owner.client.post(`/api/v1/incidents/${r.body.id}/findings`, { title: '' })).status, 400);
    assert.equal((await orgB.owner.client.post(`/api/v1/incidents/${r.body.id}/findings`, { title: 'x' })).status, 404);
    assert.equal(await count(t, 'select count(*)::int as n from corrective_actions'), before, 'refused findings open nothing');
  });
});

describe('escalation to an outside expert', () => {
  test("the request goes out only with a reason, the expert, the contract checked and the facts; then through the expert's report to closed", async () => {
    const r = await orgA.owner.client.post('/api/v1/incidents', { ...leak, title: 'ランサムウェア感染(エスカレーション)', description: 'ファイルサーバーが暗号化された' });
    const id = r.body.id;
    await orgA.owner.client.post(`/api/v1/incidents/${id}/actions`, { kind: 'investigated', at: '2026-04-01T12:00:00+09:00', text: '社内ツールでは復号できない' });
    const fresh = await orgA.owner.client.get(`/api/v1/incidents/${id}/escalation`);
    assert.equal(fresh.status, 200, fresh.raw);
    const e = fresh.body;
    assert.equal(e.status, 'draft');
    assert.equal(e.version, null);
    assert.equal(e.criteria.length, 4);
    assert.deepEqual(e.contractItems.map((c: { name: { ja: string } }) => c.name.ja), ['支援枠', '作業費用', 'NDA']);
    assert.deepEqual(e.requestItems.map((c: { name: { ja: string } }) => c.name.ja), ['発生日時', '影響範囲', '初期調査結果']);
    assert.equal(e.requestItems[0].answer, '2026-03-31 18:00 (JST)', 'when it happened, in Japan');
    assert.match(e.requestItems[1].answer, /ファイルサーバー/);
    assert.equal(e.requestItems[2].answer, '社内ツールでは復号できない', 'the first investigation from the timeline');
    assert.deepEqual(e.steps.map((s: { step: number }) => s.step), [1, 2, 3, 4, 5]);
    assert.deepEqual(e.next.missing.map((m: { code: string }) => m.code), ['escalationReasonRequired', 'expertRequired', 'contractChecksRequired']);

    const body = { criteria: [e.criteria[0].itemId], otherReason: '', expert: '', contractChecks: [true, true, false], request: e.requestItems.map((i: { answer: string }) => i.answer), reportNote: '' };
    const saved = await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, version: null });
    assert.equal(saved.status, 200, saved.raw);
    assert.equal(saved.body.version, 1);
    assert.equal(saved.body.criteria[0].checked, true);
    const again = await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, version: null });
    assert.equal(again.status, 409, 'a second first save (another tab) is a conflict');
    const early = await orgA.owner.client.post(`/api/v1/incidents/${id}/escalation/status`, { to: 'requested', version: 1 });
    assert.equal(early.status, 400, early.raw);
    assert.deepEqual(early.body.errors.map((x: { code: string }) => x.code).sort(), ['contractChecksRequired', 'expertRequired']);
    const wrongLength = await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, contractChecks: [true], version: 1 });
    assert.equal(wrongLength.status, 400);
    const unknown = await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, criteria: ['urn:kumoji:seed-004:escalation:nope'], version: 1 });
    assert.equal(unknown.status, 400);

    let v = (await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, expert: '雲路セキュリティ 緊急窓口 03-0000-0000', contractChecks: [true, true, true], version: 1 })).body.version;
    const requested = await orgA.owner.client.post(`/api/v1/incidents/${id}/escalation/status`, { to: 'requested', version: v });
    assert.equal(requested.status, 200, requested.raw);
    assert.ok(requested.body.requestedAt);
    v = (await orgA.owner.client.post(`/api/v1/incidents/${id}/escalation/status`, { to: 'inProgress', version: requested.body.version })).body.version;
    const noReport = await orgA.owner.client.post(`/api/v1/incidents/${id}/escalation/status`, { to: 'reported', version: v });
    assert.deepEqual(noReport.body.errors.map((x: { code: string }) => x.code), ['expertReportRequired']);
    v = (await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, expert: '雲路セキュリティ', contractChecks: [true, true, true], reportNote: '侵入経路はVPN機器の既知の脆弱性', version: v })).body.version;
    v = (await orgA.owner.client.post(`/api/v1/incidents/${id}/escalation/status`, { to: 'reported', version: v })).body.version;
    const closed = await orgA.owner.client.post(`/api/v1/incidents/${id}/escalation/status`, { to: 'closed', version: v });
    assert.equal(closed.body.status, 'closed');
    assert.equal(closed.body.next, null);
    const late = await orgA.owner.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, version: closed.body.version });
    assert.equal(late.status, 409, 'a closed escalation no longer changes');

    assert.equal((await auditorA.client.get(`/api/v1/incidents/${id}/escalation`)).status, 200);
    assert.equal((await auditorA.client.patch(`/api/v1/incidents/${id}/escalation`, { ...body, version: closed.body.version })).status, 403);
    assert.equal((await orgB.owner.client.get(`/api/v1/incidents/${id}/escalation`)).status, 404);
  });
});

