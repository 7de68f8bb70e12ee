import { defineCommand } from 'citty';
import { defaultThreads } from '../../pipeline/pool.js';
import { ingest, type IngestSummary } from '../../pipeline/ingest.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/index.js';
import { openStore, untilReachable } from '../../store/index.js';
import { Progress } from '../progress.js';
import { ingestToQueue } from '../queue-ingest.js';
import { EXIT, parseMaxBytes, parseThreads, pathsOf } from '../shared.js';

export default defineCommand({
  meta: {
    name: 'ingest',
    description:
      'Read articles (files, folders, globs, JSON lines, - for standard input), clean them and store them. ' +
      `Exit code: ${EXIT.ok} all stored or unchanged; ${EXIT.skipped} finished, some inputs skipped (listed); ${EXIT.usage} usage error; ${EXIT.fatal} fatal error (e.g. the database cannot be opened).`,
  },
  args: {
    paths: { type: 'positional', description: 'files, folders, globs or - (standard input)', required: true, valueHint: 'PATH…' },
    db: { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    'max-bytes': { type: 'string', description: 'skip any single input larger than this many bytes', default: String(DEFAULT_MAX_BYTES) },
    threads: { type: 'string', description: 'analysis threads beside the writing one: a number, 0 to analyse inline, or auto (cores − 1)', default: 'auto' },
    quiet: { type: 'boolean', description: 'print only the summary', default: false },
    json: { type: 'boolean', description: 'print the summary as one JSON object on standard output', default: false },
    queue: { type: 'boolean', description: 'PostgreSQL only: add each input item as a job for `entente worker` instead of analysing it here (the same item twice is one job)', default: false },
  },
  async run({ args }) {
    const paths = pathsOf(args, 'paths');
    const maxBytes = parseMaxBytes(args['max-bytes']);
    if (args.queue) return ingestToQueue(paths, { db: args.db, maxBytes, quiet: args.quiet, json: args.json });
    const threads = parseThreads(args.threads, defaultThreads());
    const store = await openStore(args.db, process.env);
    const started = performance.now();
    const progress = new Progress('ingest', process.stderr, !args.quiet);
    let interrupted = false;
    const onSigint = () => {
      interrupted = true;
    };
    process.once('SIGINT', onSigint);
    // a networked database that goes away mid-run (a restart, a failover) is waited for: each write
    // is safe to repeat, so the one cut off is simply made again
    const log = (message: string) => {
      progress.clear();
      process.stderr.write(`ingest: ${message}\n`);
    };
    const patience = { log, location: store.location, stop: () => interrupted };
    let summary: IngestSummary;
    try {
      summary = await ingest(paths, {
        store,
        threads,
        maxBytes,
        stop: () => interrupted,
        retry: store.kind === 'postgres' ? (write) => untilReachable('writing articles', write, patience) : undefined,
        onResult: (result, counts) => {
          if ('skipped' in result && !args.quiet && !args.json) {
            progress.clear();
            process.stderr.write(`skipped ${result.origin}: ${result.reason}: ${result.detail}\n`);
          }
          const done = counts.stored + counts.unchanged + counts.skipped;
          progress.tick(() => `${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.skipped} skipped (${(done / ((performance.now() - started) / 1000)).toFixed(0)}/s)`);
        },
      });
    } finally {
      progress.done();
      process.off('SIGINT', onSigint);
      await store.close();
    }
    const { skips, skippedByReason: byReason, ...counts } = summary;
    const seconds = (performance.now() - started) / 1000;
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const report = { ...counts, skippedByReason: byReason, threads, seconds: Number(seconds.toFixed(2)), peakRssMB, db: store.location };
    if (args.json) {
      process.stdout.write(JSON.stringify({ ...report, skips }) + '\n');
    } else {
      const reasons = Object.entries(byReason).map(([r, n]) => `${r} ${n}`).join(', ');
      process.stderr.write(
        `${counts.interrupted ? 'interrupted: ' : ''}${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.skipped} skipped${reasons ? ` (${reasons})` : ''}` +
          ` in ${seconds.toFixed(1)} s → ${store.location}\n`,
      );
    }
    process.exitCode = counts.interrupted ? EXIT.fatal : counts.skipped > 0 ? EXIT.skipped : EXIT.ok;
  },
});
