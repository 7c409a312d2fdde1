/**
 * Availability arithmetic (FACTS.md 5; seed 000 III.6.2): allowed downtime =
 * (1 − availability) × period, both ways, and serial and parallel
 * combinations of services. A period is a year (365 days) or a month (a
 * twelfth of it, 730 hours, so a month and a year agree), of round-the-clock
 * service or of the service hours the organisation runs (8:00–19:00 on 359
 * days …) when availability is measured only then.
 *
 * The checks say where requirements contradict each other, with the
 * arithmetic: the study pairs 稼働率 99.7 % with 年間停止 0.5 日以内, but 99.7 %
 * allows 26.28 hours a year and half a day needs at least 99.863 %; and a
 * recovery time longer than the downtime allowed means one failure breaks
 * the availability.
 */

export const SLA_PERIODS = ['month', 'year'] as const;
export type SlaPeriod = (typeof SLA_PERIODS)[number];

export interface ServiceHours {
  hoursPerDay: number;
  daysPerYear: number;
}
export const ROUND_THE_CLOCK: ServiceHours = { hoursPerDay: 24, daysPerYear: 365 };

export function periodHours(period: SlaPeriod, hours: ServiceHours = ROUND_THE_CLOCK): number {
  const year = hours.hoursPerDay * hours.daysPerYear;
  return period === 'year' ? year : year / 12;
}

/** Hours of downtime a period allows at `availabilityPercent`. */
export const allowedDowntimeHours = (availabilityPercent: number, period: SlaPeriod, hours?: ServiceHours) => ((100 - availabilityPercent) / 100) * periodHours(period, hours);

/** The availability (%) that `downtimeHours` a period leaves; null when the downtime exceeds the period. */
export function availabilityFor(downtimeHours: number, period: SlaPeriod, hours?: ServiceHours): number | null {
  const total = periodHours(period, hours);
  if (downtimeHours < 0 || downtimeHours > total) return null;
  return (1 - downtimeHours / total) * 100;
}

/** Services that all must run (a chain): availabilities multiply. */
export const serialAvailability = (percents: readonly number[]) => percents.reduce((a, p) => (a * p) / 100, 100);

/** Redundant services of which one suffices: unavailabilities multiply. */
export const parallelAvailability = (percents: readonly number[]) => 100 - percents.reduce((u, p) => (u * (100 - p)) / 100, 100);

export interface SlaRequirements {
  availabilityPercent: number | null;
  /** The longest downtime allowed a period, in hours (half a day = 12). */
  maxDowntimeHours: number | null;
  period: SlaPeriod;
  /** The longest one failure may last (障害は半日以内に回復 = 12). */
  recoveryHours: number | null;
  serviceHours?: ServiceHours;
}

export type SlaFinding =
  | {
      /** The downtime limit is stricter than the availability: the availability must rise to `requiredPercent`. */
      code: 'downtimeNeedsHigherAvailability' | 'availabilityStricterThanDowntime';
      availabilityPercent: number;
      allowedHours: number;
      statedHours: number;
      requiredPercent: number;
      period: SlaPeriod;
    }
  | {
      /** One failure lasting the recovery time already exceeds the downtime allowed. */
      code: 'recoveryExceedsDowntime';
      recoveryHours: number;
      allowedHours: number;
      period: SlaPeriod;
    };

/** Differences below a minute a year are rounding, not a contradiction. */
const SAME_HOURS = 1 / 60;

export function slaFindings(r: SlaRequirements): SlaFinding[] {
  const findings: SlaFinding[] = [];
  const fromAvailability = r.availabilityPercent === null ? null : allowedDowntimeHours(r.availabilityPercent, r.period, r.serviceHours);
  if (fromAvailability !== null && r.maxDowntimeHours !== null && Math.abs(fromAvailability - r.maxDowntimeHours) > SAME_HOURS) {
    const required = availabilityFor(r.maxDowntimeHours, r.period, r.serviceHours) ?? 0;
    findings.push({
      code: fromAvailability > r.maxDowntimeHours ? 'downtimeNeedsHigherAvailability' : 'availabilityStricterThanDowntime',
      availabilityPercent: r.availabilityPercent!,
      allowedHours: fromAvailability,
      statedHours: r.maxDowntimeHours,
      requiredPercent: required,
      period: r.period,
    });
  }
  const limits = [fromAvailability, r.maxDowntimeHours].filter((h): h is number => h !== null);
  if (r.recoveryHours !== null && limits.length) {
    const allowed = Math.min(...limits);
    if (r.recoveryHours > allowed + SAME_HOURS) findings.push({ code: 'recoveryExceedsDowntime', recoveryHours: r.recoveryHours, allowedHours: allowed, period: r.period });
  }
  return findings;
}
