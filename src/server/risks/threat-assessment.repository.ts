import { can } from '../../shared/policy.ts';
import type { DataContext } from '../platform/db/data-context.ts';
import { defineRegister } from '../platform/register/register.ts';
import { threatAssessments } from './threat-assessment.table.ts';

/** Queries of the organisation's threat impact assessments, through the request's DataContext. */

export type ThreatAssessmentRow = typeof threatAssessments.$inferSelect;
export type ThreatAssessmentPatch = Partial<Pick<typeof threatAssessments.$inferInsert, 'impactBankruptcy' | 'impactSalesDrop' | 'impactCustomerLoss' | 'note'>>;

/** The judgement as the audit trail keeps it: which threat, the three columns and the note. */
export const threatAssessmentAuditView = (r: ThreatAssessmentRow) => ({
  threatItemId: r.threatItemId,
  impactBankruptcy: r.impactBankruptcy,
  impactSalesDrop: r.impactSalesDrop,
  impactCustomerLoss: r.impactCustomerLoss,
  note: r.note,
});

export const threatAssessmentRegister = defineRegister({
  table: threatAssessments,
  entityType: 'threatAssessment',
  auditView: threatAssessmentAuditView,
  can: (_r: ThreatAssessmentRow, role) => ({ update: can(role, 'risks.write') }),
});

/** Every assessment of the organisation (one per threat it judged, across all lists: a few dozen rows). */
export function listThreatAssessments(ctx: DataContext): Promise<ThreatAssessmentRow[]> {
  return ctx.select(threatAssessments);
}

/** The unique key that a second first judgement of the same threat breaks. */
export const THREAT_ASSESSMENT_THREAT_KEY = 'threat_assessments_org_threat_key';
