import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TScore, TTextPair } from '../../../shared/schemas/diagnosis.schema.ts';
import { useLocaleAndZone } from '../../i18n/use-locale-and-zone.ts';
import { EChart, escapeHtml, type ChartOption } from '../../components/echart.tsx';

const COLORS = { yes: '#2b8a3e', no: '#c92a2a', unknown: '#e67700', unanswered: '#ced4da' };

/** Yes / No / Don't know / unanswered per checklist, as shares of its questions (stacked bars). Loaded lazily. */
export default function ScoreChart({ scores }: { scores: { name: TTextPair; score: TScore }[] }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const names = scores.map((s) => s.name[locale]);
    const series = (['yes', 'no', 'unknown', 'unanswered'] as const).map((k) => ({
      type: 'bar',
      stack: 'answers',
      name: t(`diagnosis.chart.${k}`),
      itemStyle: { color: COLORS[k] },
      label: { show: true, color: k === 'unanswered' ? '#495057' : '#fff', formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
      data: scores.map((s) => s.score[k]),
    }));
    return {
      aria: { enabled: true, decal: { show: true } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const s = scores[params[0].dataIndex];
          return `<b>${escapeHtml(s.name[locale])}</b><br/>${escapeHtml(s.score.text[locale])}`;
        },
      },
      xAxis: { type: 'value', minInterval: 1, max: Math.max(1, ...scores.map((s) => s.score.total)) },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: locale === 'ja' ? 170 : 190, overflow: 'break' } },
      series,
    };
  }, [scores, locale, t]);
  return <EChart option={option} height={70 + 48 * scores.length} label={t('diagnosis.chart.scoresLabel')} testId="score-chart" />;
}
