import assert from 'node:assert/strict';
import { test } from 'node:test';
import { instantFromWall, isStartOfDay, lastDayOfMonths, startOfDayIn, wallIn, weekday } from './calendar-date.ts';

test('the start of a day in a time zone, on both sides of a change of clocks', () => {
  assert.equal(startOfDayIn('Asia/Tokyo', '2026-04-01').toISOString(), '2026-03-31T15:00:00.000Z');
  assert.equal(startOfDayIn('Europe/Brussels', '2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z', 'winter time at midnight; summer from 2:00');
  assert.equal(startOfDayIn('Europe/Brussels', '2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
  assert.equal(startOfDayIn('Europe/Brussels', '2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z');
  assert.equal(startOfDayIn('America/Sao_Paulo', '2018-11-04').toISOString(), '2018-11-04T03:00:00.000Z', 'midnight skipped: the first minute of the day is 1:00');
  assert.ok(isStartOfDay('Asia/Tokyo', new Date('2026-03-31T15:00:00Z')));
  assert.ok(!isStartOfDay('Asia/Tokyo', new Date('2026-03-31T15:00:01Z')));
});

test('wall-clock times and instants, both ways', () => {
  for (const [zone, wall, iso] of [
    ['Asia/Tokyo', '2026-04-01T10:00', '2026-04-01T01:00:00.000Z'],
    ['Europe/Brussels', '2026-03-29T12:00', '2026-03-29T10:00:00.000Z'],
    ['Europe/Brussels', '2026-03-29T01:00', '2026-03-29T00:00:00.000Z'],
    ['Europe/Brussels', '2026-10-25T12:00', '2026-10-25T11:00:00.000Z'],
  ] as const) {
    assert.equal(instantFromWall(zone, wall).toISOString(), iso, `${zone} ${wall}`);
    assert.equal(wallIn(zone, new Date(iso)), wall);
  }
});

test('民法 143 month periods and weekdays', () => {
  assert.equal(lastDayOfMonths('2026-04-01', 12), '2027-03-31');
  assert.equal(lastDayOfMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(lastDayOfMonths('2028-01-31', 1), '2028-02-29');
  assert.equal(lastDayOfMonths('2026-01-15', 1), '2026-02-14');
  assert.equal(weekday('2026-12-06'), 0);
  assert.equal(weekday('2026-05-02'), 6);
});
