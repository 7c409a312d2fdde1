import { asc } from 'drizzle-orm';
import type { DataContext } from '../platform/db/data-context.ts';
import { changeableWith, defineRegister, recordContent } from '../platform/register/register.ts';
import { controlAssessments } from './control.table.ts';

/** Queries of the organisation's control judgements, through a request's DataContext. */

export type ControlAssessmentRow = typeof controlAssessments.$inferSelect;

export const controlRegister = defineRegister({
  table: controlAssessments,
  entityType: 'controlAssessment',
  auditView: recordContent,
  can: changeableWith('governance.write'),
});

/** One judgement per control: a second is refused by this key. */
export const CONTROL_ITEM_KEY = 'control_assessments_org_item_key';

export const listAssessments = (ctx: DataContext): Promise<ControlAssessmentRow[]> => ctx.select(controlAssessments, { orderBy: [asc(controlAssessments.itemId)] });
