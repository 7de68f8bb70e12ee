import { UsageError } from '../model/errors.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `--every`: a number and a unit (s, m, h, d), or seconds alone; at least one second.
 *
 * @example parseEvery('15m') // 900000
 */
export function parseEvery(v: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(v);
  const ms = m ? Number(m[1]) * UNIT_MS[(m[2] || 's').toLowerCase()] : NaN;
  if (!(ms >= 1000)) throw new UsageError(`--every must be a time like 30s, 15m, 2h or 1d (at least 1s), got "${v}"`);
  return ms;
}
