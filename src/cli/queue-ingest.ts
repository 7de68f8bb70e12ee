import { openPostgresStore } from '../store/postgres.js';
import { enqueuePaths, type EnqueueSummary } from '../pipeline/enqueue.js';
import { Progress } from './progress.js';
import { queueUrl } from './queue-db.js';
import { EXIT } from './shared.js';

/**
 * `entente ingest --queue`: every input item becomes a job in PostgreSQL for `entente worker`;
 * nothing is analysed here. Items already queued (the same origin and content) are left alone.
 */
export async function ingestToQueue(paths: string[], opts: { db?: string; maxBytes: number; quiet: boolean; json: boolean }): Promise<void> {
  const store = await openPostgresStore(queueUrl(opts.db, process.env, '--db with --queue'), { max: 1 });
  const started = performance.now();
  const progress = new Progress('enqueue', process.stderr, !opts.quiet);
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.once('SIGINT', onSigint);
  let sum: EnqueueSummary;
  try {
    sum = await enqueuePaths(paths, store, {
      maxBytes: opts.maxBytes,
      stop: () => interrupted,
      log: (m) => {
        progress.clear();
        process.stderr.write(`enqueue: ${m}\n`);
      },
      onBatch: (s) => progress.tick(() => `${s.items} items read, ${s.enqueued} enqueued, ${s.already} already queued`),
    });
  } finally {
    progress.done();
    process.off('SIGINT', onSigint);
    await store.close();
  }
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  if (opts.json) process.stdout.write(JSON.stringify({ ...sum, seconds, db: store.location }) + '\n');
  else {
    process.stderr.write(
      `${sum.interrupted ? 'interrupted: ' : ''}${sum.items} items: ${sum.enqueued} enqueued, ${sum.already} already queued` +
        `${sum.bad ? ` (${sum.bad} bad inputs among them, recorded as skipped by the worker)` : ''} in ${seconds} s → ${store.location}; run \`entente worker\` to process them\n`,
    );
  }
  process.exitCode = sum.interrupted ? EXIT.fatal : EXIT.ok;
}
