import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { conditionsOf, deadlineRulesFrom, deadlines, dueFrom, holidayCalendarFrom, type IncidentFacts, isClosedDay, type DeadlineRule } from './deadline.rules.ts';

// The shipped rules and holidays, as the catalog holds them: the tests read the data the product counts with.
const catalog = (file: string) => parse(readFileSync(new URL(`../../../catalog/public/${file}.yaml`, import.meta.url), 'utf8')) as { items: { id: string; attributes: Record<string, unknown> }[] };
const RULES = deadlineRulesFrom(catalog('notification-rules').items);
const CAL = holidayCalendarFrom(catalog('jp-holidays').items);
const rule = (local: string): DeadlineRule => RULES.find((r) => r.id === `urn:kumoji:public:notification-rules:${local}`)!;

const NONE: IncidentFacts = { personsAffected: null, sensitiveData: false, financialHarm: false, improperPurpose: false, stronglyEncrypted: false, euResidents: false, nis2InScope: false, sector: null, otherConditions: [] };
/** A Tokyo wall-clock time as an instant. */
const jst = (s: string) => new Date(`${s}+09:00`);
const due = (local: string, start: Date) => dueFrom(rule(local), start, CAL)!.at;
/** The end of a Tokyo day: 24:00 there, as an instant. */
const endOfJstDay = (d: string) => new Date(new Date(`${d}T00:00:00+09:00`).getTime() + 86_400_000);
const byRule = (facts: Partial<IncidentFacts>, awareAt: Date, now = awareAt, submitted = new Map<string, Date>()) =>
  new Map(deadlines(RULES, { conditions: conditionsOf({ ...NONE, ...facts }), awareAt, submitted, now }, CAL).map((d) => [d.ruleId.split(':').pop()!, d]));

describe('which rules apply (FACTS.md 1 and 2)', () => {
  test('sensitive data from a single person: 速報 and the 30-day 確報, the notice to persons; no GDPR, no NIS2', () => {
    const d = byRule({ sensitiveData: true, personsAffected: 1 }, jst('2026-04-01T10:00:00'));
    assert.deepEqual([...d].filter(([, v]) => v.applies).map(([k]) => k), ['appi-preliminary', 'appi-final', 'appi-notice']);
    assert.deepEqual(d.get('appi-final')!.because, ['sensitive-data']);
  });
  test('improper purpose: the 60-day 確報 instead of the 30-day one', () => {
    const d = byRule({ improperPurpose: true }, jst('2026-04-01T10:00:00'));
    assert.equal(d.get('appi-final')!.applies, false);
    assert.deepEqual(d.get('appi-final')!.excludedBy, ['improper-purpose']);
    assert.equal(d.get('appi-final-improper-purpose')!.applies, true);
  });
  test('persons affected: 1,000 is not "more than 1,000"; 1,001 is', () => {
    assert.equal(byRule({ personsAffected: 1000 }, jst('2026-04-01T10:00:00')).get('appi-final')!.applies, false);
    assert.equal(byRule({ personsAffected: 1001 }, jst('2026-04-01T10:00:00')).get('appi-final')!.applies, true);
  });
  test('strong encryption exempts APPI but not GDPR', () => {
    const d = byRule({ sensitiveData: true, stronglyEncrypted: true, euResidents: true }, jst('2026-04-01T10:00:00'));
    for (const k of ['appi-preliminary', 'appi-final', 'appi-notice']) assert.deepEqual(d.get(k)!.excludedBy, ['strongly-encrypted'], k);
    assert.equal(d.get('gdpr-authority')!.applies, true);
  });
  test('FSA rules follow the financial sector and have deadlines the organisation sets', () => {
    const d = byRule({ sector: 'financial' }, jst('2026-04-01T10:00:00'));
    assert.equal(d.get('fsa-first-report')!.applies, true);
    assert.equal(d.get('fsa-first-report')!.state, 'noDeadline');
  });
});

describe('APPI deadlines counted in Tokyo days (民法 140, 行政機関の休日に関する法律 第2条)', () => {
  test('awareness at 10:00 on 1 April: 速報 by the end of 6 April (5 days), 確報 by the end of 1 May (30 days)', () => {
    assert.deepEqual(due('appi-preliminary', jst('2026-04-01T10:00:00')), endOfJstDay('2026-04-06'));
    assert.deepEqual(due('appi-final', jst('2026-04-01T10:00:00')), endOfJstDay('2026-05-01'));
  });
  test('across midnight in Tokyo: 23:59 and 0:00 the next day end alike; one second later the day is not counted and Golden Week moves the 確報 to 7 May', () => {
    assert.deepEqual(due('appi-final', jst('2026-04-01T23:59:59')), endOfJstDay('2026-05-01'));
    assert.deepEqual(due('appi-final', jst('2026-04-02T00:00:00')), endOfJstDay('2026-05-01'), 'at 0:00 the first day counts');
    // 2 May is a Saturday, 3-6 May are holidays (5/6 振替休日).
    assert.deepEqual(due('appi-final', jst('2026-04-02T00:00:01')), endOfJstDay('2026-05-07'));
  });
  test('the day is Tokyo’s, not UTC’s: 15:30 UTC on 1 April is 2 April in Tokyo', () => {
    assert.deepEqual(due('appi-final', new Date('2026-04-01T15:30:00Z')), endOfJstDay('2026-05-07'));
    assert.deepEqual(due('appi-final', new Date('2026-04-01T14:59:59Z')), endOfJstDay('2026-05-01'));
  });
  test('a last day on a Saturday moves to Monday; on 海の日 to the Tuesday; in the year-end closure to 4 January', () => {
    assert.deepEqual(due('appi-final', jst('2026-06-04T09:00:00')), endOfJstDay('2026-07-06'), '4 July 2026 is a Saturday');
    assert.deepEqual(due('appi-final', jst('2026-06-20T09:00:00')), endOfJstDay('2026-07-21'), '20 July 2026 is 海の日');
    assert.deepEqual(due('appi-final', jst('2026-11-29T09:00:00')), endOfJstDay('2027-01-04'), '29 December to 3 January are closed');
  });
  test('the 60-day 確報 and a 速報 that is a guideline (no move past closed days)', () => {
    assert.deepEqual(due('appi-final-improper-purpose', jst('2026-04-01T10:00:00')), endOfJstDay('2026-06-01'), 'day 60 is Sunday 31 May');
    assert.deepEqual(due('appi-preliminary', jst('2026-05-01T10:00:00')), endOfJstDay('2026-05-06'), 'the 速報 keeps its day in Golden Week');
  });
  test('a count into a year the holiday data does not list is flagged', () => {
    assert.equal(dueFrom(rule('appi-final'), jst('2027-12-10T10:00:00'), CAL)!.beyondCalendar, true);
    assert.equal(dueFrom(rule('appi-final'), jst('2026-12-10T10:00:00'), CAL)!.beyondCalendar, false);
    assert.equal(dueFrom(rule('gdpr-authority'), jst('2030-01-01T10:00:00'), CAL)!.beyondCalendar, false, 'hours need no calendar');
  });
});

describe('EU deadlines in hours and months', () => {
  test('GDPR 72 hours across the change to summer time: 72 elapsed hours, 73 on the Brussels wall clock', () => {
    const aware = new Date('2026-03-27T12:00:00Z');
    const at = due('gdpr-authority', aware);
    assert.equal(at.getTime() - aware.getTime(), 72 * 3_600_000);
    const wall = (d: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', day: '2-digit' }).format(d);
    assert.equal(wall(aware), '27, 13:00');
    assert.equal(wall(at), '30, 14:00');
  });
  test('NIS2: 24 h and 72 h from awareness; the final report one month after the notification was made, or provisionally after its deadline', () => {
    const aware = new Date('2026-01-27T10:00:00Z');
    const open = byRule({ nis2InScope: true }, aware, new Date('2026-01-27T11:00:00Z'));
    assert.deepEqual(open.get('nis2-early-warning')!.dueAt, new Date('2026-01-28T10:00:00Z'));
    assert.deepEqual(open.get('nis2-notification')!.dueAt, new Date('2026-01-30T10:00:00Z'));
    const provisional = open.get('nis2-final-report')!;
    assert.equal(provisional.provisional, true);
    // From 30 January 11:00 in Brussels: the first day is 31 January, February has no 31st, so the month ends with 28 February.
    assert.deepEqual(provisional.dueAt, new Date('2026-02-28T23:00:00Z'));
    const made = byRule({ nis2InScope: true }, aware, new Date('2026-02-02T00:00:00Z'), new Map([['urn:kumoji:public:notification-rules:nis2-notification', new Date('2026-01-29T09:00:00Z')]]));
    const final = made.get('nis2-final-report')!;
    assert.equal(final.provisional, false);
    assert.deepEqual(final.startAt, new Date('2026-01-29T09:00:00Z'));
    assert.deepEqual(final.dueAt, new Date('2026-02-28T23:00:00Z'), 'from 30 January (the day after): February has no 30th, so it ends with 28 February');
    assert.equal(made.get('nis2-notification')!.state, 'submitted');
    assert.equal(made.get('nis2-early-warning')!.state, 'overdue');
  });
});

describe('where a deadline stands', () => {
  const aware = jst('2026-04-01T10:00:00');
  const at = (now: string, submitted?: [string, string]) => byRule({ euResidents: true }, aware, new Date(now), new Map(submitted ? [[`urn:kumoji:public:notification-rules:${submitted[0]}`, new Date(submitted[1])]] : []))!.get('gdpr-authority')!;
  test('open, due soon (the last day, or the last quarter of a shorter period), overdue; made in time or late', () => {
    assert.equal(at('2026-04-02T01:00:00Z').state, 'open');
    // 72 hours: flagged in the last quarter, 18 hours.
    assert.equal(at('2026-04-03T06:59:59Z').state, 'open');
    assert.equal(at('2026-04-03T07:00:00Z').msLeft, 18 * 3_600_000);
    assert.equal(at('2026-04-03T07:00:00Z').state, 'dueSoon');
    assert.equal(at('2026-04-04T01:00:01Z').state, 'overdue');
    assert.ok(at('2026-04-04T01:00:01Z').msLeft! < 0);
    assert.equal(at('2026-04-05T00:00:00Z', ['gdpr-authority', '2026-04-03T00:00:00Z']).state, 'submitted');
    assert.equal(at('2026-04-05T00:00:00Z', ['gdpr-authority', '2026-04-04T02:00:00Z']).state, 'submittedLate');
  });
  test('a rule that does not apply has no deadline; one without awareness yet waits', () => {
    const d = deadlines(RULES, { conditions: new Set(['eu-residents']), awareAt: null, submitted: new Map(), now: aware }, CAL);
    assert.equal(d.find((x) => x.ruleId.endsWith('gdpr-authority'))!.state, 'waiting');
    assert.equal(d.find((x) => x.ruleId.endsWith('appi-final'))!.state, 'notApplicable');
  });
});

describe('business days and the calendar', () => {
  const own: DeadlineRule = { id: 'own', regime: 'own', stage: 'first', trigger: ['x'], exclude: [], period: { amount: 3, unit: 'businessDays' }, countFrom: 'awareness', fromRule: null, timeZone: 'Asia/Tokyo', holidayRollover: false };
  test('3 business days from Friday 1 May 2026: Golden Week and the weekend are skipped, so the end of Monday 11 May', () => {
    assert.deepEqual(dueFrom(own, jst('2026-05-01T10:00:00'), CAL)!.at, endOfJstDay('2026-05-11'));
  });
  test('from 0:00 on a business day that day counts; from 0:00 on a holiday it does not', () => {
    assert.deepEqual(dueFrom(own, jst('2026-05-07T00:00:00'), CAL)!.at, endOfJstDay('2026-05-11'));
    assert.deepEqual(dueFrom(own, jst('2026-05-06T00:00:00'), CAL)!.at, endOfJstDay('2026-05-11'));
  });
  test('closed days: weekends, holidays, 国民の休日 and the year-end span across the new year', () => {
    for (const d of ['2026-05-02', '2026-05-03', '2026-05-06', '2026-09-22', '2026-12-29', '2026-12-31', '2027-01-03']) assert.ok(isClosedDay(CAL, d), d);
    for (const d of ['2026-05-07', '2026-12-28', '2027-01-04', '2026-09-24']) assert.ok(!isClosedDay(CAL, d), d);
  });
  test('an organisation rule in calendar days spanning more than one day', () => {
    const twoDays: DeadlineRule = { ...own, period: { amount: 2, unit: 'days' } };
    assert.deepEqual(dueFrom(twoDays, jst('2026-05-01T23:00:00'), CAL)!.at, endOfJstDay('2026-05-03'));
    const hours: DeadlineRule = { ...own, period: { amount: 36, unit: 'hours' } };
    assert.deepEqual(dueFrom(hours, jst('2026-05-01T23:00:00'), CAL)!.at, jst('2026-05-03T11:00:00'));
  });
});
