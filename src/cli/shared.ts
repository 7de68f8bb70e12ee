import { UsageError } from '../model/errors.js';

/** Exit codes, the same for every command (documented in `--help` and the README). */
export const EXIT = Object.freeze({ ok: 0, fatal: 1, usage: 2, skipped: 3 });

/** @example parseMaxBytes('1048576') // 1048576 */
export function parseMaxBytes(v: unknown): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--max-bytes must be a positive whole number of bytes, got "${String(v)}"`);
  return n;
}

/** The positional PATH… of a command, de-duplicated, in the order given. */
export function pathsOf(args: { _: unknown[] } & Record<string, unknown>, first: string): string[] {
  return [String(args[first]), ...args._.slice(1).map(String)].filter((p, i, all) => all.indexOf(p) === i);
}

/** `--threads`: a whole number ≥ 0, or `auto`. @example parseThreads('auto', 1) // 1 */
export function parseThreads(v: unknown, auto: number): number {
  if (v === undefined || v === 'auto') return auto;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 64) throw new UsageError(`--threads must be auto or a whole number from 0 to 64, got "${String(v)}"`);
  return n;
}
