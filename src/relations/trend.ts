import { periodIndex, type Period } from './period.js';
import { round } from './tally.js';

/**
 * Least-squares slope of `value` over the periods, in units per period, with the periods placed
 * by their position in time (so a gap of three months weighs as three). 0 with fewer than two
 * periods, where no slope exists.
 * @example slope([{ period: '2021-01', value: -2 }, { period: '2021-03', value: 2 }], 'month') // 2
 */
export function slope(points: { period: string; value: number }[], period: Period): number {
  if (points.length < 2) return 0;
  const xs = points.map((p) => periodIndex(p.period, period));
  const n = points.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = points.reduce((a, p) => a + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    sxy += (xs[i] - mx) * (p.value - my);
    sxx += (xs[i] - mx) ** 2;
  });
  return sxx === 0 ? 0 : round(sxy / sxx);
}
