import { hostname } from 'node:os';
import type { Article } from '../model/article.js';
import type { Skipped } from '../model/errors.js';
import { openPostgresStore, redactUrl, type PostgresStore } from '../store/postgres.js';
import { claim, complete, queueStatus, type Completion, type Job, type JobResult } from '../store/postgres-queue.js';
import { untilReachable } from '../store/postgres-wait.js';
import { analyze } from './index.js';

export interface WorkerOptions {
  /** a postgres:// URL */
  url: string;
  /** jobs taken at once */
  batch: number;
  /** how long a taken job stays this worker's before others may take it again */
  leaseSeconds: number;
  /** a job is tried this many times, then recorded as failed with its error */
  maxAttempts: number;
  /** exit when no job is queued or running, instead of waiting for more */
  drain: boolean;
  /** shown in the jobs table as who holds a job */
  name?: string;
  /** messages for a person (the database is unreachable, back …) */
  log: (message: string) => void;
  /** checked between batches: true finishes the batch in hand and returns */
  stop?: () => boolean;
  /** called after each batch is written */
  onBatch?: (total: WorkerSummary) => void;
}

export interface WorkerSummary extends Completion {
  batches: number;
}

/** Pause when the queue is empty before looking again. */
const IDLE_MS = 500;

/**
 * A queue worker: takes batches of jobs, runs the pipeline on each, and writes the articles (or
 * skips, or errors) together with their jobs' completion. Waits out a database that is down.
 *
 * @example await runWorker({ url, batch: 16, leaseSeconds: 120, maxAttempts: 3, drain: true, log: console.error });
 */
export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const name = opts.name ?? `${hostname()}:${process.pid}`;
  const stop = opts.stop ?? (() => false);
  let location = redactUrl(opts.url);
  const patience = { log: opts.log, get location() { return location; }, stop };
  const store: PostgresStore = await untilReachable('the worker', () => openPostgresStore(opts.url, { max: 2, applicationName: `entente worker ${name}` }), patience);
  location = store.location;
  const total: WorkerSummary = { batches: 0, done: 0, stored: 0, unchanged: 0, skipped: 0, retried: 0, failed: 0, lost: 0 };
  try {
    while (!stop()) {
      const taken = await untilReachable('taking jobs', () => claim(store, { ...opts, worker: name }), patience);
      if (taken.jobs.length === 0) {
        if (opts.drain) {
          const s = await untilReachable('reading the queue', () => queueStatus(store), patience);
          if (s.queued + s.running === 0) break;
        }
        await new Promise((r) => setTimeout(r, IDLE_MS));
        continue;
      }
      const results = taken.jobs.map(runJob);
      // a write cut off by the server going away is tried again when it is back: the lease check
      // inside makes sure nothing is written twice
      const c = await untilReachable('writing results', () => complete(store, taken, results, opts.maxAttempts), patience);
      total.batches++;
      for (const k of Object.keys(c) as (keyof Completion)[]) total[k] += c[k];
      opts.onBatch?.(total);
    }
  } finally {
    await store.close();
  }
  return total;
}

/** One job through the pipeline. A job that cannot be read or analysed is an error, retried later. */
export function runJob(job: Job): JobResult {
  try {
    const item = JSON.parse(job.payload) as Record<string, unknown>;
    if (item?.skipped === true) return { job, skipped: item as unknown as Skipped };
    if (typeof item?.text !== 'string' || typeof item.origin !== 'string') {
      return { job, error: 'the job payload is not an input item (it needs "origin" and "text" strings)' };
    }
    const out = analyze(item as unknown as Parameters<typeof analyze>[0]);
    return 'skipped' in out ? { job, skipped: out } : { job, article: out as Article };
  } catch (e) {
    return { job, error: (e as Error)?.message ?? String(e) };
  }
}
