import { api, type DyadView } from '../api.js';
import type { Chart } from '../charts.js';
import { field, formValues, h, status } from '../dom.js';
import { link, type Route } from '../route.js';
import { fmt } from '../scale.js';
import { dyadLink, PERIODS, readDyadState, WINDOWS } from './dyad-state.js';
import { statusLine } from './dyad.js';

/** Up to this many dyads on one chart: more lines than that cannot be told apart. */
const MOST = 6;
const COLOURS = ['#1f5fbf', '#c62828', '#2e7d32', '#6a4c93', '#ef6c00', '#20252e'];
const PAIR = /^([A-Z0-9]{2,20})-([A-Z0-9]{2,20})$/;

/** `RUS-EU, usa-chn` → [['RUS', 'EU'], ['USA', 'CHN']]; anything else is left out. */
export function parseDyads(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of text.toUpperCase().split(/[\s,;]+/)) {
    const m = PAIR.exec(part);
    if (m && !out.some(([a, b]) => a === m[1] && b === m[2])) out.push([m[1], m[2]]);
  }
  return out.slice(0, MOST);
}

/**
 * Two or more dyads overlaid on one continuous time axis: each dyad's rolling mean of Goldstein
 * (solid) and its events per period (dashed), with the same range, period, window and direction.
 * `#/compare?d=RUS-EU,USA-CHN&from=…&to=…&period=…&window=…&dir=ab`.
 */
export async function renderCompare(view: HTMLElement, route: Route): Promise<void> {
  const p = route.params;
  const dyads = parseDyads(p.get('d') ?? '');
  // the range and the series' settings read as the dyad page reads them
  const s = readDyadState({ page: 'dyad', parts: dyads[0] ?? [], params: p });
  const go = (patch: Record<string, string | number | undefined>) => {
    location.hash = link('compare', [], { d: dyads.map((d) => d.join('-')).join(','), dir: s.dir === 'ab' ? 'ab' : undefined, from: s.from, to: s.to, period: s.period, window: s.window, ...patch });
  };
  const form = h('form', { class: 'filters', 'aria-label': 'Dyads to compare' },
    field('Dyads (A-B, comma between)', 'd', dyads.map((d) => d.join('-')).join(', ') || 'RUS-EU, USA-CHN', 'text', { size: 28 }),
    h('div', { class: 'field' }, h('label', { for: 'f-dir' }, 'Direction'),
      h('select', { id: 'f-dir', name: 'dir' }, h('option', { value: 'both', selected: s.dir === 'both' }, 'both ways'), h('option', { value: 'ab', selected: s.dir === 'ab' }, 'A → B'))),
    field('From', 'from', s.from, 'date'),
    field('To', 'to', s.to, 'date'),
    h('div', { class: 'field' }, h('label', { for: 'f-period' }, 'Period'),
      h('select', { id: 'f-period', name: 'period' }, ...PERIODS.map((x) => h('option', { value: x, selected: x === s.period }, x)))),
    h('div', { class: 'field' }, h('label', { for: 'f-window' }, 'Rolling mean over'),
      h('select', { id: 'f-window', name: 'window' }, ...WINDOWS.map((w) => h('option', { value: String(w), selected: w === s.window }, `${w} period${w === 1 ? '' : 's'}`)))),
    h('button', { type: 'submit' }, 'Compare'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    go({ d: parseDyads(v.d).map((d) => d.join('-')).join(','), dir: v.dir === 'ab' ? 'ab' : undefined, from: v.from, to: v.to, period: v.period, window: v.window });
  });
  view.append(h('h1', { tabindex: -1 }, 'Compare dyads'),
    h('p', { class: 'lede' }, `Each dyad's rolling mean of Goldstein (solid, left axis) and its events per period (dashed, right axis), on one time axis. Up to ${MOST} dyads.`),
    form);
  if (dyads.length < 2) {
    view.append(status('Give two dyads or more, e.g. RUS-EU, USA-CHN.'));
    return;
  }
  const views = await Promise.all(dyads.map(([a, b]) =>
    api.dyadSeries({ a, b, undirected: s.dir === 'both' ? 'true' : undefined, from: s.from || undefined, to: s.to || undefined, period: s.period, window: s.window })));
  const drawn = views.filter((v) => v.points.length > 0 && v.from && v.to);
  const { el: said, say } = statusLine('compare-status');
  let chart: Chart | undefined;
  if (drawn.length > 0) {
    const charts = await import('../charts.js');
    const parts = await import('./dyad-chart.js');
    const from = drawn.map((v) => v.from!).sort()[0];
    const to = drawn.map((v) => v.to!).sort().reverse()[0];
    const el = h('div', { class: 'chart', id: 'compare-chart' });
    view.append(h('p', { id: 'compare-range' }, h('strong', {}, `${from} to ${to}`), ' · drag across the chart to choose a range; the slider and the wheel zoom'), el);
    chart = charts.chart(el, compareOption(views, from, to, s.dir === 'both', parts.timeAxis(from, to)));
    parts.onRangeChosen(chart, { from, to }, (f, t) => go({ from: f, to: t }));
    view.append(h('div', { class: 'exports', role: 'group', 'aria-label': 'Take the chart away' },
      parts.chartButtons(() => chart, `entente-compare-${dyads.map((d) => d.join('-')).join('_')}`, say)), said);
  } else {
    view.append(status('None of these dyads has events in this range.'));
  }
  view.append(h('h2', {}, 'The dyads'), summary(views, s.dir === 'both'));
}

function compareOption(views: DyadView[], from: string, to: string, both: boolean, axis: object) {
  const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const name = (v: DyadView) => `${v.a}${both ? '–' : '→'}${v.b}`;
  return {
    ...axis,
    aria: {
      enabled: true,
      label: {
        description: `Comparison of ${views.map(name).join(', ')}, ${from} to ${to}, by ${views[0].period}: ` +
          views.map((v) => `${name(v)} ${v.points.reduce((n, p) => n + p.events, 0)} events`).join('; ') + '.',
      },
    },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 44, right: 52, top: 56, bottom: 64 },
    yAxis: [
      { type: 'value', name: 'Goldstein', min: -10, max: 10 },
      { type: 'value', name: 'events', minInterval: 1, splitLine: { show: false } },
    ],
    series: views.flatMap((v, i) => [
      {
        name: `${name(v)} Goldstein`, type: 'line', yAxisIndex: 0, connectNulls: false, showSymbol: v.points.length <= 120,
        lineStyle: { width: 2.5, color: COLOURS[i] }, itemStyle: { color: COLOURS[i] },
        data: v.points.map((p) => [ms(p.start), p.rolling]),
      },
      {
        name: `${name(v)} events`, type: 'line', yAxisIndex: 1, step: 'start', showSymbol: false,
        lineStyle: { width: 1.2, type: 'dashed', color: COLOURS[i] }, itemStyle: { color: COLOURS[i] },
        data: v.points.map((p) => [ms(p.start), p.events]),
      },
    ]),
  };
}

/** Each dyad's totals over the range, with the way to its own page. */
function summary(views: DyadView[], both: boolean): HTMLElement {
  return h('div', { class: 'table-wrap' }, h('table', { id: 'compare-table' },
    h('thead', {}, h('tr', {}, ...['Dyad', 'Events', 'Reports', 'Mean Goldstein', 'Range'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, ...views.map((v) => {
      const n = v.points.reduce((k, p) => k + p.events, 0);
      const sum = v.points.reduce((k, p) => k + (p.goldsteinMean ?? 0) * p.events, 0);
      const state = readDyadState({ page: 'dyad', parts: [v.a, v.b], params: new URLSearchParams() });
      return h('tr', { 'data-dyad': `${v.a}-${v.b}`, 'data-events': n },
        h('th', { scope: 'row' }, h('a', { href: dyadLink({ ...state, dir: both ? 'both' : 'ab', from: v.from ?? '', to: v.to ?? '', period: v.period as 'month', window: v.window }) }, `${v.a}${both ? '–' : '→'}${v.b}`)),
        h('td', { class: 'num' }, n),
        h('td', { class: 'num' }, v.mentions),
        h('td', { class: 'num' }, n ? fmt(sum / n, 2) : '—'),
        h('td', {}, v.from && v.to ? `${v.from} to ${v.to}` : 'no events'));
    }))));
}
