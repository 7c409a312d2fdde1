import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYenAmount } from '../../shared/assets/asset-money.ts';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

/** A scenario's cumulative cost against the baseline's, year by year: where the lines cross, the move has paid for itself. */
export default function CostChart({ name, baseline, cloud }: { name: string; baseline: readonly number[]; cloud: readonly number[] }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const option = useMemo((): ChartOption => {
    const years = baseline.map((_, y) => t('costs.chartYear', { year: y }));
    const yen = (v: number) => formatYenAmount(Math.round(v), locale);
    return {
      aria: { enabled: true },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => yen(Number(v)) },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => yen(v) } },
      series: [
        { type: 'line', name: t('costs.chartBaseline'), data: [...baseline], itemStyle: { color: '#868e96' } },
        { type: 'line', name, data: [...cloud], itemStyle: { color: '#1c7ed6' } },
      ],
    };
  }, [baseline, cloud, name, locale, t]);
  return <EChart option={option} height={240} label={t('costs.chartLabel', { name })} testId="cost-chart" />;
}
