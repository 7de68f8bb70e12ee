import { defineCommand } from 'citty';
import { UsageError } from '../../model/errors.js';
import { runWorker, type WorkerSummary } from '../../pipeline/queue-worker.js';
import { StoppedWaiting } from '../../store/postgres-wait.js';
import { redactUrl } from '../../store/postgres.js';
import { Progress } from '../progress.js';
import { QUEUE_DB_ARG, queueUrl } from '../queue-db.js';
import { EXIT } from '../shared.js';

export default defineCommand({
  meta: {
    name: 'worker',
    description:
      'Take jobs from the PostgreSQL queue (filled by `entente ingest --queue`), analyse each input and store the result with the job done, in one transaction. ' +
      'Run as many as you like, on any hosts. A job whose worker dies is taken again when its lease expires; a job that fails is retried, then recorded as failed. ' +
      'While the database is unreachable the worker says so, waits and resumes. Ctrl-C (or SIGTERM) stops after the batch in hand. ' +
      `Exit code: ${EXIT.ok} stopped or drained; ${EXIT.usage} usage error; ${EXIT.fatal} fatal error.`,
  },
  args: {
    db: QUEUE_DB_ARG,
    batch: { type: 'string', description: 'jobs taken at a time', default: '16' },
    lease: { type: 'string', description: 'seconds a taken job stays this worker\'s before others may take it again', default: '120' },
    'max-attempts': { type: 'string', description: 'tries of a failing job before it is recorded as failed', default: '3' },
    drain: { type: 'boolean', description: 'exit once no job is queued or running, instead of waiting for more', default: false },
    name: { type: 'string', description: 'how this worker is named in the queue (default: host:pid)' },
    quiet: { type: 'boolean', description: 'print only messages about the database and the summary', default: false },
    json: { type: 'boolean', description: 'print the summary as one JSON object on standard output', default: false },
  },
  async run({ args }) {
    const url = queueUrl(args.db, process.env);
    const batch = whole(args.batch, '--batch', 1, 10_000);
    const leaseSeconds = whole(args.lease, '--lease', 1, 86_400);
    const maxAttempts = whole(args['max-attempts'], '--max-attempts', 1, 100);
    const started = performance.now();
    const progress = new Progress('worker', process.stderr, !args.quiet);
    let stopping = false;
    const onSignal = () => {
      if (stopping) process.exit(EXIT.fatal);
      stopping = true;
      progress.clear();
      process.stderr.write('worker: stopping after the batch in hand (again to quit at once; its jobs are taken again when their lease expires)\n');
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const log = (m: string) => {
      progress.clear();
      process.stderr.write(`worker: ${m}\n`);
    };
    let summary: WorkerSummary | undefined;
    try {
      summary = await runWorker({
        url, batch, leaseSeconds, maxAttempts, drain: args.drain, name: args.name, log,
        stop: () => stopping,
        onBatch: (t) => progress.tick(() => `${t.done} done (${t.stored} stored, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed), ${t.retried} to retry`),
      });
    } catch (e) {
      if (!(e instanceof StoppedWaiting)) throw e;
      log(e.message.replace(/^\[entente\] /, ''));
    } finally {
      progress.done();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
    const peakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
    const report = { ...(summary ?? {}), seconds, peakRssMB, db: redactUrl(url) };
    if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
    else if (summary) {
      const t = summary;
      process.stderr.write(`worker: ${t.done} jobs done (${t.stored} stored, ${t.unchanged} unchanged, ${t.skipped} skipped, ${t.failed} failed), ${t.retried} sent back to retry, in ${seconds} s\n`);
    }
    process.exitCode = summary ? EXIT.ok : EXIT.fatal;
  },
});

function whole(v: unknown, flag: string, min: number, max: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${String(v)}"`);
  return n;
}
