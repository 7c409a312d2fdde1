import { useQuery } from '@tanstack/react-query';
import type { TCostActual, TCreateCostActualRequest, TPlanReview } from '../../shared/costs/cost-actual.schema.ts';
import type { TCostOverview, TCostScenario, TCreateCostScenarioRequest } from '../../shared/costs/cost.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type { TCostActual, TCostOverview, TCostScenario, TPlanReview };

// One key: a change to the baseline changes every scenario's comparison, and a change to a scenario or a line the plan review.
export const COSTS_KEY = ['costs'] as const;

export const useCostOverview = () => useQuery({ queryKey: [...COSTS_KEY, 'overview'], queryFn: ({ signal }) => api.get<TCostOverview>('/api/v1/costs', signal) });
export const scenarioRecords = registerRecords<TCostScenario, TCreateCostScenarioRequest>({ key: [...COSTS_KEY, 'scenario'], changes: COSTS_KEY, path: '/api/v1/cost-scenarios' });

export const usePlanReview = () => useQuery({ queryKey: [...COSTS_KEY, 'plan-review'], queryFn: ({ signal }) => api.get<TPlanReview>('/api/v1/costs/plan-review', signal) });
export const useCostActuals = () => useQuery({ queryKey: [...COSTS_KEY, 'actuals'], queryFn: ({ signal }) => api.items<TCostActual>('/api/v1/cost-actuals', signal) });
export const actualRecords = registerRecords<TCostActual, TCreateCostActualRequest>({ key: [...COSTS_KEY, 'actual'], changes: COSTS_KEY, path: '/api/v1/cost-actuals' });
