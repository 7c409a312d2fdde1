import {
  CompleteInspectionRequestSchema,
  CreateInspectionRequestSchema,
  InspectionListSchema,
  InspectionSchema,
  InspectionTemplatesSchema,
  ReminderListSchema,
  ReminderSettingsSchema,
  SaveReminderSettingsRequestSchema,
  UpdateInspectionRequestSchema,
} from '../../shared/operations/operation.schema.ts';
import { IdParamsSchema } from '../../shared/schemas/common.schema.ts';
import type { AnyRoute } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { moduleRoutes } from '../platform/register/module-routes.ts';
import * as inspections from './inspection.service.ts';
import { exportInspections, inspectionExportFileName } from './operations-export.service.ts';
import { remindersFor } from './reminder.service.ts';

/** Recurring inspections, their completions and the member's reminders (PRODUCT.md capability 11): thin routes over the service. */
export function inspectionRoutes(deps: ModuleDeps): AnyRoute[] {
  const m = moduleRoutes(deps, { tags: ['operations'], read: 'operations.read', write: 'operations.write' });
  const { scope, clock, read } = m;
  return [
    ...m.records({
      path: '/api/v1/inspections',
      tenantEntity: 'inspection',
      createBody: CreateInspectionRequestSchema,
      updateBody: UpdateInspectionRequestSchema,
      record: InspectionSchema,
      summaries: {
        create: 'Plan a recurring inspection: its schedule (every N weeks or months from a first date), who is reminded and how many days ahead',
        get: 'One inspection with its next due date, where it stands today in Japan, the dates after it and its completions',
        update: 'Change an inspection (only the fields sent; a stale version gets 409)',
        history: "The inspection's history from the audit trail, newest first",
        remove: 'Delete an inspection with its completions (the audit trail keeps what it was)',
      },
      service: { create: inspections.createInspection, get: inspections.getInspection, update: inspections.updateInspection, remove: inspections.deleteInspection, history: inspections.inspectionHistory },
      extra: () => clock.now(),
    }),
    m.get({
      url: '/api/v1/inspections',
      summary: "The organisation's inspections, the soonest due first: the calendar's entries",
      response: InspectionListSchema,
      handler: ({ auth }) => inspections.listInspections(scope(auth), clock.now()),
    }),
    m.exportRoute({
      url: '/api/v1/inspections/export',
      summary: 'The inspections with their schedules and where each stands as CSV (UTF-8 with BOM) or JSON, or with every completion as a second sheet in XLSX, in the member’s language',
      entityType: 'inspection',
      name: (query, locale) => inspectionExportFileName(query.format, locale, clock.now()),
      stream: (auth, query, locale) => exportInspections(scope(auth), query.format, locale, clock.now()),
    }),
    m.change({
      method: 'POST',
      url: '/api/v1/inspections/:id/completions',
      summary: 'Record the inspection done for the due date shown; a date no longer due (done meanwhile) gets 409',
      params: IdParamsSchema,
      body: CompleteInspectionRequestSchema,
      tenantEntity: 'inspection',
      response: InspectionSchema,
      status: 201,
      handler: ({ auth, params, body }) => inspections.completeInspection(scope(auth), params.id, body, clock.now()),
    }),
    m.get({
      url: '/api/v1/reminders',
      summary: "The signed-in member's reminders: inspection rounds and open corrective actions due soon or overdue that are theirs (or, unassigned, every owner's and manager's)",
      response: ReminderListSchema,
      handler: ({ auth }) => remindersFor(scope(auth), auth.user.id, clock.now()),
    }),
    m.get({
      url: '/api/v1/reminder-settings',
      summary: "The signed-in member's reminder settings: whether reminders also come by e-mail",
      response: ReminderSettingsSchema,
      handler: ({ auth }) => inspections.reminderSettingsOf(scope(auth), auth.user.id),
    }),
    m.route({
      method: 'PATCH',
      url: '/api/v1/reminder-settings',
      summary: "Turn the signed-in member's e-mail reminders on or off, at the version read (null the first time)",
      access: read,
      body: SaveReminderSettingsRequestSchema,
      response: ReminderSettingsSchema,
      handler: ({ auth, body }) => inspections.saveReminderSettings(scope(auth), auth.user.id, body),
    }),
    m.get({
      url: '/api/v1/inspection-templates',
      summary: "Seed 004's periodic inspection items, to start an inspection from",
      response: InspectionTemplatesSchema,
      handler: ({ auth }) => inspections.inspectionTemplates(scope(auth)),
    }),
  ];
}
