// The names the management report's figures and decisions go by (report.rules.ts computes them).

/** The figures a report compares with the previous one, each read off the overview. */
export const FIGURE_KEYS = [
  'stage',
  'gateMissing',
  'tasksOverdue',
  'risks',
  'highRisks',
  'inherentAleYen',
  'treatedAleYen',
  'deadlinesOverdue',
  'actionsOpen',
  'actionsOverdue',
  'inspectionOnTimePercent',
  'controlsImplementedPercent',
  'controlsOverdue',
  'costPlanYen',
  'costActualYen',
  'costVarianceYen',
] as const;
/** What waits for a decision of the executive (経営者), each with how many and where to decide it. */
export const DECISION_KINDS = ['stageGate', 'incidentNotice', 'highRisks', 'costOver', 'noPlan', 'contracts', 'actionsOverdue', 'controlsOverdue', 'inspectionsOverdue'] as const;
