import { readFileSync, renameSync, writeFileSync } from 'node:fs';

/** Floors the scores may not fall below (beyond `noise`), pinned in `eval/baseline.json`. */
export interface Baseline {
  $comment: string;
  /** a fingerprint of each corpus the floors were measured on: a changed corpus voids them */
  corpus: Record<string, string>;
  floors: Record<string, number>;
  /** how far below its floor a metric may land before it counts as a drop */
  noise: Record<string, number>;
}

export interface GateRow {
  metric: string;
  value: number;
  floor: number | undefined;
  status: 'ok' | 'raised' | 'DROP' | 'new' | 'lowered';
}

/**
 * Compares measured values with their floors. A floor rises by itself when a value clears it by
 * more than the noise; lowering one needs `allowLower`.
 *
 * @example gate({ f1: 0.97 }, { floors: { f1: 0.965 }, noise: { f1: 0.003 } } as Baseline, false).rows[0].status // 'raised'
 */
export function gate(values: Record<string, number>, base: Baseline, allowLower: boolean): { rows: GateRow[]; next: Baseline; failed: boolean } {
  const next: Baseline = { ...base, floors: { ...base.floors } };
  const rows: GateRow[] = [];
  let failed = false;
  for (const [metric, value] of Object.entries(values)) {
    const floor = base.floors[metric];
    const noise = base.noise[metric] ?? base.noise.default ?? 0;
    let status: GateRow['status'] = 'ok';
    if (floor === undefined) {
      status = 'new';
      next.floors[metric] = round(value);
    } else if (value < floor - noise) {
      if (allowLower) {
        status = 'lowered';
        next.floors[metric] = round(value);
      } else {
        status = 'DROP';
        failed = true;
      }
    } else if (value > floor + noise) {
      status = 'raised';
      next.floors[metric] = round(value - noise);
    }
    rows.push({ metric, value, floor, status });
  }
  return { rows, next, failed };
}

/** Floors are rounded down, so a score equal to its floor never reads as a drop. */
function round(x: number): number {
  return Math.floor(x * 10000 + 1e-9) / 10000;
}

export function readBaseline(path: string): Baseline {
  return JSON.parse(readFileSync(path, 'utf8')) as Baseline;
}

/** Written beside and renamed, so a killed run never leaves half a baseline. */
export function writeBaseline(path: string, b: Baseline): void {
  writeFileSync(path + '.tmp', JSON.stringify(b, null, 2) + '\n');
  renameSync(path + '.tmp', path);
}
