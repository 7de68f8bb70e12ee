import { defineCommand } from 'citty';
import { alertsFromEvents, loadCusumParams } from '../../alerts/index.js';
import { openStore } from '../../store/index.js';
import type { AlertFilter, StoredEvent } from '../../store/types.js';
import { formatTable, parseDyad, parseLimit, parseRange, rejectUnknownFlags } from '../event-args.js';
import { EXIT } from '../shared.js';

const ARGS = {
  db: { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' },
  dyad: { type: 'string', description: 'the alerts of one dyad, in either order: RUS,EU', valueHint: 'A,B' },
  actor: { type: 'string', description: 'the alerts of dyads with this country or organisation on either side', valueHint: 'CODE' },
  from: { type: 'string', description: 'first day of a turn, inclusive', valueHint: 'YYYY-MM-DD' },
  to: { type: 'string', description: 'last day of a turn, inclusive', valueHint: 'YYYY-MM-DD' },
  year: { type: 'string', description: 'shortcut for --from YYYY-01-01 --to YYYY-12-31', valueHint: 'YYYY' },
  limit: { type: 'string', description: 'at most this many alerts, or all', default: '50' },
  json: { type: 'boolean', description: 'one JSON object a line, with the evidence', default: false },
  scan: { type: 'boolean', description: 'first look for turns in every dyad of the store and store the new ones (entente watch does it for the dyads each round touches)', default: false },
} as const;

export default defineCommand({
  meta: {
    name: 'alerts',
    description:
      'Relations that turned: the alerts of the change detector (a two-sided CUSUM on each dyad\'s daily mean Goldstein, data/alerts/cusum.json), ' +
      'newest turn first: the day it began, the dyad, warming or cooling, the mean daily Goldstein before and after, the events since, and the day it was seen. ' +
      `Exit code: ${EXIT.ok} done; ${EXIT.usage} usage error.`,
  },
  args: ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, ARGS);
    const filter: AlertFilter = { ...parseRange(args as Record<string, unknown>), limit: parseLimit(args as Record<string, unknown>, 50) };
    if (args.dyad !== undefined) filter.dyad = parseDyad(String(args.dyad));
    if (args.actor !== undefined) filter.actor = String(args.actor).trim();
    const params = args.scan ? loadCusumParams() : undefined;
    const store = await openStore(args.db, process.env, { readonly: !args.scan });
    try {
      if (params) {
        const events: StoredEvent[] = [];
        for await (const e of store.eventsInSnapshot()) events.push(e);
        const found = alertsFromEvents(events, params);
        const fresh = await store.putAlerts(found);
        process.stderr.write(`alerts: ${found.length} turns in the relations of ${store.location}, ${fresh.length} new\n`);
      }
      const alerts = await store.listAlerts(filter);
      if (args.json) {
        for (const a of alerts) process.stdout.write(JSON.stringify(a) + '\n');
        return;
      }
      if (alerts.length === 0) {
        process.stderr.write(`no alerts${args.scan ? '' : ' (--scan looks for turns in every dyad of the store)'}\n`);
        return;
      }
      const rows = alerts.map((a) => [a.when, a.dyad.join('–'), a.direction, a.before, a.after, a.events, a.detectedOn, a.evidence[0]?.sentence.slice(0, 80) ?? '']);
      process.stdout.write(formatTable(['when', 'dyad', 'direction', 'before', 'after', 'events', 'seen', 'evidence'], rows));
    } finally {
      await store.close();
    }
  },
});
