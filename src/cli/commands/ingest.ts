import { defineCommand } from 'citty';
import { defaultThreads } from '../../pipeline/pool.js';
import { ingest, type IngestSummary } from '../../pipeline/ingest.js';
import { DEFAULT_MAX_BYTES } from '../../ingest/index.js';
import { openStore, untilReachable, type Store } from '../../store/index.js';
import { Progress } from '../progress.js';
import { forTerminal } from '../terminal-text.js';
import { ingestToQueue } from '../queue-ingest.js';
import { EXIT, EXIT_HELP, parseMaxBytes, parseThreads, pathsOf } from '../shared.js';

export default defineCommand({
  meta: {
    name: 'ingest',
    description:
      'Read articles (files, folders, globs, JSON lines, - for standard input), clean them and store them. ' +
      'Ctrl-C or SIGTERM stops reading; what was read is stored and the summary printed (also before any fatal error). ' +
      EXIT_HELP,
  },
  args: {
    paths: { type: 'positional', description: 'files, folders, globs or - (standard input)', required: true, valueHint: 'PATH…' },
    db: { type: 'string', description: 'SQLite file or postgres:// URL (default: entente.db in the user data folder, or $ENTENTE_DB)' },
    'max-bytes': { type: 'string', description: 'skip any single input larger than this many bytes', default: String(DEFAULT_MAX_BYTES) },
    threads: { type: 'string', description: 'analysis threads beside the writing one: a number, 0 to analyse inline, or auto (cores − 1); 1 is a chain of two, the parser and event coder in the second', default: 'auto' },
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
    // Ctrl-C or SIGTERM (a service manager, `timeout`): stop reading; what was read is still
    // stored and the report printed. A second one quits at once.
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let summary: IngestSummary = { stored: 0, unchanged: 0, skipped: 0, sentences: 0, skippedByReason: {}, skips: [], interrupted: false };
    const report = (s: IngestSummary, error?: Error) => {
      const { skips, skippedByReason: byReason, ...counts } = s;
      const seconds = (performance.now() - started) / 1000;
      const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
      const fields = { ...counts, skippedByReason: byReason, threads, seconds: Number(seconds.toFixed(2)), peakRssMB, db: store.location };
      if (args.json) {
        process.stdout.write(JSON.stringify({ ...fields, skips, ...(error ? { error: error.message.replace(/^\[entente\] /, '') } : {}) }) + '\n');
        return;
      }
      const reasons = Object.entries(byReason).map(([r, n]) => `${r} ${n}`).join(', ');
      const prefix = error ? 'stopped by an error: ' : counts.interrupted ? 'interrupted: ' : '';
      process.stderr.write(
        `${prefix}${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.skipped} skipped${reasons ? ` (${reasons})` : ''}` +
          ` in ${seconds.toFixed(1)} s → ${store.location}\n`,
      );
    };
    // a networked database that goes away mid-run (a restart, a failover) is waited for: each write
    // is safe to repeat, so the one cut off is simply made again
    const log = (message: string) => {
      progress.clear();
      process.stderr.write(`ingest: ${message}\n`);
    };
    const patience = { log, location: store.location, stop: () => stop.signal.aborted };
    try {
      summary = await ingest(paths, {
        store,
        threads,
        maxBytes,
        signal: stop.signal,
        retry: store.kind === 'postgres' ? (write) => untilReachable('writing articles', write, patience) : undefined,
        onResult: (result, counts) => {
          // `counts` is the running summary: what was stored is known if a later write fails
          summary = counts as IngestSummary;
          if ('skipped' in result && !args.quiet && !args.json) {
            progress.clear();
            process.stderr.write(forTerminal(`skipped ${result.origin}: ${result.reason}: ${result.detail}`) + '\n');
          }
          const done = counts.stored + counts.unchanged + counts.skipped;
          progress.tick(() => `${counts.stored} stored, ${counts.unchanged} unchanged, ${counts.skipped} skipped (${(done / ((performance.now() - started) / 1000)).toFixed(0)}/s)`);
        },
      });
    } catch (error) {
      progress.done();
      // what was stored before the failure is reported first; the error then says what went wrong
      report(summary, error as Error);
      throw error;
    } finally {
      progress.done();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await closeQuietly(store);
    }
    report(summary);
    process.exitCode = summary.interrupted ? EXIT.fatal : summary.skipped > 0 ? EXIT.skipped : EXIT.ok;
  },
});

/**
 * Closes the store after a failure without hiding it: on a full disk the close's own checkpoint
 * may fail too, and the first error is the one to report. Every committed article is safe in the
 * write-ahead log either way.
 */
async function closeQuietly(store: Store): Promise<void> {
  try {
    await store.close();
  } catch {
    // the error that stopped the ingest, if any, is reported; a failed close loses nothing committed
  }
}
