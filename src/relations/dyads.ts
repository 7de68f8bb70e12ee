import type { StoredEvent } from '../store/types.js';
import { countable, dyadOf, inRange, type DyadEvent } from './countable.js';
import { type Period } from './period.js';
import { cmp, relationSeries } from './series.js';
import { Tally, type RelationStats } from './tally.js';
import { slope } from './trend.js';

export interface DyadOptions {
  undirected?: boolean;
  /** at most this many rows; all when absent */
  limit?: number;
  /** inclusive ISO days */
  from?: string;
  to?: string;
  /** the period the trend is measured over; `month` when absent */
  trendPeriod?: Period;
}

export interface DyadRow extends RelationStats {
  source: string;
  target: string;
  /** the earliest and latest event day */
  first: string;
  last: string;
  /**
   * Least-squares slope of the dyad's mean Goldstein per month (or per `trendPeriod`), in
   * Goldstein points per period: above 0 the relation is warming, below 0 cooling; 0 when the
   * events fall in fewer than two periods.
   */
  trend: number;
}

/**
 * The most active dyads: most de-duplicated events first, then most sources, then by name so
 * the order is stable.
 */
export function topDyads(events: Iterable<StoredEvent>, opts: DyadOptions = {}): DyadRow[] {
  const undirected = opts.undirected ?? false;
  const trendPeriod = opts.trendPeriod ?? 'month';
  const byDyad = new Map<string, { source: string; target: string; tally: Tally; events: DyadEvent[] }>();
  for (const e of events) {
    if (!countable(e) || !inRange(e.date, opts.from, opts.to)) continue;
    const [source, target] = dyadOf(e, undirected);
    const key = `${source}\t${target}`;
    let d = byDyad.get(key);
    if (!d) byDyad.set(key, (d = { source, target, tally: new Tally(), events: [] }));
    d.tally.add(e);
    d.events.push(e);
  }
  const rows = [...byDyad.values()].map(({ source, target, tally, events: evs }): DyadRow => {
    const series = relationSeries(evs, { period: trendPeriod, undirected });
    return {
      source, target, ...tally.stats(), first: tally.first!, last: tally.last!,
      trend: slope(series.map((r) => ({ period: r.period, value: r.goldsteinMean })), trendPeriod),
    };
  });
  rows.sort((a, b) => b.events - a.events || b.sources - a.sources || cmp(a.source, b.source) || cmp(a.target, b.target));
  return opts.limit === undefined ? rows : rows.slice(0, opts.limit);
}
