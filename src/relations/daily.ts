import type { StoredEvent } from '../store/types.js';
import { relationSeries } from './series.js';

/** One day of a dyad's relation: the mean Goldstein of its de-duplicated events that day. */
export interface DayPoint {
  day: string;
  mean: number;
  events: number;
}

/** An undirected dyad (the pair in sorted order) and its days with events, oldest first. */
export interface DailySeries {
  dyad: [string, string];
  days: DayPoint[];
}

/**
 * Each undirected dyad's daily Goldstein series, from the events that count in relations
 * (`countable`), as `relationSeries` by day makes it: what the change detector reads. Days
 * without events are absent, not zero: a quiet day says nothing of the relation.
 *
 * @example dailySeries(events).get('EU\tRUS')?.days[0] // { day: '2021-03-23', mean: -2, events: 3 }
 */
export function dailySeries(events: Iterable<StoredEvent>): Map<string, DailySeries> {
  const out = new Map<string, DailySeries>();
  for (const r of relationSeries(events, { period: 'day', undirected: true })) {
    const key = dyadKey([r.source, r.target]);
    let s = out.get(key);
    if (!s) out.set(key, (s = { dyad: [r.source, r.target], days: [] }));
    s.days.push({ day: r.period, mean: r.goldsteinMean, events: r.events });
  }
  return out;
}

/** The key of an undirected dyad: its two sides sorted, tab-separated. @example dyadKey(['RUS', 'EU']) // 'EU\tRUS' */
export function dyadKey(dyad: readonly [string, string]): string {
  const [a, b] = dyad;
  return b < a ? `${b}\t${a}` : `${a}\t${b}`;
}
