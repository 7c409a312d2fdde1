import {
  AddStaffingTemplateRequestSchema,
  CreateStaffingPersonRequestSchema,
  CreateStaffingRoleRequestSchema,
  StaffingExportQuerySchema,
  StaffingPersonSchema,
  StaffingRoleSchema,
  StaffingSchema,
  UpdateStaffingPersonRequestSchema,
  UpdateStaffingRoleRequestSchema,
} from '../../shared/governance/staffing.schema.ts';
import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import { exportStaffing, staffingExportFileName } from './staffing-export.service.ts';
import * as staffing from './staffing.service.ts';

/** The staffing matrix (seed 004 「人材確保と資格」): thin routes over the service. */
export function staffingRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['governance'], read: 'governance.read', write: 'governance.write' });
  const { scope, clock, tags } = m;
  // Expiry dates are the organisation's days in Japan.
  const today = () => dateIn('Asia/Tokyo', clock.now());
  const common = { tags, read: 'governance.read', write: 'governance.write' } as const;
  return [
    m.get({
      url: '/api/v1/staffing',
      summary: 'The staffing matrix: roles with their holders and what each lacks (two holders for a critical role, a valid required certification), people with their certifications’ standing, and what the template still offers',
      response: StaffingSchema,
      handler: ({ auth }) => staffing.staffingOf(scope(auth), today()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/staffing/template',
      summary: 'Add the template’s roles the matrix does not have yet, with the certifications the seed names, titled in the member’s language',
      body: AddStaffingTemplateRequestSchema,
      response: StaffingSchema,
      handler: ({ auth, locale }) => staffing.addTemplate(scope(auth), locale, today()),
    }),
    m.exportRoute({
      url: '/api/v1/staffing/export',
      summary: 'People × roles with their certifications as CSV (UTF-8 with BOM) or JSON, or with the roles’ gaps as a second sheet in XLSX, in the member’s language',
      query: StaffingExportQuerySchema,
      entityType: 'staffingPerson',
      name: (query, locale) => staffingExportFileName(query.format, locale, today()),
      stream: (auth, query, locale) => exportStaffing(scope(auth), query.format, locale, today()),
    }),
    ...m.records({
      path: '/api/v1/staffing-roles',
      tenantEntity: 'staffingRole',
      ...common,
      createBody: CreateStaffingRoleRequestSchema,
      updateBody: UpdateStaffingRoleRequestSchema,
      record: StaffingRoleSchema,
      summaries: {
        create: 'Add a role security work needs, with the certifications it calls for and whether it is critical',
        get: 'One role with its holders and what it lacks',
        update: 'Change a role (only the fields sent; stale → 409)',
        remove: 'Take a role off the matrix with who held it (the audit trail keeps both)',
        history: "The role's history from the audit trail, newest first",
      },
      service: { create: staffing.createRole, get: staffing.getRole, update: staffing.updateRole, remove: staffing.deleteRole, history: staffing.roleHistory },
      extra: today,
    }),
    ...m.records({
      path: '/api/v1/staffing-people',
      tenantEntity: 'staffingPerson',
      ...common,
      createBody: CreateStaffingPersonRequestSchema,
      updateBody: UpdateStaffingPersonRequestSchema,
      record: StaffingPersonSchema,
      summaries: {
        create: 'Add a person, on the staff or outside, with their certifications and the roles they hold',
        get: 'One person with their certifications’ standing and roles',
        update: 'Change a person (only the fields sent; `roleIds` replaces the roles held; stale → 409)',
        remove: 'Take a person off the matrix (the audit trail keeps them)',
        history: "The person's history from the audit trail, newest first",
      },
      service: { create: staffing.createPerson, get: staffing.getPerson, update: staffing.updatePerson, remove: staffing.deletePerson, history: staffing.personHistory },
      extra: today,
    }),
  ];
}
