import { HeatmapChart, ScatterChart } from 'echarts/charts';
import { VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';
import { axisYen } from './risk-labels.tsx';
import type { TRiskAnalysis } from './risk.query.ts';

// The heat map and its markers load with the analysis page only.
echarts.use([HeatmapChart, ScatterChart, VisualMapComponent]);

const LEVEL_FILL = { low: '#c3fae8', medium: '#fff3bf', high: '#ffd8a8', critical: '#ffc9c9' } as const;

/** Likelihood (rows) × impact (columns), inherent and residual counts in each cell, with markers on cells a risk moved to since its last review. */
export function HeatMapChart({ analysis }: { analysis: TRiskAnalysis }) {
  const { t } = useTranslation();
  const option = useMemo((): ChartOption => {
    // One category per band of the organisation's scale (bounds + 1 bands a side).
    const bands = (bounds: number[]) => Array.from({ length: bounds.length + 1 }, (_, i) => i + 1);
    const impacts = bands(analysis.scale.impactUpperYen).map((i) => t('risks.analysis.impactBand', { band: i }));
    const likelihoods = bands(analysis.scale.likelihoodUpperPerYear).map((l) => t('risks.analysis.likelihoodBand', { band: l }));
    const residual = new Map(analysis.heatMap.residual.map((c) => [`${c.likelihood}-${c.impact}`, c.count]));
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: impacts, splitArea: { show: true } },
      yAxis: { type: 'category', data: likelihoods, splitArea: { show: true } },
      series: [
        {
          type: 'heatmap',
          name: t('risks.analysis.cells'),
          data: analysis.heatMap.inherent.map((c) => ({
            value: [c.impact - 1, c.likelihood - 1, c.count],
            itemStyle: { color: LEVEL_FILL[c.level], borderColor: '#fff', borderWidth: 2 },
            label: { show: true, formatter: () => t('risks.analysis.cellLabel', { inherent: c.count, residual: residual.get(`${c.likelihood}-${c.impact}`) ?? 0 }) },
          })),
        },
        {
          type: 'scatter',
          name: t('risks.analysis.moved'),
          symbol: 'triangle',
          symbolSize: 14,
          itemStyle: { color: '#1c7ed6' },
          data: analysis.moved.map((m) => ({ value: [m.to.impact - 1, m.to.likelihood - 1], name: m.title, symbolRotate: m.direction === 'down' ? 180 : 0 })),
          symbolOffset: [18, -12],
        },
      ],
    };
  }, [analysis, t]);
  return <EChart option={option} height={360} label={t('risks.analysis.heatMapTitle')} testId="risk-heat-map" />;
}

/** P(annual loss ≥ x) on a log-scale yen axis: inherent, after treatment, and net of insurance. */
export function LossExceedanceChart({ analysis }: { analysis: TRiskAnalysis }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const s = analysis.simulation;
    const series = (key: 'inherent' | 'treated' | 'netOfInsurance', color: string) => ({
      type: 'line',
      name: t(`risks.analysis.curve.${key}`),
      showSymbol: false,
      lineStyle: { color, width: 2 },
      itemStyle: { color },
      data: s[key].exceedance.map((p) => [p.thresholdYen, p.probability * 100]),
    });
    return {
      grid: { left: 28, right: 32, top: 40, bottom: 28, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)}%` },
      xAxis: { type: 'log', name: t('risks.analysis.lossAxis'), nameLocation: 'middle', nameGap: 28, axisLabel: { formatter: (v: number) => axisYen(v, locale) } },
      yAxis: { type: 'value', name: t('risks.analysis.probabilityAxis'), nameLocation: 'middle', nameGap: 44, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [series('inherent', '#e8590c'), series('treated', '#1c7ed6'), series('netOfInsurance', '#2f9e44')],
    };
  }, [analysis, t, locale]);
  return <EChart option={option} height={340} label={t('risks.analysis.curveTitle')} testId="risk-loss-curve" />;
}
