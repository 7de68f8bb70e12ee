/**
 * ECharts, only the parts the dashboard draws: a graph, lines and bars, with the aria component
 * so every chart carries a spoken description, and the SVG renderer so charts stay sharp, their
 * text is in the DOM and a chart saves as the SVG it is. The dyad explorer's time axis zooms
 * (dataZoom: a slider, the wheel) and selects a range by dragging across it (brush).
 */
import * as echarts from 'echarts/core';
import { BarChart, GraphChart, LineChart } from 'echarts/charts';
import { AriaComponent, BrushComponent, DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { liveCharts } from './live-charts.js';

echarts.use([GraphChart, LineChart, BarChart, AriaComponent, BrushComponent, DataZoomInsideComponent, DataZoomSliderComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

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

/** The chart as a standalone SVG document, as drawn now (its size, its zoom). */
export function chartSvg(c: Chart): string {
  return c.renderToSVGString();
}
