import { dateIn } from '../../shared/platform/calendar-date.ts';
import type { TDeadlineItem, TOverview } from '../../shared/reports/overview.schema.ts';
import { DEADLINE_HORIZON_DAYS, deadlinesDue, inspectionCompliance } from '../../shared/reports/report.rules.ts';
import { PDCA_PHASES } from '../../shared/operations/corrective-action.rules.ts';
import { costPlanReview } from '../costs/costs.public.ts';
import { journeyStanding } from '../diagnosis/diagnosis.public.ts';
import { controlStanding } from '../governance/governance.public.ts';
import { noticeDeadlines } from '../incidents/incidents.public.ts';
import { operationsStanding } from '../operations/operations.public.ts';
import { clockOf } from '../platform/clock.ts';
import { DataContext } from '../platform/db/data-context.ts';
import type { OrgAuthContext } from '../platform/http/route.ts';
import type { ModuleDeps } from '../platform/module.ts';
import { riskPicture } from '../risks/risks.public.ts';

/**
 * The dashboard across every module (PRODUCT.md capability 12): each
 * section is read through its module's public reads, so every figure is the
 * one that module's own page shows, and each links to the records behind it.
 * Counted as of one instant, in Japan's calendar (the organisation's days).
 */
export async function overviewOf(deps: ModuleDeps, auth: OrgAuthContext, at?: Date): Promise<TOverview> {
  const now = at ?? clockOf(deps).now();
  const today = dateIn('Asia/Tokyo', now);
  const ctx = DataContext.ofMember(deps.database, auth);
  const [journey, risks, operations, notices, costs, controls] = await Promise.all([
    journeyStanding(ctx, auth.user.timeZone, now),
    riskPicture(ctx),
    operationsStanding(ctx, now, DEADLINE_HORIZON_DAYS),
    noticeDeadlines(ctx, now),
    costPlanReview(ctx, now),
    controlStanding(ctx, today),
  ]);
  const deadlines: TDeadlineItem[] = [
    ...operations.calendar.map((e) => ({ kind: e.kind, date: e.date, dueAt: null, title: e.title, detail: e.detail, name: null, path: e.path, overdue: e.overdue })),
    ...notices.map((n) => ({ kind: 'incidentNotice' as const, date: n.date, dueAt: n.dueAt, title: n.title, detail: null, name: n.name, path: n.path, overdue: n.overdue })),
  ];
  const open = operations.actions.filter((a) => a.phase !== 'closed');
  return {
    generatedAt: now.toISOString(),
    today,
    organisation: { name: auth.organisation.name },
    stage: journey.stage,
    tasks: journey.tasks,
    risks,
    deadlines: deadlinesDue(deadlines, today),
    costs,
    inspections: inspectionCompliance(operations.inspections, today),
    controls,
    actions: { open: open.length, overdue: open.filter((a) => a.overdue).length, byPhase: PDCA_PHASES.map((phase) => ({ phase, count: operations.actions.filter((a) => a.phase === phase).length })) },
  };
}
