import { api, type Relation } from '../api.js';
import { field, formValues, h, status } from '../dom.js';
import { link, type Route } from '../route.js';
import { countWidth, fmt, goldsteinColour, QUAD_NAMES } from '../scale.js';

/**
 * Relations: actors as nodes, one directed edge per dyad coloured by mean Goldstein and as wide as
 * its event count allows; the same data as a table below, which is the keyboard path to each dyad.
 */
export async function renderRelations(view: HTMLElement, route: Route): Promise<void> {
  const from = route.params.get('from') ?? '';
  const to = route.params.get('to') ?? '';
  const limit = Number(route.params.get('limit') ?? 60) || 60;
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Date range' },
    field('From', 'from', from, 'date'),
    field('To', 'to', to, 'date'),
    field('Top dyads', 'limit', String(limit), 'number', { min: 1, max: 500 }),
    h('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const v = formValues(form);
    location.hash = link('relations', [], { from: v.from, to: v.to, limit: v.limit });
  });
  view.append(h('h1', { tabindex: -1 }, 'Relations between actors'),
    h('p', { class: 'lede' }, 'Edges run from the actor who acts to the one acted on; red is conflict, green cooperation (mean Goldstein score), width is the number of events.'),
    form);

  const { items } = await api.relations({ from, to, limit });
  if (items.length === 0) {
    view.append(status('No coded events in this range, so no relations to draw.'));
    return;
  }
  const { chart } = await import('../charts.js');
  const el = h('div', { class: 'chart', id: 'relations-graph' });
  view.append(el);
  const c = chart(el, graphOption(items));
  c.on('click', (p) => {
    const d = p.data as { source?: string; target?: string } | undefined;
    if (p.dataType === 'edge' && d?.source && d.target) location.hash = link('dyad', [d.source, d.target]);
  });
  view.append(h('h2', {}, 'Dyads'), relationsTable(items));
}

function graphOption(rels: Relation[]) {
  const weight = new Map<string, number>();
  for (const r of rels) {
    weight.set(r.source, (weight.get(r.source) ?? 0) + r.events);
    weight.set(r.target, (weight.get(r.target) ?? 0) + r.events);
  }
  const maxNode = Math.max(...weight.values());
  const maxEdge = Math.max(...rels.map((r) => r.events));
  const nodes = [...weight].map(([name, w]) => ({
    name,
    value: w,
    symbolSize: 18 + 26 * Math.sqrt(w / maxNode),
    label: { show: true, fontSize: 12 },
  }));
  const edges = rels.map((r) => ({
    source: r.source,
    target: r.target,
    value: r.events,
    lineStyle: { color: goldsteinColour(r.goldsteinMean), width: countWidth(r.events, maxEdge), curveness: 0.18, opacity: 0.9 },
    tooltip: { formatter: `${r.source} → ${r.target}: ${r.events} events, mean Goldstein ${fmt(r.goldsteinMean)}` },
  }));
  return {
    aria: { enabled: true, label: { description: describe(rels) } },
    tooltip: {},
    series: [{
      type: 'graph',
      layout: 'circular',
      // labels turned outward along the radius, with room around the circle for them
      circular: { rotateLabel: true },
      left: 56, right: 56, top: 48, bottom: 48,
      roam: true,
      data: nodes,
      links: edges,
      edgeSymbol: ['none', 'arrow'],
      edgeSymbolSize: 8,
      itemStyle: { color: '#3d4a5c' },
      label: { position: 'right', color: '#1d1f23', fontSize: 12 },
      emphasis: { focus: 'adjacency', lineStyle: { width: 6 } },
    }],
  };
}

/** The chart's spoken description: what it is and its busiest dyads, with their tone. */
function describe(rels: Relation[]): string {
  const top = [...rels].sort((a, b) => b.events - a.events).slice(0, 12);
  const parts = top.map((r) => `${r.source} to ${r.target}: ${r.events} event${r.events === 1 ? '' : 's'}, mean Goldstein ${r.goldsteinMean.toFixed(1)}`);
  return `Graph of relations between actors, ${rels.length} directed dyads. Busiest: ${parts.join('; ')}.`;
}

function relationsTable(rels: Relation[]): HTMLElement {
  const rows = rels.map((r) =>
    h('tr', { 'data-source': r.source, 'data-target': r.target, 'data-mean': r.goldsteinMean, 'data-events': r.events },
      h('td', {}, h('a', { href: link('dyad', [r.source, r.target]) }, `${r.source} → ${r.target}`)),
      h('td', { class: 'num' }, r.events),
      h('td', { class: `num ${r.goldsteinMean < 0 ? 'neg' : r.goldsteinMean > 0 ? 'pos' : ''}` },
        h('span', { class: 'swatch', style: `background:${goldsteinColour(r.goldsteinMean)}`, 'aria-hidden': 'true' }), fmt(r.goldsteinMean)),
      h('td', { class: 'num hide-narrow', title: QUAD_NAMES.join(' / ') }, r.quad.join(' / ')),
      h('td', { class: 'num hide-narrow' }, r.sources),
      h('td', { class: 'hide-narrow' }, r.first && r.last ? `${r.first} – ${r.last}` : r.first ?? '')));
  return h('div', { class: 'table-wrap' }, h('table', { id: 'relations-table' },
    h('caption', { class: 'status' }, 'Each dyad with its events; open one for its timeline and evidence.'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Dyad'),
      h('th', { scope: 'col' }, 'Events'),
      h('th', { scope: 'col' }, 'Mean Goldstein'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Verbal coop. / material coop. / verbal conflict / material conflict'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'Outlets'),
      h('th', { scope: 'col', class: 'hide-narrow' }, 'First – last'))),
    h('tbody', {}, ...rows)));
}
