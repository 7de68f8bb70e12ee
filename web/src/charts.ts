/**
 * ECharts, only the parts the dashboard draws: a graph, lines and bars, with the aria component
 * so every chart carries a spoken description, and the SVG renderer so charts stay sharp and
 * their text is in the DOM.
 */
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { liveCharts } from './live-charts.js';

echarts.use([GraphChart, LineChart, BarChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type Chart = echarts.ECharts;
export type ChartOption = echarts.EChartsCoreOption;

/** A chart in `el` that follows the window's width; `disposeCharts` (live-charts.ts) ends it on navigation. */
export function chart(el: HTMLElement, option: ChartOption): Chart {
  const c = echarts.init(el, undefined, { renderer: 'svg' });
  // no animation: a chart is read, not watched, and a screenshot or a screen reader sees it whole at once
  c.setOption({ animation: false, ...option });
  liveCharts.add(c);
  return c;
}
