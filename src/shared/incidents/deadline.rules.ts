import { addDays, dateIn, isStartOfDay, type IsoDate, lastDayOfMonths, startOfDayIn, weekday } from '../platform/calendar-date.ts';

/**
 * The legal-deadline engine (PRODUCT.md capability 9; FACTS.md 1 and 2; seed
 * 004 「インシデント初動と法令通知」, corrected by FACTS.md). Every deadline is a
 * rule of the catalog (`catalog/public/notification-rules.yaml`) or one the
 * organisation adds, never a constant here: a rule applies when the
 * incident's facts meet any of its trigger conditions and none of its
 * excluding ones (an exemption such as strong encryption), and its deadline is
 * counted from the moment of awareness or from a previous report:
 *
 * - in hours: exactly that many hours later, whatever the clocks do (GDPR's
 *   72 hours across a change to summer time are 72 hours, 71 or 73 on the
 *   wall clock);
 * - in days: 民法 140, the day of awareness is not counted unless awareness
 *   came at its very start (0:00), and the period ends at the end of the last
 *   day (APPI 確報: awareness on 1 April at 10:00 → the end of 1 May);
 * - in business days: days that are not Saturdays, Sundays, national holidays
 *   or the authorities' year-end closure (12/29-1/3), the first counted as
 *   above;
 * - in months: 民法 143, to the day before the corresponding day, or the last
 *   day of a month without one (NIS2's final report one month after the
 *   notification).
 *
 * A rule with `holidayRollover` moves a last day on which the authorities are
 * closed to the next day they are open (行政機関の休日に関する法律 第2条).
 * Days are counted in the rule's time zone (Tokyo for Japanese regimes).
 */

export const PERIOD_UNITS = ['hours', 'days', 'businessDays', 'months'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

export interface DeadlineRule {
  id: string;
  regime: string;
  stage: string;
  trigger: readonly string[];
  exclude: readonly string[];
  /** Null: no period in law; the organisation sets its own target (or none). */
  period: { amount: number; unit: PeriodUnit } | null;
  countFrom: 'awareness' | 'previous-report';
  /** The report a `previous-report` rule counts from. */
  fromRule: string | null;
  timeZone: string;
  holidayRollover: boolean;
}

/** The days the authorities are closed besides weekends: national holidays and recurring closures, for the years the data covers. */
export interface HolidayCalendar {
  holidays: ReadonlySet<IsoDate>;
  /** Recurring closures as MM-DD spans (12-29 to 01-03 wraps the year). */
  closures: readonly { from: string; to: string }[];
  years: { from: number; to: number } | null;
}

function inClosure(d: IsoDate, c: { from: string; to: string }): boolean {
  const md = d.slice(5);
  return c.from <= c.to ? md >= c.from && md <= c.to : md >= c.from || md <= c.to;
}

/** A Saturday, a Sunday, a holiday or a closure day. */
export const isClosedDay = (cal: HolidayCalendar, d: IsoDate) => weekday(d) === 0 || weekday(d) === 6 || cal.holidays.has(d) || cal.closures.some((c) => inClosure(d, c));

const HOUR = 3_600_000;

export interface Due {
  at: Date;
  /** The count ran through a year the holiday data does not list: the date may be wrong. */
  beyondCalendar: boolean;
}

/** When a period that starts at `start` ends. */
export function dueFrom(rule: Pick<DeadlineRule, 'period' | 'timeZone' | 'holidayRollover'>, start: Date, cal: HolidayCalendar): Due | null {
  if (!rule.period) return null;
  const { amount, unit } = rule.period;
  if (unit === 'hours') return { at: new Date(start.getTime() + amount * HOUR), beyondCalendar: false };
  const zone = rule.timeZone;
  const startDay = dateIn(zone, start);
  // 民法 140: the first day counts only when the period begins at its very start.
  const firstCounts = isStartOfDay(zone, start);
  let last: IsoDate;
  if (unit === 'days') last = addDays(startDay, firstCounts ? amount - 1 : amount);
  else if (unit === 'months') last = lastDayOfMonths(firstCounts ? startDay : addDays(startDay, 1), amount);
  else {
    let counted = firstCounts && !isClosedDay(cal, startDay) ? 1 : 0;
    last = startDay;
    while (counted < amount) {
      last = addDays(last, 1);
      if (!isClosedDay(cal, last)) counted++;
    }
  }
  if (rule.holidayRollover) while (isClosedDay(cal, last)) last = addDays(last, 1);
  const usesCalendar = unit === 'businessDays' || rule.holidayRollover;
  const years = [Number(startDay.slice(0, 4)), Number(last.slice(0, 4))];
  const beyondCalendar = usesCalendar && (!cal.years || years.some((y) => y < cal.years!.from || y > cal.years!.to));
  return { at: startOfDayIn(zone, addDays(last, 1)), beyondCalendar };
}

export const DEADLINE_STATES = ['notApplicable', 'waiting', 'noDeadline', 'open', 'dueSoon', 'overdue', 'submitted', 'submittedLate'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export interface DeadlineView {
  ruleId: string;
  regime: string;
  stage: string;
  applies: boolean;
  /** The trigger conditions the facts meet (why it applies). */
  because: string[];
  /** The excluding conditions the facts meet (why it does not). */
  excludedBy: string[];
  /** Where the count starts; null while a rule counted from a report waits for that report's deadline. */
  startAt: Date | null;
  /** Counted from the previous report's deadline because that report is not made yet: the latest this one can be due. */
  provisional: boolean;
  dueAt: Date | null;
  beyondCalendar: boolean;
  submittedAt: Date | null;
  state: DeadlineState;
  /** Milliseconds to the deadline (negative once past); null without one or once submitted. */
  msLeft: number | null;
}

/** A deadline is flagged "due soon" within a day of it, or within the last quarter of a shorter period. */
export const warningWindowMs = (spanMs: number) => Math.min(24 * HOUR, spanMs / 4);

export interface DeadlineInput {
  conditions: ReadonlySet<string>;
  /** When the business became aware (知った時); null: no count starts. */
  awareAt: Date | null;
  /** Reports made, by rule. */
  submitted: ReadonlyMap<string, Date>;
  now: Date;
}

/** Every rule, applying or not, with its deadline and where it stands at `now`. */
export function deadlines(rules: readonly DeadlineRule[], input: DeadlineInput, cal: HolidayCalendar): DeadlineView[] {
  const views = new Map<string, DeadlineView>();
  const view = (rule: DeadlineRule): DeadlineView => {
    const known = views.get(rule.id);
    if (known) return known;
    const because = rule.trigger.filter((c) => input.conditions.has(c));
    const excludedBy = rule.exclude.filter((c) => input.conditions.has(c));
    const applies = because.length > 0 && excludedBy.length === 0;
    const submittedAt = input.submitted.get(rule.id) ?? null;
    const base = { ruleId: rule.id, regime: rule.regime, stage: rule.stage, applies, because, excludedBy, submittedAt, beyondCalendar: false, provisional: false };
    let result: DeadlineView;
    if (!applies) result = { ...base, startAt: null, dueAt: null, state: 'notApplicable', msLeft: null };
    else {
      let startAt: Date | null = null;
      let provisional = false;
      if (rule.countFrom === 'awareness') startAt = input.awareAt;
      else {
        const previous = rules.find((r) => r.id === rule.fromRule);
        const prior = previous ? view(previous) : null;
        if (prior?.submittedAt) startAt = prior.submittedAt;
        else if (prior?.dueAt) {
          startAt = prior.dueAt;
          provisional = true;
        }
      }
      const due = startAt ? dueFrom(rule, startAt, cal) : null;
      const dueAt = due?.at ?? null;
      let state: DeadlineState;
      if (submittedAt) state = dueAt && submittedAt.getTime() > dueAt.getTime() ? 'submittedLate' : 'submitted';
      else if (!rule.period) state = 'noDeadline';
      else if (!startAt || !dueAt) state = 'waiting';
      else if (input.now.getTime() > dueAt.getTime()) state = 'overdue';
      else state = dueAt.getTime() - input.now.getTime() <= warningWindowMs(dueAt.getTime() - startAt.getTime()) ? 'dueSoon' : 'open';
      const msLeft = dueAt && !submittedAt ? dueAt.getTime() - input.now.getTime() : null;
      result = { ...base, provisional, startAt, dueAt, beyondCalendar: due?.beyondCalendar ?? false, submittedAt, state, msLeft };
    }
    views.set(rule.id, result);
    return result;
  };
  return rules.map(view);
}

/** The facts of an incident the rules look at (actual or suspected, おそれ included). */
export interface IncidentFacts {
  personsAffected: number | null;
  sensitiveData: boolean;
  financialHarm: boolean;
  improperPurpose: boolean;
  stronglyEncrypted: boolean;
  euResidents: boolean;
  nis2InScope: boolean;
  /** The organisation's sector, for sector rules: `financial` meets `financial-sector`. */
  sector: string | null;
  /** Conditions of the organisation's own rules that hold. */
  otherConditions: readonly string[];
}

/** APPI's case 4: more than 1,000 persons (千人を超える), so exactly 1,000 does not. */
export const APPI_PERSONS_THRESHOLD = 1000;

/** The condition codes the facts meet, as the rules name them. */
export function conditionsOf(f: IncidentFacts): Set<string> {
  const out = new Set<string>(f.otherConditions);
  if (f.sensitiveData) out.add('sensitive-data');
  if (f.financialHarm) out.add('financial-harm');
  if (f.improperPurpose) out.add('improper-purpose');
  if (f.personsAffected !== null && f.personsAffected > APPI_PERSONS_THRESHOLD) out.add('over-1000-persons');
  if (f.stronglyEncrypted) out.add('strongly-encrypted');
  if (f.euResidents) out.add('eu-residents');
  if (f.nis2InScope) out.add('nis2-in-scope');
  if (f.sector) out.add(`${f.sector}-sector`);
  return out;
}

/** Rules as the catalog writes them (attributes of `kind: rule` items); a rule without a period has none. */
export function deadlineRulesFrom(items: readonly { id: string; attributes: Record<string, unknown> }[], defaultZone = 'Asia/Tokyo'): DeadlineRule[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null);
  return items
    .filter((i) => i.attributes.kind === 'rule')
    .map((i) => {
      const a = i.attributes;
      const [unit, amount] =
        ([['hours', int(a.deadlineHours)], ['days', int(a.deadlineDays)], ['businessDays', int(a.deadlineBusinessDays)], ['months', int(a.deadlineMonths)]] as const).find(([, n]) => n !== null) ?? [null, null];
      return {
        id: i.id,
        regime: String(a.regime ?? ''),
        stage: String(a.reportStage ?? ''),
        trigger: list(a.triggerConditions),
        exclude: list(a.excludeConditions),
        period: unit && amount !== null ? { amount, unit } : null,
        countFrom: a.countFrom === 'previous-report' ? 'previous-report' : 'awareness',
        fromRule: typeof a.fromRule === 'string' ? a.fromRule : null,
        timeZone: typeof a.timeZone === 'string' ? a.timeZone : defaultZone,
        holidayRollover: a.holidayRollover === true,
      };
    });
}

/** The holiday calendar from the catalog's holiday items (`kind: holiday` with a date, `kind: closure` with a span and the years listed). */
export function holidayCalendarFrom(items: readonly { attributes: Record<string, unknown> }[]): HolidayCalendar {
  const holidays = new Set<IsoDate>();
  const closures: { from: string; to: string }[] = [];
  let years: HolidayCalendar['years'] = null;
  for (const { attributes: a } of items) {
    if (a.kind === 'holiday' && typeof a.date === 'string') holidays.add(a.date);
    if (a.kind === 'closure' && typeof a.fromMonthDay === 'string' && typeof a.toMonthDay === 'string') closures.push({ from: a.fromMonthDay, to: a.toMonthDay });
    if (typeof a.coversYears === 'string') {
      const [from, to] = a.coversYears.split('-').map(Number);
      if (from && to) years = { from, to };
    }
  }
  return { holidays, closures, years };
}
