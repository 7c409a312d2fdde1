import { MOTIVES, STAGE_X_KINDS } from '../../shared/schemas/workload.schema.ts';
import type { TWorkload } from './workload.query.ts';

/** The workload form's values, and how they map from and to the API. */

export type Tolerance = 'yes' | 'no' | 'unanswered';

export interface Values {
  name: string;
  description: string;
  motives: string[];
  categoryId: string;
  impactIds: string[];
  assetIds: string[];
  advantageThemeId: string;
  pastPriority: string;
  futurePriority: string;
  riskTolerable: Tolerance;
  coreBusiness: boolean;
  stageXKinds: string[];
  stageXPlan: string;
}

export const EMPTY: Values = {
  name: '',
  description: '',
  motives: [],
  categoryId: '',
  impactIds: [],
  assetIds: [],
  advantageThemeId: '',
  pastPriority: '',
  futurePriority: '',
  riskTolerable: 'unanswered',
  coreBusiness: false,
  stageXKinds: [],
  stageXPlan: '',
};

export const valuesOf = (w: TWorkload): Values => ({
  name: w.name,
  description: w.description,
  motives: w.motives,
  categoryId: w.categoryId ?? '',
  impactIds: w.impactIds,
  assetIds: w.assets.map((a) => a.id),
  advantageThemeId: w.advantageThemeId ?? '',
  pastPriority: w.pastPriority ?? '',
  futurePriority: w.futurePriority ?? '',
  riskTolerable: w.riskTolerable === null ? 'unanswered' : w.riskTolerable ? 'yes' : 'no',
  coreBusiness: w.coreBusiness,
  stageXKinds: w.stageXKinds,
  stageXPlan: w.stageXPlan ?? '',
});

/** The request body: every field of the form, empty choices as null. */
export function bodyOf(v: Values) {
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    motives: MOTIVES.filter((m) => v.motives.includes(m)),
    categoryId: v.categoryId || null,
    impactIds: v.impactIds,
    assetIds: v.assetIds,
    advantageThemeId: v.advantageThemeId || null,
    pastPriority: (v.pastPriority || null) as 'low' | 'medium' | 'high' | null,
    futurePriority: (v.futurePriority || null) as 'low' | 'medium' | 'high' | null,
    riskTolerable: v.riskTolerable === 'unanswered' ? null : v.riskTolerable === 'yes',
    coreBusiness: v.coreBusiness,
    stageXKinds: STAGE_X_KINDS.filter((k) => v.stageXKinds.includes(k)),
    stageXPlan: v.stageXPlan.trim() || null,
  };
}

