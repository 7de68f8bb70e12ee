import type { StoredEvent } from '../store/types.js';
import { countable, dyadOf, inRange } from './countable.js';
import { periodOf, type Period } from './period.js';
import { Tally, type RelationStats } from './tally.js';

export interface SeriesOptions {
  period: Period;
  /** RUS→EU and EU→RUS together, as the sorted pair */
  undirected?: boolean;
  /** inclusive ISO days */
  from?: string;
  to?: string;
}

export interface SeriesRow extends RelationStats {
  source: string;
  target: string;
  /** `2021-03-23`, `2021-W12` or `2021-03` */
  period: string;
}

/**
 * Relations per dyad and period, sorted by dyad then period. Only periods with events appear.
 * @example relationSeries(events, { period: 'month' })[0] // { source: 'RUS', target: 'EU', period: '2021-03', events: 2, … }
 */
export function relationSeries(events: Iterable<StoredEvent>, opts: SeriesOptions): SeriesRow[] {
  const cells = new Map<string, { source: string; target: string; period: string; tally: Tally }>();
  for (const e of events) {
    if (!countable(e) || !inRange(e.date, opts.from, opts.to)) continue;
    const [source, target] = dyadOf(e, opts.undirected ?? false);
    const period = periodOf(e.date, opts.period);
    const key = `${source}\t${target}\t${period}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { source, target, period, tally: new Tally() }));
    cell.tally.add(e);
  }
  return [...cells.values()]
    .map(({ source, target, period, tally }) => ({ source, target, period, ...tally.stats() }))
    .sort((a, b) => cmp(a.source, b.source) || cmp(a.target, b.target) || cmp(a.period, b.period));
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
