import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { writeCsv } from '../../events/export/csv.js';
import { writeGdelt } from '../../events/export/gdelt.js';
import { writePlover } from '../../events/export/plover.js';
import { UsageError } from '../../model/errors.js';
import { openStore } from '../../store/index.js';
import { EVENT_FILTER_ARGS, parseEventFilter, parseFormat, rejectUnknownFlags } from '../event-args.js';
import { EXIT } from '../shared.js';
import { writeAtomically } from '../atomic-files.js';

const ARGS = {
  ...EVENT_FILTER_ARGS,
  format: {
    type: 'string', required: true, valueHint: 'gdelt|plover|csv',
    description: 'gdelt: GDELT 2.0 event table (tab-separated, one row per event) and mentions table beside it (PATH with .mentions before the extension); plover: PLOVER JSON lines checked against the codebook; csv: one row per mention with its sentence',
  },
  out: { type: 'string', required: true, description: 'file to write; written under a temporary name and renamed when complete', valueHint: 'PATH' },
} as const;

/**
 * `out.tsv` → `out.mentions.tsv`; `out` → `out.mentions`.
 * @example mentionsPath('x/events.tsv') // 'x/events.mentions.tsv'
 */
export function mentionsPath(path: string): string {
  const ext = extname(path);
  return join(dirname(path), basename(path, ext) + '.mentions' + ext);
}

export default defineCommand({
  meta: {
    name: 'export',
    description: `Write the stored events (negated ones left out) as GDELT 2.0 tables, PLOVER JSON lines or CSV, each event counted once with all its mentions. Nothing is left half-written: a failed run leaves no file. Exit code: ${EXIT.ok} done; ${EXIT.fatal} failed (e.g. a record PLOVER requires a field of is incomplete); ${EXIT.usage} usage error.`,
  },
  args: ARGS,
  async run({ args, rawArgs }) {
    rejectUnknownFlags(rawArgs, ARGS);
    const format = parseFormat(args, ['gdelt', 'plover', 'csv'] as const, 'csv');
    const filter = parseEventFilter(args);
    const out = resolve(String(args.out));
    if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) throw new UsageError(`--out: folder ${dirname(out)} does not exist`);
    if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out: ${out} is a folder; give a file path`);
    const targets = format === 'gdelt' ? [out, mentionsPath(out)] : [out];
    const store = await openStore(args.db, process.env, { readonly: true });
    let summary: string;
    try {
      summary = await writeAtomically(targets, async (streams) => {
        const events = store.eventsInSnapshot(filter);
        if (format === 'gdelt') {
          const n = await writeGdelt(events, { events: streams[0], mentions: streams[1] });
          return `${n.events} events to ${targets[0]}, ${n.mentions} mentions to ${targets[1]}`;
        }
        if (format === 'plover') {
          const n = await writePlover(events, streams[0]);
          const left = [n.notPlover ? `${n.notPlover} with CAMEO codes PLOVER does not code` : '', n.undated ? `${n.undated} without a date` : ''].filter(Boolean);
          return `${n.records} PLOVER records to ${out}${left.length ? ` (events left out: ${left.join(', ')})` : ''}`;
        }
        const n = await writeCsv(events, streams[0]);
        return `${n.rows} event mentions to ${out}`;
      });
    } finally {
      await store.close();
    }
    process.stderr.write(`wrote ${summary}\n`);
  },
});
