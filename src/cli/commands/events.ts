import { defineCommand } from 'citty';
import { writeCsv } from '../../events/export/csv.js';
import { openStore } from '../../store/index.js';
import type { StoredEvent } from '../../store/types.js';
import { EVENT_FILTER_ARGS, formatTable, parseEventFilter, parseFormat, parseLimit, rejectUnknownFlags } from '../event-args.js';
import { EXIT } from '../shared.js';

const ARGS = {
  ...EVENT_FILTER_ARGS,
  negated: { type: 'boolean', description: 'include negated events ("did not attack"), which are left out otherwise', default: false },
  limit: { type: 'string', description: 'at most this many events, or all', default: '100' },
  format: { type: 'string', description: 'table (readable), json (one JSON line per event, the whole coded record) or csv (RFC 4180, with the evidence sentence)', default: 'table', valueHint: 'table|json|csv' },
} as const;

export default defineCommand({
  meta: {
    name: 'events',
    description: `List stored events (who did what to whom, with the sentence that says so), in date order. Exit code: ${EXIT.ok} done; ${EXIT.usage} usage error.`,
  },
  args: ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, ARGS);
    const filter = parseEventFilter(args);
    filter.negated = args.negated;
    const limit = parseLimit(args, 100);
    if (limit !== undefined) filter.limit = limit;
    const format = parseFormat(args, ['table', 'json', 'csv'] as const, 'table');
    const store = await openStore(args.db, process.env, { readonly: true });
    try {
      const events = store.eventsInSnapshot(filter);
      if (format === 'csv') {
        await writeCsv(events, process.stdout);
      } else if (format === 'json') {
        for await (const e of events) process.stdout.write(JSON.stringify(e) + '\n');
      } else {
        const rows: (string | number)[][] = [];
        for await (const e of events) rows.push(tableRow(e));
        process.stdout.write(formatTable(['date', 'source', 'target', 'code', 'plover', 'quad', 'goldstein', 'outlet', 'evidence'], rows));
        process.stderr.write(`${rows.length} event(s)${limit !== undefined && rows.length === limit ? ` (the first ${limit}; --limit all for every one)` : ''} in ${store.location}\n`);
      }
    } finally {
      await store.close();
    }
  },
});

function tableRow(e: StoredEvent): (string | number)[] {
  const flags = [e.negated ? 'negated' : '', e.modality !== 'asserted' ? e.modality : ''].filter(Boolean).join(',');
  return [
    e.date ?? '—', e.source, e.target ?? '—', e.code + (flags ? ` (${flags})` : ''), e.plover ?? '—', e.quad ?? '—', e.goldstein ?? '—',
    clip(e.outlet ?? e.articleId, 16), clip(e.sentence, 80),
  ];
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}
