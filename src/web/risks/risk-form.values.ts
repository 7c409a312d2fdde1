import type { TCreateRiskRequest } from '../../shared/risks/risk.schema.ts';
import type { TRisk } from './risk.query.ts';

/** The risk form's values, and how they map from and to the API (amounts in yen, frequency in events a year). */

interface Estimate {
  annualFrequency: number | string;
  lowYen: number | string;
  highYen: number | string;
}

export interface Values {
  title: string;
  description: string;
  threatItemId: string;
  threatText: string;
  bearer: string;
  inherent: Estimate;
  hasTreated: boolean;
  treated: Estimate;
  treatment: string;
  plannedControls: string;
  insurancePolicyId: string;
  sublimitYen: number | string;
  ownerUserId: string;
  status: string;
}

const NO_ESTIMATE: Estimate = { annualFrequency: '', lowYen: '', highYen: '' };

export const EMPTY: Values = {
  title: '',
  description: '',
  threatItemId: '',
  threatText: '',
  bearer: 'user',
  inherent: NO_ESTIMATE,
  hasTreated: false,
  treated: NO_ESTIMATE,
  treatment: 'none',
  plannedControls: '',
  insurancePolicyId: '',
  sublimitYen: '',
  ownerUserId: '',
  status: 'open',
};

export const valuesOf = (r: TRisk): Values => ({
  title: r.title,
  description: r.description,
  threatItemId: r.threatItemId ?? '',
  threatText: r.threatText,
  bearer: r.bearer,
  inherent: r.inherent,
  hasTreated: r.treated !== null,
  treated: r.treated ?? NO_ESTIMATE,
  treatment: r.treatment,
  plannedControls: r.plannedControls,
  insurancePolicyId: r.insurancePolicyId ?? '',
  sublimitYen: r.sublimitYen ?? '',
  ownerUserId: r.ownerUserId ?? '',
  status: r.status,
});

// An empty field is sent as NaN-free undefined → the server's "required" names it.
const num = (v: number | string) => (v === '' ? (undefined as unknown as number) : Number(v));
const estimate = (e: Estimate) => ({ annualFrequency: num(e.annualFrequency), lowYen: num(e.lowYen), highYen: num(e.highYen) });

/** The request body: every field of the form, empty choices as null. */
export function bodyOf(v: Values): TCreateRiskRequest {
  return {
    title: v.title.trim(),
    description: v.description.trim(),
    threatItemId: v.threatItemId || null,
    threatText: v.threatText.trim(),
    bearer: v.bearer as TCreateRiskRequest['bearer'],
    inherent: estimate(v.inherent),
    treated: v.hasTreated ? estimate(v.treated) : null,
    treatment: v.treatment as TCreateRiskRequest['treatment'],
    plannedControls: v.plannedControls.trim(),
    insurancePolicyId: v.insurancePolicyId || null,
    sublimitYen: v.sublimitYen === '' ? null : Number(v.sublimitYen),
    ownerUserId: v.ownerUserId || null,
    status: v.status as TCreateRiskRequest['status'],
  };
}
