import { defineCommand } from 'citty';
import { csvLine } from '../../events/export/csv.js';
import { UsageError } from '../../model/errors.js';
import { PERIODS, partners, relationSeries, topDyads, type Period } from '../../relations/index.js';
import { openStore } from '../../store/index.js';
import type { StoredEvent } from '../../store/types.js';
import { EVENT_FILTER_ARGS, formatTable, parseEventFilter, parseFormat, parseLimit, rejectUnknownFlags } from '../event-args.js';
import { EXIT } from '../shared.js';

const { source: _s, target: _t, ...FILTERS } = EVENT_FILTER_ARGS;

const ARGS = {
  ...FILTERS,
  actor: { type: 'string', description: 'the partners of this country or organisation (RUS, EU), both directions' },
  dyad: { type: 'string', description: 'the series of one dyad per --period: RUS,EU', valueHint: 'A,B' },
  period: { type: 'string', description: 'series per day, ISO week or month (default month with --dyad)', valueHint: 'day|week|month' },
  undirected: { type: 'boolean', description: 'count A→B and B→A together', default: false },
  limit: { type: 'string', description: 'at most this many rows, or all (default 20; a series shows every period)' },
  format: { type: 'string', description: 'table, json (one JSON line per row) or csv', default: 'table', valueHint: 'table|json|csv' },
} as const;

type Row = object;

export default defineCommand({
  meta: {
    name: 'relations',
    description:
      'Relations between countries and organisations from the stored events, each event counted once however many articles reported it: ' +
      'the most active dyads (default), one dyad over time (--dyad A,B --period), or an actor\'s partners (--actor). ' +
      `Trend: slope of the monthly mean Goldstein, points per month. Exit code: ${EXIT.ok} done; ${EXIT.usage} usage error.`,
  },
  args: ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, ARGS);
    const filter = parseEventFilter(args);
    const format = parseFormat(args, ['table', 'json', 'csv'] as const, 'table');
    const undirected = args.undirected;
    let period: Period | undefined;
    if (args.period !== undefined) {
      if (!(PERIODS as string[]).includes(String(args.period))) throw new UsageError(`--period must be day, week or month; got "${String(args.period)}"`);
      period = args.period as Period;
    }
    if (filter.dyad && filter.actor) throw new UsageError('--dyad and --actor ask for different things; give one of them');
    if (period && filter.actor) throw new UsageError('--period makes a series of a dyad; --actor lists partners (drop one of them)');
    const series = period !== undefined || filter.dyad !== undefined;
    const limit = parseLimit(args, series ? undefined : 20);
    const range = { from: filter.from, to: filter.to };
    if (filter.dyad) filter.undirected = undirected;

    const store = await openStore(args.db, process.env, { readonly: true });
    let events: StoredEvent[] = [];
    try {
      for await (const e of store.eventsInSnapshot(filter)) events.push(e);
    } finally {
      await store.close();
    }

    let rows: Row[];
    let header: string[];
    if (series) {
      rows = relationSeries(events, { period: period ?? 'month', undirected, ...range }).slice(0, limit);
      header = ['source', 'target', 'period', 'events', 'q1', 'q2', 'q3', 'q4', 'goldsteinMean', 'goldsteinSum', 'sources'];
    } else if (filter.actor) {
      rows = partners(events, filter.actor, { ...range, limit });
      header = ['actor', 'partner', 'events', 'sent', 'received', 'q1', 'q2', 'q3', 'q4', 'goldsteinMean', 'goldsteinSum', 'sources', 'first', 'last', 'trend'];
    } else {
      rows = topDyads(events, { undirected, ...range, limit });
      header = ['source', 'target', 'events', 'q1', 'q2', 'q3', 'q4', 'goldsteinMean', 'goldsteinSum', 'sources', 'first', 'last', 'trend'];
    }
    events = [];
    if (format === 'json') {
      for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
      return;
    }
    const cells = rows.map((r) => header.map((h) => {
      const q = /^q([1-4])$/.exec(h);
      const rec = r as Record<string, unknown>;
      return (q ? (rec.quad as number[])[+q[1] - 1] : rec[h]) as string | number;
    }));
    if (format === 'csv') {
      process.stdout.write(csvLine(header));
      for (const c of cells) process.stdout.write(csvLine(c));
      return;
    }
    const readable = header.map((h) => ({ goldsteinMean: 'mean', goldsteinSum: 'sum' })[h] ?? h);
    process.stdout.write(rows.length ? formatTable(readable, cells.map((c) => c.map((v) => (typeof v === 'number' ? round2(v) : v)))) : 'no relations: no events with a source, a target and a date match\n');
  },
});

/** Two decimals to read; JSON and CSV keep the full figures. */
function round2(x: number): number | string {
  return Number.isInteger(x) ? x : x.toFixed(2);
}
