import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import langJA from 'echarts/i18n/langJA-obj.js';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useLocaleAndZone } from '../i18n/use-locale-and-zone.ts';

// Only what Kumoji's charts use (diagnosis, asset summary; the portfolio adds its scatter series).
// This file is imported by lazy chart components only, so ECharts never reaches the first page's JavaScript.
echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, AriaComponent, SVGRenderer]);
// ECharts' own words (e.g. the "save as image" tool) follow the user's language, not its English default.
echarts.registerLocale('JA', langJA);

export type ChartOption = echarts.EChartsCoreOption;

/** Tooltips are HTML: text from the catalog or from users is escaped before it goes in. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const CHART_FONT = "'Noto Sans CJK JP', 'Hiragino Sans', 'Yu Gothic', system-ui, sans-serif";

/**
 * One chart, drawn as SVG, resized with the window; `label` is its accessible
 * name, `testId` for the browser tests. ECharts' aria component (on for the
 * decal patterns) would replace the element's label with a description it
 * generates from the raw series, in English ("This is a chart … 0, 0, NaN"):
 * the description is `label` unless `option.aria` brings one of its own.
 */
export function EChart({ option, height, label, testId }: { option: ChartOption; height: number; label: string; testId: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { locale } = useLocaleAndZone();
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current, undefined, { renderer: 'svg', locale: locale === 'ja' ? 'JA' : 'EN' });
    const aria = (option.aria ?? {}) as { label?: object };
    const described = { ...aria, enabled: true, label: { description: label, ...aria.label } };
    chart.setOption({ textStyle: { fontFamily: CHART_FONT }, animation: false, ...option, aria: described });
    ref.current.dataset.rendered = 'true';
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option, label, locale]);
  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={label} data-testid={testId} />;
}
