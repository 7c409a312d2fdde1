import { asc } from 'drizzle-orm';
import { can } from '../../shared/policy.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister, recordContent } from '../platform/register/register.ts';
import { controlAssessments } from './control.table.ts';

/** Queries of the organisation's control judgements, through a request's DataContext. */

export type ControlAssessmentRow = typeof controlAssessments.$inferSelect;

export const controlRegister = defineRegister({
  table: controlAssessments,
  entityType: 'controlAssessment',
  auditView: recordContent,
  can: (_row: ControlAssessmentRow, role) => ({ update: can(role, 'governance.write'), delete: can(role, 'governance.write') }),
});

export const listAssessments = (ctx: DataContext): Promise<ControlAssessmentRow[]> => ctx.select(controlAssessments, { orderBy: [asc(controlAssessments.itemId)] });
