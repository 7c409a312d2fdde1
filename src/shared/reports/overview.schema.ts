// The dashboard across every module and the management report for the
// executive (PRODUCT.md capability 12; seed 000 VII 「経営者の役割」, seed 004
// 「ガバナンス体制」): responses of /api/v1/reports/overview and
// /api/v1/management-reports.
import { z } from 'zod';
import { PlanReviewSchema } from '../costs/cost-actual.schema.ts';
import { CONTROL_SET_KEYS } from '../governance/control.schema.ts';
import { CALENDAR_KINDS } from '../operations/calendar.rules.ts';
import { PDCA_PHASES } from '../operations/corrective-action.rules.ts';
import { RiskAnalysisSchema } from '../risks/risk.schema.ts';
import { IdSchema } from '../schemas/common.schema.ts';
import { DashboardSchema, RoadmapSchema } from '../schemas/roadmap.schema.ts';
import { DECISION_KINDS, FIGURE_KEYS } from './report.keys.ts';

const Pair = z.object({ ja: z.string(), en: z.string() });

/** Every date something is due: the operations calendar's kinds and an incident's legal notification deadline. */
export const DEADLINE_KINDS = [...CALENDAR_KINDS, 'incidentNotice'] as const;

export const DeadlineItemSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  /** The day it is due, in Japan. */
  date: z.string(),
  /** The instant, for a legal deadline counted in hours. */
  dueAt: z.string().nullable(),
  title: z.string(),
  detail: z.string().nullable(),
  /** The deadline's name in both languages (an incident's notification). */
  name: Pair.nullable(),
  path: z.string(),
  overdue: z.boolean(),
});
export type TDeadlineItem = z.infer<typeof DeadlineItemSchema>;

const controlSummary = z.object({ controls: z.number().int(), assessed: z.number().int(), applicable: z.number().int(), implemented: z.number().int(), overdue: z.number().int(), implementedPercent: z.number().int().nullable() });

export const InspectionComplianceSchema = z.object({
  inspections: z.number().int(),
  dueSoon: z.number().int(),
  overdue: z.number().int(),
  /** Rounds due in the last twelve months (done or still overdue) and those done by their due day. */
  roundsDue: z.number().int(),
  roundsOnTime: z.number().int(),
  onTimePercent: z.number().int().nullable(),
  since: z.string(),
});

export const OverviewSchema = z.object({
  generatedAt: z.string(),
  /** Today in Japan, the day the figures are counted on. */
  today: z.string(),
  organisation: z.object({ name: z.string() }),
  stage: DashboardSchema.shape.stage,
  tasks: RoadmapSchema.shape.summary,
  risks: RiskAnalysisSchema,
  deadlines: z.object({ horizonDays: z.number().int(), items: z.array(DeadlineItemSchema), overdue: z.number().int(), dueSoon: z.number().int() }),
  costs: PlanReviewSchema,
  inspections: InspectionComplianceSchema,
  controls: z.object({ sets: z.array(z.object({ key: z.enum(CONTROL_SET_KEYS), name: Pair, summary: controlSummary })), summary: controlSummary }),
  actions: z.object({ open: z.number().int(), overdue: z.number().int(), byPhase: z.array(z.object({ phase: z.enum(PDCA_PHASES), count: z.number().int() })) }),
});
export type TOverview = z.infer<typeof OverviewSchema>;

const FigureValue = z.union([z.number(), z.string()]).nullable();

export const ReportContentSchema = z.object({
  overview: OverviewSchema,
  figures: z.record(z.enum(FIGURE_KEYS), FigureValue),
  /** What changed since the previous report: each figure that moved, before and after. */
  changes: z.array(z.object({ figure: z.enum(FIGURE_KEYS), before: FigureValue, after: FigureValue })),
  decisions: z.array(z.object({ kind: z.enum(DECISION_KINDS), count: z.number().int(), path: z.string() })),
  previous: z.object({ id: IdSchema, number: z.number().int(), issuedAt: z.string() }).nullable(),
});
export type TReportContent = z.infer<typeof ReportContentSchema>;

const ReportHead = {
  id: IdSchema,
  /** 1, 2, 3 … in the order the organisation issued them. */
  number: z.number().int(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** SHA-256 of the report's contents (canonical JSON), and the organisation's audit-chain head when it was issued. */
  contentSha256: z.string(),
  auditHeadHash: z.string(),
};

export const ManagementReportSummarySchema = z.object(ReportHead);
export const ManagementReportListSchema = z.object({ items: z.array(ManagementReportSummarySchema), can: z.object({ issue: z.boolean() }) });
export const ManagementReportSchema = z.object({
  ...ReportHead,
  content: ReportContentSchema,
  /** The stored contents still hash to `contentSha256`. */
  intact: z.boolean(),
  pdfAvailable: z.boolean(),
});
export type TManagementReport = z.infer<typeof ManagementReportSchema>;
export type TManagementReportList = z.infer<typeof ManagementReportListSchema>;

export const ReportPdfQuerySchema = z.strictObject({ lang: z.enum(['ja', 'en']).optional() });
