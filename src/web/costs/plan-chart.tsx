import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import type { TPlanReview } from '../../shared/costs/cost-actual.schema.ts';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { formatMonth } from '../i18n/format.ts';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

type Months = NonNullable<TPlanReview['review']>['months'];

/** Each month's plan and actual as bars, and both running totals as lines: where the actual line rises above the plan's, the plan is overrun. */
export default function PlanChart({ months }: { months: Months }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const yen = (v: number) => formatYenAmount(Math.round(v), locale);
    const label = (key: string) => t(`costs.actuals.${key}`);
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => yen(Number(v)) },
      xAxis: { type: 'category', data: months.map((m) => formatMonth(m.month, locale)) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => yen(v) } },
      series: [
        { type: 'bar', name: label('chartPlan'), data: months.map((m) => m.planYen), itemStyle: { color: '#adb5bd' } },
        { type: 'bar', name: label('chartActual'), data: months.map((m) => m.actualYen), itemStyle: { color: '#1c7ed6' } },
        { type: 'line', name: label('chartCumulativePlan'), data: months.map((m) => m.cumulativePlanYen), itemStyle: { color: '#495057' }, lineStyle: { type: 'dashed' } },
        { type: 'line', name: label('chartCumulativeActual'), data: months.map((m) => m.cumulativeActualYen), itemStyle: { color: '#e8590c' } },
      ],
    };
  }, [months, locale, t]);
  return <EChart option={option} height={280} label={t('costs.actuals.chartLabel')} testId="plan-chart" />;
}
