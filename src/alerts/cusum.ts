import type { DayPoint } from '../relations/index.js';
import type { CusumParams } from './params.js';

/** A change found in a daily series: indexes into it, and the means either side. */
export interface Turn {
  /** the first day of the new level: where the alarming sum last left zero */
  start: number;
  /** the day the sum crossed `h` */
  detected: number;
  direction: 'warming' | 'cooling';
  /** the baseline's mean */
  before: number;
  /** the mean from `start` to `detected` */
  after: number;
}

/**
 * Two-sided tabular CUSUM over a dyad's daily means (see `data/alerts/cusum.json`): every turn,
 * oldest first. Pure and sequential: days added at the end never change the turns found before
 * them, so a watcher recomputing a dyad after each round finds the same turns again, and only
 * new ones are new.
 *
 * @example detectTurns([...28 days at 3, ...5 days at -6].map((mean, i) => ({ day: dayN(i), mean, events: 1 })), params)
 * // [{ start: 28, detected: 29, direction: 'cooling', before: 3, after: -6 }]
 */
export function detectTurns(days: readonly DayPoint[], p: CusumParams): Turn[] {
  const turns: Turn[] = [];
  let base = 0;
  while (base + p.warmup < days.length) {
    const { mean: mu, sd } = meanSd(days, base, base + p.warmup);
    const sigma = Math.max(p.minSigma, sd);
    let up = 0;
    let down = 0;
    let upStart = 0;
    let downStart = 0;
    let turn: Turn | undefined;
    for (let i = base + p.warmup; i < days.length && !turn; i++) {
      const z = (days[i].mean - mu) / sigma;
      const nextUp = Math.max(0, up + z - p.k);
      const nextDown = Math.max(0, down - z - p.k);
      if (up === 0 && nextUp > 0) upStart = i;
      if (down === 0 && nextDown > 0) downStart = i;
      up = nextUp;
      down = nextDown;
      if (up > p.h || down > p.h) {
        const start = up >= down ? upStart : downStart;
        turn = { start, detected: i, direction: up >= down ? 'warming' : 'cooling', before: round2(mu), after: round2(meanSd(days, start, i + 1).mean) };
      }
    }
    if (!turn) break;
    turns.push(turn);
    // the new level is the next baseline
    base = turn.start;
  }
  return turns;
}

function meanSd(days: readonly DayPoint[], from: number, to: number): { mean: number; sd: number } {
  let sum = 0;
  for (let i = from; i < to; i++) sum += days[i].mean;
  const mean = sum / (to - from);
  let sq = 0;
  for (let i = from; i < to; i++) sq += (days[i].mean - mean) ** 2;
  return { mean, sd: to - from > 1 ? Math.sqrt(sq / (to - from - 1)) : 0 };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100 || 0;
}
