import type { DyadView, SeriesPoint } from '../api.js';
import type { Chart } from '../charts.js';
import { chartSvg } from '../charts.js';
import { saveBlob, svgToPng } from '../chart-export.js';
import { h } from '../dom.js';
import { fmt, QUAD_COLOURS, QUAD_NAMES } from '../scale.js';

/*
 * The explorer's charts: a continuous time axis (every period placed at its first day, empty ones
 * included), a slider and the wheel to zoom, a drag across the plot to select a range; and the
 * buttons that take a chart away as SVG or PNG.
 */

const DAY_MS = 86_400_000;
export const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Numbers and labels only reach the tooltip, which ECharts writes as markup: escaped all the same. */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The axis, the zoom and the brush every explorer chart shares, bounded by the view's first and last day. */
export function timeAxis(from: string, to: string) {
  return {
    backgroundColor: '#fff',
    xAxis: { type: 'time', min: ms(from), max: ms(to) + DAY_MS - 1 },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, filterMode: 'none', bottom: 6, height: 22, realtime: false, labelFormatter: (v: number) => day(v) },
      // the wheel zooms; a drag is the brush's, not a pan
      { type: 'inside', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: true, moveOnMouseMove: false, moveOnMouseWheel: false },
    ],
    brush: { xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', toolbox: [], transformable: false, brushStyle: { color: 'rgba(31,95,191,.15)', borderColor: '#1f5fbf' } },
  };
}

/**
 * Calls `choose(from, to)` when the user picks a range on the chart: a drag across the plot
 * (brush), or the slider or the wheel (zoom, once it has settled). Either makes the range the view.
 */
export function onRangeChosen(c: Chart, shown: { from: string; to: string }, choose: (from: string, to: string) => void): void {
  c.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
  const pick = (a: number, b: number) => {
    const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
    if (from !== shown.from || to !== shown.to) choose(from, to);
  };
  c.on('brushEnd', (p) => {
    const range = (p as { areas?: { coordRange?: [number, number] }[] }).areas?.[0]?.coordRange;
    if (range && Math.abs(range[1] - range[0]) >= DAY_MS / 2) pick(range[0], range[1]);
  });
  let settle: ReturnType<typeof setTimeout> | undefined;
  c.on('datazoom', () => {
    clearTimeout(settle);
    settle = setTimeout(() => {
      const z = (c.getOption() as { dataZoom?: { startValue?: number; endValue?: number }[] }).dataZoom?.[0];
      if (z?.startValue !== undefined && z.endValue !== undefined) pick(z.startValue, z.endValue);
    }, 500);
  });
}

/** Bars: events per period stacked by quad class; line: the rolling mean of Goldstein; the tooltip gives each n. */
export function dyadOption(v: DyadView, title: string) {
  const pts = v.points;
  const busiest = [...pts].sort((x, y) => y.events - x.events).slice(0, 6).filter((p) => p.events > 0);
  const total = pts.reduce((n, p) => n + p.events, 0);
  return {
    ...timeAxis(v.from!, v.to!),
    aria: {
      enabled: true,
      label: {
        description: `${title}, ${v.from} to ${v.to}: ${pts.length} periods of a ${v.period}, ${total} events. ` +
          busiest.map((p) => `${p.period}: ${p.events} events, mean Goldstein ${p.goldsteinMean?.toFixed(1)}`).join('; ') + '.',
      },
      decal: { show: true },
    },
    tooltip: { trigger: 'axis', formatter: (items: { dataIndex: number }[]) => tooltip(pts[items[0]?.dataIndex ?? 0], v.window) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 44, right: 52, top: 56, bottom: 64 },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...QUAD_NAMES.map((name, i) => ({
        name, type: 'bar', stack: 'quad', yAxisIndex: 0, itemStyle: { color: QUAD_COLOURS[i] }, barMaxWidth: 40,
        data: pts.map((p) => [ms(p.start), p.quad[i]]),
      })),
      {
        name: `Goldstein, rolling mean of ${v.window} ${v.period}${v.window === 1 ? '' : 's'}`, type: 'line', yAxisIndex: 1, symbol: 'circle', symbolSize: 6,
        showSymbol: pts.length <= 200, connectNulls: false, lineStyle: { width: 2.5, color: '#20252e' }, itemStyle: { color: '#20252e' },
        data: pts.map((p) => [ms(p.start), p.rolling]),
      },
    ],
  };
}

function tooltip(p: SeriesPoint | undefined, window: number): string {
  if (!p) return '';
  const lines = [
    `<strong>${esc(p.period)}</strong>`,
    `${p.events} event${p.events === 1 ? '' : 's'} (n)` + (p.events ? `, mean Goldstein ${esc(fmt(p.goldsteinMean!, 2))}` : ''),
    ...QUAD_NAMES.map((q, i) => (p.quad[i] ? `${esc(q)}: ${p.quad[i]}` : '')).filter(Boolean),
    p.rolling === null ? `rolling mean (${window}): no events` : `rolling mean (${window}): ${esc(fmt(p.rolling, 2))}, n = ${p.rollingEvents}`,
  ];
  return lines.join('<br>');
}

/** The points as a table: the chart's numbers for the keyboard and for screen readers, each with its n. */
export function pointsTable(v: DyadView): HTMLElement {
  const num = (x: number | null) => h('td', { class: 'num' }, x === null ? '—' : fmt(x, 2));
  return h('details', { id: 'dyad-points' },
    h('summary', {}, `The chart's ${v.points.length} points (n per ${v.period})`),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ...[v.period, 'n', ...QUAD_NAMES, 'mean', `rolling mean (${v.window})`, 'rolling n'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...v.points.map((p) => h('tr', { 'data-period': p.period, 'data-n': p.events },
        h('th', { scope: 'row' }, p.period), h('td', { class: 'num' }, p.events), ...p.quad.map((q) => h('td', { class: 'num' }, q)),
        num(p.goldsteinMean), num(p.rolling), h('td', { class: 'num' }, p.rollingEvents)))))));
}

/** Buttons that save the chart as drawn: SVG as ECharts renders it, PNG painted from that SVG. */
export function chartButtons(getChart: () => Chart | undefined, name: string, say: (text: string, kind?: 'info' | 'error') => void): HTMLElement {
  const save = async (kind: 'svg' | 'png') => {
    const c = getChart();
    if (!c) return say('There is no chart to save.', 'error');
    try {
      const svg = chartSvg(c);
      const blob = kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg);
      saveBlob(blob, `${name}.${kind}`);
      say(`Saved the chart as ${name}.${kind} (${blob.size.toLocaleString('en')} bytes).`);
    } catch (e) {
      say(`Could not save the chart: ${(e as Error).message}`, 'error');
    }
  };
  return h('span', { class: 'export-group' },
    h('button', { type: 'button', class: 'secondary', 'data-export': 'svg', onclick: () => void save('svg') }, 'Chart SVG'),
    h('button', { type: 'button', class: 'secondary', 'data-export': 'png', onclick: () => void save('png') }, 'Chart PNG'));
}
