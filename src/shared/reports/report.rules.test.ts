import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changesBetween, deadlinesDue, FIGURE_KEYS, inspectionCompliance, type Figures } from './report.rules.ts';
import type { TDeadlineItem } from './overview.schema.ts';

describe('inspection compliance over the last twelve months', () => {
  const today = '2026-04-02';
  test('a round done by its due day is on time; one done late is due and not on time', () => {
    const r = inspectionCompliance(
      [
        { standing: 'upcoming', completions: [{ dueOn: '2026-03-31', doneOn: '2026-03-31' }, { dueOn: '2026-02-28', doneOn: '2026-03-02' }] },
        { standing: 'dueSoon', completions: [{ dueOn: '2026-01-31', doneOn: '2026-01-10' }] },
      ],
      today,
    );
    assert.deepEqual(r, { inspections: 2, dueSoon: 1, overdue: 0, roundsDue: 3, roundsOnTime: 2, onTimePercent: 66, since: '2025-04-02' });
  });
  test('a round overdue now counts as due, so skipping one lowers the rate', () => {
    const r = inspectionCompliance([{ standing: 'overdue', completions: [{ dueOn: '2026-03-01', doneOn: '2026-03-01' }] }], today);
    assert.deepEqual([r.roundsDue, r.roundsOnTime, r.onTimePercent, r.overdue], [2, 1, 50, 1]);
  });
  test('rounds due more than a year ago are left out; nothing due gives no rate', () => {
    const r = inspectionCompliance([{ standing: 'upcoming', completions: [{ dueOn: '2025-04-02', doneOn: '2025-04-30' }] }], today);
    assert.deepEqual([r.roundsDue, r.onTimePercent], [0, null]);
  });
});

describe('deadlines of every module', () => {
  const item = (over: Partial<TDeadlineItem>): TDeadlineItem => ({ kind: 'inspection', date: '2026-04-10', dueAt: null, title: 'x', detail: null, name: null, path: '/', overdue: false, ...over });
  test('overdue first, then by day and instant; due soon is within a week', () => {
    const d = deadlinesDue([item({ title: 'later', date: '2026-04-20' }), item({ title: 'notice', kind: 'incidentNotice', date: '2026-04-06', dueAt: '2026-04-06T14:59:59.999Z' }), item({ title: 'late', date: '2026-03-01', overdue: true }), item({ title: 'soon', date: '2026-04-06' })], '2026-04-02');
    assert.deepEqual(d.items.map((i) => i.title), ['late', 'soon', 'notice', 'later']);
    assert.deepEqual([d.overdue, d.dueSoon], [1, 2]);
  });
});

describe('what changed since the previous report', () => {
  const figures = (over: Partial<Figures>): Figures => ({ ...(Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Figures), ...over });
  test('only the figures that moved, in their fixed order; a first report has none', () => {
    assert.deepEqual(changesBetween(null, figures({})), []);
    assert.deepEqual(changesBetween(figures({ stage: '1', risks: 3 }), figures({ stage: '2', risks: 3, actionsOpen: 2 })), [
      { figure: 'stage', before: '1', after: '2' },
      { figure: 'actionsOpen', before: 0, after: 2 },
    ]);
  });
  test('a figure a previous report did not have reads as unknown before', () => {
    const { costVarianceYen: _, ...older } = figures({});
    assert.deepEqual(changesBetween(older, figures({ costVarianceYen: -60_000 })), [{ figure: 'costVarianceYen', before: null, after: -60_000 }]);
  });
});
