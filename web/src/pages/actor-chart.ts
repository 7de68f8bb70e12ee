import type { ActorPartner } from '../api.js';
import { QUAD_COLOURS, QUAD_NAMES } from '../scale.js';

/**
 * The actor's partners as diverging bars: events sent to each partner to the right and received
 * from it to the left, stacked by quad class (one colour a class, the same both ways), busiest
 * partner on top. The spoken description gives the numbers.
 */
export function partnerOption(actor: string, partners: ActorPartner[]) {
  const names = partners.map((p) => p.partner).reverse();
  const rows = [...partners].reverse();
  const series = QUAD_NAMES.flatMap((name, q) => [
    { name, type: 'bar', stack: 'partners', barMaxWidth: 28, data: rows.map((p) => p.sent.quad[q]), itemStyle: { color: QUAD_COLOURS[q] } },
    { name, type: 'bar', stack: 'partners', barMaxWidth: 28, data: rows.map((p) => -p.received.quad[q]), itemStyle: { color: QUAD_COLOURS[q], opacity: 0.7 } },
  ]);
  const said = partners.map((p) => `${p.partner}: ${p.sent.events} sent, ${p.received.events} received`).join('; ');
  return {
    aria: { enabled: true, label: { description: `Bars of ${actor}'s partners, events sent to the right and received to the left, by quad class. ${said}.` } },
    legend: { data: [...QUAD_NAMES], top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => String(Math.abs(v)) },
    grid: { left: 8, right: 16, top: 36, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: '← received · sent →', nameLocation: 'middle', nameGap: 22, axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
    yAxis: { type: 'category', data: names },
    series,
  };
}
