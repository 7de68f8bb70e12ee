import { api, type DyadPoint, type StoredEvent } from '../api.js';
import { chart } from '../charts.js';
import { h, status } from '../dom.js';
import { link, type Route } from '../route.js';
import { fmt, goldsteinColour, QUAD_COLOURS, QUAD_NAMES } from '../scale.js';

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
    h('p', { class: 'lede' }, h('a', { href: link('relations') }, '← all relations'), ' · ', h('a', { href: link('dyad', [b, a], { period }) }, `${b} → ${a} first`)),
    h('div', { class: 'filters' }, h('div', { class: 'field' }, h('label', { for: 'f-period' }, 'Period'), select)));

  const [series, ab, ba] = await Promise.all([
    api.dyad({ a, b, period }),
    api.events({ dyad: `${a},${b}`, limit: 500 }),
    api.events({ dyad: `${b},${a}`, limit: 500 }),
  ]);
  if (series.items.length > 0) {
    const el = h('div', { class: 'chart short', id: 'dyad-chart' });
    view.append(el);
    chart(el, timelineOption(a, b, series.items));
  } else {
    view.append(status(`No events between ${a} and ${b} to chart.`));
  }
  const events = [...ab.items, ...ba.items].sort((x, y) => (x.date ?? '').localeCompare(y.date ?? '') || x.articleId.localeCompare(y.articleId) || x.index - y.index);
  view.append(h('h2', {}, `Events (${events.length})`));
  if (events.length === 0) view.append(status('No events coded for this dyad.'));
  else view.append(h('ul', { class: 'cards', id: 'dyad-events' }, ...events.map(eventCard)));
}

function timelineOption(a: string, b: string, pts: DyadPoint[]) {
  const periods = pts.map((p) => p.period);
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
    grid: { left: 48, right: 48, top: 48, bottom: 32 },
    xAxis: { type: 'category', data: periods },
    yAxis: [
      { type: 'value', name: 'events', minInterval: 1 },
      { type: 'value', name: 'Goldstein', min: -10, max: 10, splitLine: { show: false } },
    ],
    series: [
      ...QUAD_NAMES.map((name, i) => ({
        name, type: 'bar', stack: 'quad', yAxisIndex: 0, itemStyle: { color: QUAD_COLOURS[i] },
        data: pts.map((p) => p.quad[i]),
      })),
      {
        name: 'mean Goldstein', type: 'line', yAxisIndex: 1, symbolSize: 7, lineStyle: { width: 2.5, color: '#20252e' },
        itemStyle: { color: '#20252e' },
        data: pts.map((p) => ({ value: Number(p.goldsteinMean.toFixed(2)), itemStyle: { color: goldsteinColour(p.goldsteinMean) } })),
      },
    ],
  };
}

/** One event: its coding on one line, the evidence sentence with the trigger marked, a link to the article. */
export function eventCard(e: StoredEvent): HTMLElement {
  const ev = e.event;
  const s0 = ev.sentenceSpan.start;
  const t0 = Math.max(0, Math.min(e.sentence.length, ev.start - s0));
  const t1 = Math.max(t0, Math.min(e.sentence.length, ev.end - s0));
  const quad = QUAD_NAMES[e.quad - 1];
  return h('li', { class: 'card', 'data-code': e.code, 'data-goldstein': e.goldstein },
    h('div', { class: 'meta' },
      h('span', {}, e.date ?? 'undated'),
      h('strong', {}, `${e.source} → ${e.target ?? '—'}`),
      h('span', { class: 'codes' }, `CAMEO ${e.code}${e.plover ? ` · ${e.plover}` : ''}`),
      h('span', { class: e.goldstein < 0 ? 'neg' : e.goldstein > 0 ? 'pos' : '' }, `Goldstein ${fmt(e.goldstein)}`),
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
