import { api, type DyadPoint, type StoredEvent } from '../api.js';
import { h, status } from '../dom.js';
import { link, type Route } from '../route.js';
import { fmt, QUAD_COLOURS, QUAD_NAMES } from '../scale.js';

const PERIODS = ['day', 'week', 'month'] as const;

/**
 * One dyad over time: mean Goldstein as a line over event counts stacked by quad class, then every
 * event of the dyad (both directions) with the sentence it was coded from.
 */
export async function renderDyad(view: HTMLElement, route: Route): Promise<void> {
  const [a, b] = route.parts;
  if (!a || !b) {
    view.append(h('h1', { tabindex: -1 }, 'Dyad'), status('A dyad page needs two actors, e.g. #/dyad/RUS/EU.', 'error'));
    return;
  }
  const period = (PERIODS as readonly string[]).includes(route.params.get('period') ?? '') ? route.params.get('period')! : 'month';
  const select = h('select', { id: 'f-period', name: 'period' }, ...PERIODS.map((p) => h('option', { value: p, selected: p === period }, p)));
  select.addEventListener('change', () => { location.hash = link('dyad', [a, b], { period: select.value }); });
  view.append(
    h('h1', { tabindex: -1 }, `${a} and ${b}`),
    h('p', { class: 'lede' }, h('a', { href: link('relations') }, '← all relations'), ` · both directions: ${a} → ${b} and ${b} → ${a}`),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'f-period' }, 'Period'), select)));

  const [both, ab, ba, events] = await Promise.all([
    api.dyad({ a, b, period, undirected: 'true' }),
    api.dyad({ a, b, period }),
    api.dyad({ a: b, b: a, period }),
    api.events({ dyad: `${a},${b}`, undirected: 'true', limit: 500 }),
  ]);
  if (both.series.length > 0) {
    const { chart } = await import('../charts.js');
    const el = h('div', { class: 'chart short', id: 'dyad-chart' });
    view.append(el);
    chart(el, timelineOption(a, b, both.series, ab.series, ba.series));
  } else {
    view.append(status(`No events between ${a} and ${b} to chart.`));
  }
  const total = events.total ?? events.items.length;
  view.append(h('h2', {}, `Events (${total}${total > events.items.length ? `, first ${events.items.length} shown` : ''})`));
  if (events.items.length === 0) view.append(status('No events coded for this dyad.'));
  else view.append(h('ul', { class: 'cards', id: 'dyad-events' }, ...events.items.map(eventCard)));
}

/** Bars: both directions' events per period by quad class; lines: each direction's mean Goldstein. */
function timelineOption(a: string, b: string, pts: DyadPoint[], ab: DyadPoint[], ba: DyadPoint[]) {
  const periods = pts.map((p) => p.period);
  const line = (dir: DyadPoint[]) => {
    const by = new Map(dir.map((p) => [p.period, p.goldsteinMean]));
    return periods.map((p) => (by.has(p) ? Number(by.get(p)!.toFixed(2)) : null));
  };
  const busiest = [...pts].sort((x, y) => y.events - x.events).slice(0, 6);
  return {
    aria: {
      enabled: true,
      label: {
        description: `Timeline of ${a} and ${b}: ${pts.length} periods, ${pts.reduce((n, p) => n + p.events, 0)} events. ` +
          busiest.map((p) => `${p.period}: ${p.events} events, mean Goldstein ${p.goldsteinMean.toFixed(1)}`).join('; ') + '.',
      },
      decal: { show: true },
    },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 44, right: 52, top: 56, bottom: 32 },
    xAxis: { type: 'category', data: periods },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...QUAD_NAMES.map((name, i) => ({
        name, type: 'bar', stack: 'quad', yAxisIndex: 0, itemStyle: { color: QUAD_COLOURS[i] }, barMaxWidth: 48,
        data: pts.map((p) => p.quad[i]),
      })),
      ...([[`${a} → ${b}`, ab, '#20252e', 'circle'], [`${b} → ${a}`, ba, '#6a4c93', 'triangle']] as const).map(([name, dir, colour, symbol]) => ({
        name: `Goldstein ${name}`, type: 'line', yAxisIndex: 1, symbol, symbolSize: 8, connectNulls: true,
        lineStyle: { width: 2.5, color: colour }, itemStyle: { color: colour }, data: line(dir),
      })),
    ],
  };
}

/** One event: its coding on one line, the evidence sentence with the trigger marked, a link to the article. */
export function eventCard(e: StoredEvent): HTMLElement {
  const ev = e.event;
  const s0 = ev.sentenceSpan.start;
  const t0 = Math.max(0, Math.min(e.sentence.length, ev.start - s0));
  const t1 = Math.max(t0, Math.min(e.sentence.length, ev.end - s0));
  const quad = e.quad === null ? 'no quad class' : QUAD_NAMES[e.quad - 1];
  const g = e.goldstein;
  return h('li', { class: 'card', 'data-code': e.code, 'data-goldstein': g },
    h('div', { class: 'meta' },
      h('span', {}, e.date ?? 'undated'),
      h('strong', {}, `${e.source} → ${e.target ?? '—'}`),
      h('span', { class: 'codes' }, `CAMEO ${e.code}${e.plover ? ` · ${e.plover}` : ''}`),
      h('span', { class: g === null ? '' : g < 0 ? 'neg' : g > 0 ? 'pos' : '' }, g === null ? 'no Goldstein score' : `Goldstein ${fmt(g)}`),
      h('span', {}, quad),
      e.modality !== 'asserted' ? h('span', {}, e.modality) : null),
    h('p', { class: 'evidence' },
      h('span', { class: 'visually-hidden' }, 'Evidence: '),
      e.sentence.slice(0, t0), h('mark', { class: 'trigger' }, e.sentence.slice(t0, t1)), e.sentence.slice(t1)),
    h('div', { class: 'meta' },
      e.outlet ? h('span', {}, e.outlet) : null,
      h('span', { class: 'codes' }, `rule ${e.rule} · confidence ${e.confidence.toFixed(2)}`),
      h('a', { href: link('article', [e.articleId], { event: e.index }) }, 'read in the article')));
}
