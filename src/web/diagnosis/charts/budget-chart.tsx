import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYenAxis } from '../../../shared/assets/asset-money.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { formatYen } from '../diagnosis-labels.tsx';
import { EChart, type ChartOption } from '../../components/echart.tsx';

/** The budget entered against the seed's guide for the stage (the guide as a shaded range). */
export default function BudgetChart({ budgetYen, guide, stageName }: { budgetYen: number | null; guide: { minYen: number; maxYen: number }; stageName: string }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const max = Math.max(guide.maxYen * 1.25, (budgetYen ?? 0) * 1.1);
    const within = budgetYen !== null && budgetYen >= guide.minYen && budgetYen <= guide.maxYen;
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max, axisLabel: { formatter: (v: number) => formatYenAxis(Math.round(v), locale) } },
      yAxis: { type: 'category', data: [t('diagnosis.chart.budget')] },
      series: [
        {
          type: 'bar',
          name: t('diagnosis.chart.budget'),
          data: [budgetYen ?? 0],
          barWidth: 22,
          itemStyle: { color: within ? '#2b8a3e' : '#e8590c' },
          label: { show: budgetYen !== null, position: 'right', formatter: () => formatYen(budgetYen, locale) },
          markArea: {
            itemStyle: { color: 'rgba(43,138,62,0.12)' },
            label: { position: 'top', color: '#2b8a3e', formatter: () => t('diagnosis.chart.guide', { stage: stageName }) },
            data: [[{ xAxis: guide.minYen }, { xAxis: guide.maxYen }]],
          },
        },
      ],
    };
  }, [budgetYen, guide, stageName, locale, t]);
  return <EChart option={option} height={110} label={t('diagnosis.chart.budgetLabel', { stage: stageName })} testId="budget-chart" />;
}
