import type { FIT_REQUIREMENTS, FIT_STATES, JUDGED_REQUIREMENTS } from '../../shared/providers/requirements.schema.ts';
import { availabilityFor, slaFindings, type SlaFinding, type SlaPeriod } from '../../shared/providers/sla.rules.ts';

/**
 * The requirements-to-provider fit (seed 000 III.6.2: which providers meet
 * what the selected workload needs). Each requirement is compared with what
 * the provider offers:
 *   - service type, data kept in Japan and an ISMAP registration are musts:
 *     a provider without them is knocked out;
 *   - availability and recovery time are met or not (a gap) against the
 *     provider's SLA, or unknown while the provider's figure is not recorded;
 *     the availability needed is the stricter of the stated availability and
 *     the downtime limit (FACTS.md 5);
 *   - support: 出来るだけ欲しい needs extended or round-the-clock support,
 *     "some" needs business hours; less is a partial fit or a gap;
 *   - migration, interfaces and terminals are judged by people per provider.
 * A requirement the profile leaves open is not required. The score counts a
 * fit 1 and a partial fit a half over the requirements that apply; a
 * provider with a knock-out is not eligible whatever its score.
 */

type Key = (typeof FIT_REQUIREMENTS)[number];
type State = (typeof FIT_STATES)[number];
type Judged = (typeof JUDGED_REQUIREMENTS)[number];

export interface Profile {
  serviceType: string | null;
  dataInJapan: boolean;
  ismapRequired: 'none' | 'ismap_liu' | 'ismap';
  availabilityPercent: number | null;
  maxDowntimeHours: number | null;
  downtimePeriod: SlaPeriod;
  recoveryHours: number | null;
  serviceHoursPerDay: number;
  serviceDaysPerYear: number;
  support: 'none' | 'some' | 'most';
  judgements: readonly { providerId: string; key: Judged; fit: 'fits' | 'partial' | 'gap'; note: string }[];
  /** Whether the profile says anything on these (a judged requirement with nothing said is not required). */
  migrationStated: boolean;
  interfacesStated: boolean;
  terminalsStated: boolean;
}

export interface Offer {
  id: string;
  serviceTypes: readonly string[];
  dataLocations: readonly { country: string }[];
  ismap: 'none' | 'ismap' | 'ismap_liu';
  slaAvailabilityPercent: number | null;
  recoveryTimeHours: number | null;
  supportHours: 'none' | 'business' | 'extended' | 'always';
}

export interface Cell {
  key: Key;
  state: State;
  required: string | null;
  offered: string | null;
  note: string;
}

const cell = (key: Key, state: State, required: string | null = null, offered: string | null = null, note = ''): Cell => ({ key, state, required, offered, note });

/** The availability a profile needs: the stricter of its availability and its downtime limit; null when it states neither. */
export function requiredAvailability(p: Pick<Profile, 'availabilityPercent' | 'maxDowntimeHours' | 'downtimePeriod' | 'serviceHoursPerDay' | 'serviceDaysPerYear'>): number | null {
  const hours = { hoursPerDay: p.serviceHoursPerDay, daysPerYear: p.serviceDaysPerYear };
  const fromDowntime = p.maxDowntimeHours === null ? null : availabilityFor(p.maxDowntimeHours, p.downtimePeriod, hours);
  const xs = [p.availabilityPercent, fromDowntime].filter((x): x is number => x !== null);
  return xs.length ? Math.max(...xs) : null;
}

export function profileFindings(p: Profile): SlaFinding[] {
  return slaFindings({
    availabilityPercent: p.availabilityPercent,
    maxDowntimeHours: p.maxDowntimeHours,
    period: p.downtimePeriod,
    recoveryHours: p.recoveryHours,
    serviceHours: { hoursPerDay: p.serviceHoursPerDay, daysPerYear: p.serviceDaysPerYear },
  });
}

const SUPPORT_RANK = { none: 0, business: 1, extended: 2, always: 3 } as const;
const SUPPORT_NEEDED = { none: 0, some: 1, most: 2 } as const;
const round3 = (x: number) => String(Math.round(x * 1000) / 1000);

export function fitCells(p: Profile, o: Offer): Cell[] {
  const cells: Cell[] = [];
  cells.push(p.serviceType === null ? cell('serviceType', 'notRequired') : cell('serviceType', o.serviceTypes.includes(p.serviceType) ? 'fits' : 'knockOut', p.serviceType, o.serviceTypes.join(',')));
  const countries = [...new Set(o.dataLocations.map((l) => l.country))];
  cells.push(!p.dataInJapan ? cell('dataLocation', 'notRequired') : cell('dataLocation', countries.includes('JP') ? 'fits' : countries.length ? 'knockOut' : 'unknown', 'JP', countries.join(',') || null));
  if (p.ismapRequired === 'none') cells.push(cell('ismap', 'notRequired'));
  else {
    // An ISMAP registration meets an ISMAP-LIU requirement; ISMAP-LIU does not meet ISMAP.
    const meets = o.ismap === 'ismap' || (o.ismap === 'ismap_liu' && p.ismapRequired === 'ismap_liu');
    cells.push(cell('ismap', meets ? 'fits' : 'knockOut', p.ismapRequired, o.ismap));
  }
  const needed = requiredAvailability(p);
  if (needed === null) cells.push(cell('availability', 'notRequired'));
  else if (o.slaAvailabilityPercent === null) cells.push(cell('availability', 'unknown', round3(needed)));
  else cells.push(cell('availability', o.slaAvailabilityPercent + 1e-9 >= needed ? 'fits' : 'gap', round3(needed), String(o.slaAvailabilityPercent)));
  if (p.recoveryHours === null) cells.push(cell('recovery', 'notRequired'));
  else if (o.recoveryTimeHours === null) cells.push(cell('recovery', 'unknown', String(p.recoveryHours)));
  else cells.push(cell('recovery', o.recoveryTimeHours <= p.recoveryHours ? 'fits' : 'gap', String(p.recoveryHours), String(o.recoveryTimeHours)));
  const need = SUPPORT_NEEDED[p.support];
  const have = SUPPORT_RANK[o.supportHours];
  cells.push(need === 0 ? cell('support', 'notRequired') : cell('support', have >= need ? 'fits' : have === need - 1 && have > 0 ? 'partial' : 'gap', p.support, o.supportHours));
  const stated: Record<Judged, boolean> = { migration: p.migrationStated, interfaces: p.interfacesStated, terminals: p.terminalsStated };
  for (const key of ['migration', 'interfaces', 'terminals'] as const) {
    if (!stated[key]) {
      cells.push(cell(key, 'notRequired'));
      continue;
    }
    const j = p.judgements.find((x) => x.providerId === o.id && x.key === key);
    cells.push(cell(key, j ? j.fit : 'unknown', null, null, j?.note ?? ''));
  }
  return cells;
}

export interface FitTotals {
  fits: number;
  partial: number;
  gaps: number;
  unknown: number;
  knockOuts: number;
  score: number | null;
  eligible: boolean;
}

export function fitTotals(cells: readonly Cell[]): FitTotals {
  const count = (s: State) => cells.filter((c) => c.state === s).length;
  const fits = count('fits');
  const partial = count('partial');
  const gaps = count('gap');
  const unknown = count('unknown');
  const knockOuts = count('knockOut');
  const applicable = fits + partial + gaps + unknown + knockOuts;
  return { fits, partial, gaps, unknown, knockOuts, score: applicable ? Math.round(((fits + partial / 2) / applicable) * 1000) / 10 : null, eligible: knockOuts === 0 };
}
