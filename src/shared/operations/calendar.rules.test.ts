import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calendarEntries, type CalendarSources } from './calendar.rules.ts';

const sources: CalendarSources = {
  inspections: [{ id: 'i1', title: '脆弱性スキャン', nextDueOn: '2026-11-30', upcoming: ['2027-02-28', '2027-05-31'] }],
  actions: [
    { id: 'a1', title: 'VPN更新', phase: 'do', dueOn: '2026-12-10' },
    { id: 'a2', title: '完了済み', phase: 'closed', dueOn: '2026-12-11' },
    { id: 'a3', title: '期限なし', phase: 'plan', dueOn: null },
    { id: 'a4', title: '遅れている処置', phase: 'check', dueOn: '2026-12-01' },
  ],
  dated: [
    { kind: 'contractNotice', date: '2027-01-31', title: '基幹システム保守契約', detail: null, path: '/providers/contracts/c1' },
    { kind: 'contractNotice', date: '2026-11-01', title: '過ぎた通知期限', detail: null, path: '/providers/contracts/c2' },
    { kind: 'certificationExpiry', date: '2026-11-15', title: '雲路クラウド', detail: 'ISO/IEC 27001', path: '/providers/p1' },
    { kind: 'reevaluation', date: '2027-06-01', title: '雲路クラウド', detail: null, path: '/providers/p1/evaluation' },
    { kind: 'documentReview', date: '2026-11-20', title: '情報セキュリティ基本方針', detail: null, path: '/governance/documents/d1' },
    { kind: 'documentReview', date: '2027-01-15', title: 'クラウド資産目録', detail: null, path: '/governance/documents/d2' },
  ],
};

test('the span from today: open actions with a due date, every inspection date, provider and contract dates, document reviews (an overdue one stays)', () => {
  const entries = calendarEntries(sources, '2026-12-06', 90);
  assert.deepEqual(
    entries.map((e) => `${e.date} ${e.kind} ${e.title}${e.overdue ? ' (overdue)' : ''}`),
    [
      '2026-11-15 certificationExpiry 雲路クラウド (overdue)',
      '2026-11-20 documentReview 情報セキュリティ基本方針 (overdue)',
      '2026-11-30 inspection 脆弱性スキャン (overdue)',
      '2026-12-01 correctiveAction 遅れている処置 (overdue)',
      '2026-12-10 correctiveAction VPN更新',
      '2027-01-15 documentReview クラウド資産目録',
      '2027-01-31 contractNotice 基幹システム保守契約',
      '2027-02-28 inspection 脆弱性スキャン',
    ],
  );
  assert.equal(entries.find((e) => e.kind === 'correctiveAction')!.path, '/corrective-actions/a4');
});

test('the last day of the span is in, the day after is not; today is not overdue', () => {
  assert.ok(calendarEntries(sources, '2026-12-06', 84).some((e) => e.date === '2027-02-28'), '84 days from 6 December is 28 February');
  assert.ok(!calendarEntries(sources, '2026-12-06', 83).some((e) => e.date === '2027-02-28'));
  const onTheDay = calendarEntries(sources, '2026-12-10', 0).find((e) => e.title === 'VPN更新')!;
  assert.equal(onTheDay.overdue, false);
});
