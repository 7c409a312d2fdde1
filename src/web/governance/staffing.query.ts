import { useQuery } from '@tanstack/react-query';
import type { TCreateStaffingPersonRequest, TCreateStaffingRoleRequest, TStaffing, TStaffingPerson, TStaffingRole } from '../../shared/governance/staffing.schema.ts';
import { api } from '../api/api-client.ts';
import { registerRecords, useRegisterChange } from '../platform/register/register.query.ts';

export type { TStaffing, TStaffingPerson, TStaffingRole };

/** Roles and people depend on each other (a role's gaps follow its holders): any change reads the matrix again. */
const STAFFING_KEY = ['staffing'] as const;

export function useStaffing() {
  return useQuery({ queryKey: [...STAFFING_KEY, 'matrix'], queryFn: ({ signal }) => api.get<TStaffing>('/api/v1/staffing', signal) });
}

export const roleRecords = registerRecords<TStaffingRole, TCreateStaffingRoleRequest>({ key: [...STAFFING_KEY, 'role'], changes: STAFFING_KEY, path: '/api/v1/staffing-roles' });
export const personRecords = registerRecords<TStaffingPerson, TCreateStaffingPersonRequest>({ key: [...STAFFING_KEY, 'person'], changes: STAFFING_KEY, path: '/api/v1/staffing-people' });
export const useAddStaffingTemplate = () => useRegisterChange(STAFFING_KEY, () => api.post<TStaffing>('/api/v1/staffing/template', {}));
