import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYenAmount, formatYenAxis } from '../../shared/assets/asset-money.ts';
import type { TAssetSummary } from '../../shared/schemas/asset.schema.ts';
import { EChart, type ChartOption } from '../components/echart.tsx';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

const RANK_COLORS: Record<string, string> = { A: '#c92a2a', B: '#e8590c', C: '#868e96' };

/** 万円 as a number for the axis (charts need numbers; the exact figures are in the table beside). */
const man = (yen: string) => Number(BigInt(yen) / 10_000n) + Number(BigInt(yen) % 10_000n) / 10_000;
/** Back from the axis' 万円 to yen, for the one yen formatter. */
const yenOf = (manYen: number) => Math.round(manYen * 10_000);

/**
 * The asset-model check as a picture: the sum of asset values beside annual
 * revenue, and the values by rank (seed 000 III.3.3). Amounts in 万円.
 */
export default function AssetSummaryCharts({ summary }: { summary: TAssetSummary }) {
  const { t } = useTranslation();
  const { locale } = useLocaleAndZone();
  const compareOption = useMemo((): ChartOption => {
    const revenue = summary.modelCheck.annualRevenueYen;
    const bars = [
      { name: t('assets.summary.chartAssets'), yen: summary.totalValueYen, color: '#1c7ed6' },
      ...(revenue ? [{ name: t('assets.summary.chartRevenue'), yen: revenue, color: '#2b8a3e' }] : []),
    ];
    return {
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatYenAmount(yenOf(v), locale) },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatYenAxis(yenOf(v), locale) } },
    yAxis: { type: 'category', data: bars.map((b) => b.name) },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => ({ value: man(b.yen), itemStyle: { color: b.color } })),
        label: { show: true, position: 'insideRight', color: '#fff', formatter: (p: { dataIndex: number }) => formatYenAmount(bars[p.dataIndex].yen, locale) },
        barMaxWidth: 36,
      },
    ],
    };
  }, [summary, t, locale]);
  const rankOption = useMemo((): ChartOption => {
    const ranks = summary.byRank;
    return {
    aria: { enabled: true },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatYenAmount(yenOf(v), locale) },
    xAxis: { type: 'category', data: ranks.map((r) => r.key ?? '—') },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatYenAxis(yenOf(v), locale) } },
    series: [{ type: 'bar', data: ranks.map((r) => ({ value: man(r.totalValueYen), itemStyle: { color: RANK_COLORS[r.key ?? ''] ?? '#868e96' } })), barMaxWidth: 48 }],
    };
  }, [summary, locale]);
  return (
    <>
      <EChart option={compareOption} height={140} label={t('assets.summary.chartLabel')} testId="asset-model-chart" />
      <EChart option={rankOption} height={220} label={t('assets.summary.rankChartLabel')} testId="asset-rank-chart" />
    </>
  );
}
