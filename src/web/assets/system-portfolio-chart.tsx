import { ScatterChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITICALITIES, STRATEGIES } from '../../shared/schemas/system.schema.ts';
import { EChart, escapeHtml, type ChartOption } from '../components/echart.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import type { TPortfolio } from './system.query.ts';
import { joinList, pick } from './workload-labels.tsx';

// The scatter series only this chart uses: it loads with this page only.
echarts.use([ScatterChart]);

const COLORS = { critical: '#c92a2a', high: '#e8590c', medium: '#f08c00', low: '#868e96' } as const;

/**
 * Strategy (7 Rs and "undecided") by business criticality: one bubble per
 * pair, its area the number of systems. Loaded lazily (echarts/core).
 */
export default function PortfolioChart({ portfolio }: { portfolio: TPortfolio }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const strategyLabels = [...STRATEGIES.map((code) => pick(portfolio.strategies.find((s) => s.code === code)?.name, locale) || code), t('systems.undecided')];
    const criticalityLabels = [...CRITICALITIES].reverse().map((c) => t(`systems.criticality.${c}`));
    const names = new Map(portfolio.systems.map((s) => [s.id, s.name]));
    const max = Math.max(1, ...portfolio.matrix.map((c) => c.systemIds.length));
    return {
      aria: { enabled: true, label: { description: t('portfolio.chartDescription') } },
      grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { data: { names: string[]; effort: number; strategy: string; criticality: string } }) =>
          [
            `<b>${escapeHtml(`${p.data.strategy} × ${p.data.criticality}`)}</b>`,
            escapeHtml(t('portfolio.tooltipSystems', { count: p.data.names.length, systems: joinList(p.data.names, locale) })),
            escapeHtml(t('portfolio.tooltipEffort', { value: p.data.effort })),
          ].join('<br/>'),
      },
      xAxis: { type: 'category', data: strategyLabels, axisLabel: { interval: 0, rotate: locale === 'ja' ? 0 : 20 }, splitLine: { show: true } },
      yAxis: { type: 'category', data: criticalityLabels, splitLine: { show: true } },
      series: CRITICALITIES.map((criticality) => ({
        type: 'scatter',
        name: t(`systems.criticality.${criticality}`),
        itemStyle: { color: COLORS[criticality], opacity: 0.85 },
        label: { show: true, formatter: (p: { data: { names: string[] } }) => String(p.data.names.length), color: '#fff', fontWeight: 'bold' },
        data: portfolio.matrix
          .filter((c) => c.criticality === criticality)
          .map((c) => {
            const x = c.strategy === null ? STRATEGIES.length : STRATEGIES.indexOf(c.strategy);
            const y = CRITICALITIES.length - 1 - CRITICALITIES.indexOf(c.criticality);
            return {
              value: [x, y],
              symbolSize: 22 + 38 * Math.sqrt(c.systemIds.length / max),
              names: c.systemIds.map((id) => names.get(id) ?? id),
              effort: c.effortPersonMonths,
              strategy: strategyLabels[x],
              criticality: criticalityLabels[y],
            };
          }),
      })),
    };
  }, [portfolio, locale, t]);

  return <EChart option={option} height={320} label={t('portfolio.chartTitle')} testId="portfolio-chart" />;
}
