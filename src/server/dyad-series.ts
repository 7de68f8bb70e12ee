import { periodOf, type Period, type QuadCounts, type SeriesRow } from '../relations/index.js';
import { badParameter } from './errors.js';

/** One period of the explorer's chart: empty periods are there with `events` 0, never skipped. */
export interface SeriesPoint {
  /** `2021-03-23`, `2021-W12` or `2021-03` */
  period: string;
  /** its first day, where a time axis places it */
  start: string;
  /** de-duplicated events, as the relations count them */
  events: number;
  quad: QuadCounts;
  /** null when the period has no events */
  goldsteinMean: number | null;
  /** mean Goldstein of the events of this period and the `window - 1` before it, each event weighing one */
  rolling: number | null;
  /** the events that rolling mean is over (its n) */
  rollingEvents: number;
}

/** More points than a chart can show or a browser hold comfortably: a shorter range or a coarser period is asked for. */
export const MAX_POINTS = 20_000;

const DAY_MS = 86_400_000;

/** @example startOf('2021-03-24', 'week') // '2021-03-22' (its Monday) */
export function startOf(day: string, period: Period): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const d = new Date(`${day}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the period after the one starting on `start`. @example nextStart('2021-12-01', 'month') // '2022-01-01' */
export function nextStart(start: string, period: Period): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return new Date(d.getTime() + (period === 'week' ? 7 : 1) * DAY_MS).toISOString().slice(0, 10);
}

/** The first day of the period `k` periods before the one holding `day`. @example periodsBefore('2021-03-10', 'month', 2) // '2021-01-01' */
export function periodsBefore(day: string, period: Period, k: number): string {
  const d = new Date(`${startOf(day, period)}T00:00:00Z`);
  if (period === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - k, 1)).toISOString().slice(0, 10);
  return new Date(d.getTime() - k * (period === 'week' ? 7 : 1) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A dyad's relation series on a continuous time axis: every period from the one holding `from` to
 * the one holding `to`, those without events present with n = 0, and a trailing rolling mean of
 * Goldstein over `window` periods weighted by events (a period of one event moves it by that one
 * event's share, not by a whole period's). `rows` are `relationSeries` rows of one dyad. With
 * `shownFrom`, the periods before the one holding it only feed the first points' rolling means
 * (rows read from `window - 1` periods earlier) and are not returned.
 *
 * @example continuousSeries(rows, { period: 'month', from: '2021-01-05', to: '2021-03-02', window: 2 }).map((p) => p.period) // ['2021-01', '2021-02', '2021-03']
 * @throws ApiError (bad_parameter) past MAX_POINTS periods
 */
export function continuousSeries(rows: readonly SeriesRow[], opts: { period: Period; from: string; to: string; window: number; shownFrom?: string }): SeriesPoint[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r]));
  const points: SeriesPoint[] = [];
  for (let start = startOf(opts.from, opts.period); start <= opts.to; start = nextStart(start, opts.period)) {
    if (points.length >= MAX_POINTS) {
      throw badParameter(`period ${opts.period} from ${opts.from} to ${opts.to} gives more than ${MAX_POINTS} points: choose a shorter range (from, to) or a longer period`);
    }
    const period = periodOf(start, opts.period);
    const r = byPeriod.get(period);
    points.push({
      period, start, events: r?.events ?? 0, quad: r ? [...r.quad] as QuadCounts : [0, 0, 0, 0],
      goldsteinMean: r && r.events ? r.goldsteinMean : null, rolling: null, rollingEvents: 0,
    });
  }
  // the window's sums kept as it slides, from the rows' exact sums (not their rounded means)
  let sum = 0;
  let n = 0;
  for (let i = 0; i < points.length; i++) {
    const add = byPeriod.get(points[i].period);
    sum += add?.goldsteinSum ?? 0;
    n += add?.events ?? 0;
    if (i >= opts.window) {
      const drop = byPeriod.get(points[i - opts.window].period);
      sum -= drop?.goldsteinSum ?? 0;
      n -= drop?.events ?? 0;
    }
    points[i].rollingEvents = n;
    points[i].rolling = n > 0 ? Math.round((sum / n) * 1e4) / 1e4 : null;
  }
  if (opts.shownFrom === undefined) return points;
  const first = startOf(opts.shownFrom, opts.period);
  return points.filter((p) => p.start >= first);
}
