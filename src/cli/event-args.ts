import { UsageError } from '../model/errors.js';
import type { EventFilter } from '../store/types.js';
import { forTerminal } from './terminal-text.js';

/** The event filters `entente events`, `relations` and `export` share. */
export const EVENT_FILTER_ARGS = {
  db: { type: 'string', description: 'SQLite file (default: entente.db in the user data folder, or $ENTENTE_DB)' },
  actor: { type: 'string', description: 'either side: an actor code prefix (RUSGOV) or a country/organisation (RUS, EU)' },
  source: { type: 'string', description: 'source actor code prefix, e.g. RUS or RUSGOV' },
  target: { type: 'string', description: 'target actor code prefix' },
  dyad: { type: 'string', description: 'source and target country/organisation, comma-separated: RUS,EU', valueHint: 'A,B' },
  code: { type: 'string', description: 'CAMEO code prefix: 19 (fight), 163', valueHint: 'CAMEO' },
  plover: { type: 'string', description: 'PLOVER event type, e.g. ASSAULT', valueHint: 'TYPE' },
  quad: { type: 'string', description: 'quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict', valueHint: '1-4' },
  from: { type: 'string', description: 'first event day, inclusive', valueHint: 'YYYY-MM-DD' },
  to: { type: 'string', description: 'last event day, inclusive', valueHint: 'YYYY-MM-DD' },
  year: { type: 'string', description: 'shortcut for --from YYYY-01-01 --to YYYY-12-31', valueHint: 'YYYY' },
} as const;

export type Format = 'table' | 'json' | 'csv';

type Args = Record<string, unknown>;

function str(args: Args, name: string): string | undefined {
  const v = args[name];
  if (v === undefined || v === false) return undefined;
  if (v === true || String(v).trim() === '') throw new UsageError(`--${name} needs a value`);
  return String(v).trim();
}

/** @example isoDay('2021-02-29') // false */
export function isoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** `--dyad RUS,EU` → ['RUS', 'EU']. */
export function parseDyad(v: string): [string, string] {
  const parts = v.split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UsageError(`--dyad must be two codes separated by a comma, like RUS,EU; got "${v}"`);
  if (parts[0] === parts[1]) throw new UsageError(`--dyad needs two different sides; got "${v}"`);
  return [parts[0], parts[1]];
}

/** The date range of --from, --to and --year, checked. */
export function parseRange(args: Args): { from?: string; to?: string } {
  let from = str(args, 'from');
  let to = str(args, 'to');
  const year = str(args, 'year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--year must be four digits, like 1987; got "${year}"`);
    if (from !== undefined || to !== undefined) throw new UsageError('--year cannot be combined with --from or --to');
    from = `${year}-01-01`;
    to = `${year}-12-31`;
  }
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (v !== undefined && !isoDay(v)) throw new UsageError(`--${name} must be a day as YYYY-MM-DD; got "${v}"`);
  }
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/** The store filter the shared flags describe; every bad value is a usage error naming its flag. */
export function parseEventFilter(args: Args): EventFilter {
  const f: EventFilter = { ...parseRange(args) };
  if (f.from === undefined) delete f.from;
  if (f.to === undefined) delete f.to;
  for (const k of ['actor', 'source', 'target', 'plover'] as const) {
    const v = str(args, k);
    if (v !== undefined) f[k] = k === 'plover' ? v.toUpperCase() : v;
  }
  const dyad = str(args, 'dyad');
  if (dyad !== undefined) f.dyad = parseDyad(dyad);
  const code = str(args, 'code');
  if (code !== undefined) {
    if (!/^\d{2,4}$/.test(code)) throw new UsageError(`--code must be a CAMEO code or prefix of 2 to 4 digits, like 19 or 163; got "${code}"`);
    f.code = code;
  }
  const quad = str(args, 'quad');
  if (quad !== undefined) {
    if (!/^[1-4]$/.test(quad)) throw new UsageError(`--quad must be 1, 2, 3 or 4; got "${quad}"`);
    f.quad = Number(quad) as 1 | 2 | 3 | 4;
  }
  return f;
}

/** `--limit`: a positive whole number or `all`; `fallback` when absent. */
export function parseLimit(args: Args, fallback: number | undefined): number | undefined {
  const v = str(args, 'limit');
  if (v === undefined) return fallback;
  if (v === 'all') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--limit must be a positive whole number or "all"; got "${v}"`);
  return n;
}

/** `--format`, one of `allowed`. */
export function parseFormat<F extends string>(args: Args, allowed: readonly F[], fallback: F): F {
  const v = str(args, 'format') ?? fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${allowed.join(', ')}; got "${v}"`);
  return v as F;
}

/**
 * citty accepts any flag; a misspelt one (--form for --from) would silently do nothing, so each
 * command checks the flags it was given against the ones it declares.
 */
export function rejectUnknownFlags(rawArgs: string[], declared: Record<string, unknown>): void {
  for (const a of rawArgs) {
    if (a === '--') break;
    if (!a.startsWith('--')) continue;
    const name = a.slice(2).split('=')[0];
    if (!(name in declared) && !(name.startsWith('no-') && name.slice(3) in declared)) {
      throw new UsageError(`unknown option --${name} (see --help)`);
    }
  }
}

/** Text columns padded to their widest cell; columns of numbers aligned right; cells cleared of what a terminal would act on. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => forTerminal(String(c))))];
  const width = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const right = header.map((_, i) => rows.length > 0 && rows.every((r) => /^-?\d+(\.\d+)?$/.test(String(r[i]))));
  return cells.map((r) => r.map((c, i) => (right[i] ? c.padStart(width[i]) : c.padEnd(width[i]))).join('  ').trimEnd()).join('\n') + '\n';
}
