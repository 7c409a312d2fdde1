import { useQuery } from '@tanstack/react-query';
import type { TBackupPlan, TBackupPlanList, TCreateBackupPlanRequest, TCreateRestoreTestRequest, TRestoreTest } from '../../shared/continuity/backup.schema.ts';
import type { TBcpDrill, TBcpGrid, TBcpScenario, TCreateBcpDrillRequest, TCreateBcpScenarioRequest } from '../../shared/continuity/bcp.schema.ts';
import type { TCreateRecoveryTargetRequest, TRecoveryList, TRecoveryRow, TRecoveryTarget } from '../../shared/continuity/recovery.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TBackupPlan, TBackupPlanList, TBcpDrill, TBcpGrid, TBcpScenario, TRecoveryList, TRecoveryRow, TRestoreTest };

// One key for the module: a plan, a restore test, a target, a cell or a drill changes what the others show (the recovery check reads plans and tests).
const CONTINUITY_KEY = ['continuity'] as const;

export const useBackupPlans = () => useQuery({ queryKey: [...CONTINUITY_KEY, 'backup-plans'], queryFn: ({ signal }) => api.get<TBackupPlanList>('/api/v1/backup-plans', signal) });
export const useRecovery = () => useQuery({ queryKey: [...CONTINUITY_KEY, 'recovery'], queryFn: ({ signal }) => api.get<TRecoveryList>('/api/v1/recovery', signal) });
export const useBcpGrid = () => useQuery({ queryKey: [...CONTINUITY_KEY, 'bcp'], queryFn: ({ signal }) => api.get<TBcpGrid>('/api/v1/bcp', signal) });

export const planRecords = registerRecords<TBackupPlan, TCreateBackupPlanRequest>({ key: [...CONTINUITY_KEY, 'plan'], changes: CONTINUITY_KEY, path: '/api/v1/backup-plans' });
export const restoreTestRecords = registerRecords<TRestoreTest, TCreateRestoreTestRequest>({ key: [...CONTINUITY_KEY, 'restore-test'], changes: CONTINUITY_KEY, path: '/api/v1/restore-tests' });
export const targetRecords = registerRecords<TRecoveryTarget, TCreateRecoveryTargetRequest>({ key: [...CONTINUITY_KEY, 'target'], changes: CONTINUITY_KEY, path: '/api/v1/recovery-targets' });
export const scenarioRecords = registerRecords<TBcpScenario, TCreateBcpScenarioRequest>({ key: [...CONTINUITY_KEY, 'scenario'], changes: CONTINUITY_KEY, path: '/api/v1/bcp-scenarios' });
export const drillRecords = registerRecords<TBcpDrill, TCreateBcpDrillRequest>({ key: [...CONTINUITY_KEY, 'drill'], changes: CONTINUITY_KEY, path: '/api/v1/bcp-drills' });

/** Opens the drill's findings as corrective actions; the drill and the grid are read again. */
export const useOpenDrillFindings = (id: string) => useRegisterChange(CONTINUITY_KEY, (body: { version: number }) => api.post<TBcpDrill>(`/api/v1/bcp-drills/${id}/findings`, body));
