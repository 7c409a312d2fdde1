import { useQuery } from '@tanstack/react-query';
import type { TCostOverview, TCostScenario, TCreateCostScenarioRequest } from '../../shared/costs/cost.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords } from '../platform/register/register.query.ts';

export type { TCostOverview, TCostScenario };

// One key: a change to the baseline changes every scenario's comparison.
const COSTS_KEY = ['costs'] as const;

export const useCostOverview = () => useQuery({ queryKey: [...COSTS_KEY, 'overview'], queryFn: ({ signal }) => api.get<TCostOverview>('/api/v1/costs', signal) });
export const scenarioRecords = registerRecords<TCostScenario, TCreateCostScenarioRequest>({ key: [...COSTS_KEY, 'scenario'], changes: COSTS_KEY, path: '/api/v1/cost-scenarios' });
