import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TStage } from '../../../shared/schemas/diagnosis.schema.ts';
import { formatDate } from '../../i18n/format.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { EChart, escapeHtml, type ChartOption } from '../../components/echart.tsx';

interface Period {
  track: 'main' | 'x';
  stage: TStage;
  from: string;
  to: string | null;
}

/**
 * The stage history: the main stage (0-4) as a step line over time, and the
 * periods of stage X as a band beside it (seed 000: X runs alongside 3-4).
 */
export default function StageTimelineChart({ periods, asOf }: { periods: Period[]; asOf: string }) {
  const { t } = useTranslation();
  const { locale, timeZone } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const main = periods.filter((p) => p.track === 'main');
    const points: [number, number][] = [];
    for (const p of main) {
      points.push([new Date(p.from).getTime(), Number(p.stage)]);
    }
    const last = main[main.length - 1];
    if (last) points.push([new Date(last.to ?? asOf).getTime(), Number(last.stage)]);
    const xBands = periods
      .filter((p) => p.track === 'x')
      .map((p) => [{ xAxis: new Date(p.from).getTime(), name: t('diagnosis.chart.stageX') }, { xAxis: new Date(p.to ?? asOf).getTime() }]);
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (params: { value: [number, number] }[]) =>
          escapeHtml(`${formatDate(new Date(params[0].value[0]).toISOString(), locale, timeZone)}: ${t('diagnosis.stage.short', { stage: params[0].value[1] })}`),
      },
      xAxis: {
        type: 'time',
        // At least a month wide, so a young history still reads as dates on a calendar.
        min: points[0]?.[0],
        max: Math.max(new Date(asOf).getTime(), (points[0]?.[0] ?? 0) + 30 * 86_400_000),
        minInterval: 86_400_000,
        splitNumber: 5, axisLabel: { hideOverlap: true, formatter: (v: number) => formatDate(new Date(v).toISOString(), locale, timeZone) },
      },
      yAxis: { type: 'value', min: 0, max: 4, interval: 1, axisLabel: { formatter: (v: number) => t('diagnosis.stage.short', { stage: v }) } },
      series: [
        {
          type: 'line',
          step: 'end',
          name: t('diagnosis.chart.mainStage'),
          data: points,
          symbolSize: 8,
          lineStyle: { width: 3, color: '#1c7ed6' },
          itemStyle: { color: '#1c7ed6' },
          areaStyle: { color: 'rgba(28,126,214,0.08)' },
          markArea: xBands.length ? { itemStyle: { color: 'rgba(174,62,201,0.15)' }, label: { color: '#862e9c' }, data: xBands } : undefined,
        },
      ],
    };
  }, [periods, asOf, locale, timeZone, t]);
  return <EChart option={option} height={220} label={t('diagnosis.chart.timelineLabel')} testId="stage-timeline-chart" />;
}
