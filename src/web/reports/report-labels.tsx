import type { TFunction } from 'i18next';
import type { TDeadlineItem } from '../../shared/reports/overview.schema.ts';
import type { DecisionKind, FigureKey } from '../../shared/reports/report.rules.ts';
import type { TLocale } from '../../shared/schemas/common.schema.ts';
import { formatYen, stageLabel } from '../diagnosis/diagnosis-labels.tsx';
import { formatNumber } from '../i18n/format.ts';

/** A deadline as a line: the calendar's own wording for its kind, or the incident's notification and its name. */
export function deadlineText(t: TFunction, d: TDeadlineItem, locale: TLocale): string {
  if (d.kind === 'incidentNotice') return t('reports.deadlines.incidentNotice', { title: d.title, name: d.name ? d.name[locale] : '' });
  return t(`operations.calendar.kinds.${d.kind}`, { title: d.title, detail: d.detail ?? '' });
}

const YEN_FIGURES = new Set<FigureKey>(['inherentAleYen', 'treatedAleYen', 'costPlanYen', 'costActualYen', 'costVarianceYen']);
const PERCENT_FIGURES = new Set<FigureKey>(['inspectionOnTimePercent', 'controlsImplementedPercent']);

/** A figure's value as the reader reads it: a stage, yen, a percentage or a count; "—" when there is none. */
export function figureValue(t: TFunction, key: FigureKey, value: number | string | null, locale: TLocale): string {
  if (value === null) return '—';
  if (key === 'stage') return stageLabel(t, value as never);
  if (YEN_FIGURES.has(key)) return formatYen(Number(value), locale);
  if (PERCENT_FIGURES.has(key)) return `${formatNumber(Number(value), locale)}%`;
  return formatNumber(Number(value), locale);
}

export const figureLabel = (t: TFunction, key: FigureKey) => t(`reports.figures.${key}`);
export const decisionText = (t: TFunction, kind: DecisionKind, count: number) => t(`reports.decisions.${kind}`, { count });
