import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Article } from '../model/article.js';
import type { Skipped } from '../model/errors.js';
import type { RawItem } from '../ingest/items.js';
import { packed, type PackedArticle } from './codec.js';
import { inTransaction, isConnectionError, isRetryableConflict, type PostgresStore } from './postgres.js';

/**
 * The job queue in PostgreSQL: one row an input item (the raw item as JSON), taken by workers with
 * `FOR UPDATE SKIP LOCKED` so that any number of them, on any number of hosts, each take different
 * jobs without waiting on one another. A taken job carries a lease (a random token and an expiry):
 * a worker that dies simply lets it expire, and the next worker takes it again.
 */

/** What one job carries: an item to analyse, or one the reader already found bad. */
export type JobPayload = RawItem | Skipped;

export interface Job {
  id: string;
  origin: string;
  payload: string;
  attempts: number;
}

export interface Claim {
  lease: string;
  jobs: Job[];
}

/** One job's result, as the worker hands it back to be written. */
export type JobResult =
  | { job: Job; article: Article | PackedArticle }
  | { job: Job; skipped: Skipped }
  | { job: Job; error: string };

export interface QueueStatus {
  queued: number;
  running: number;
  /** running, but the lease has expired: its worker stopped; the next worker takes it again */
  expired: number;
  done: number;
  failed: number;
  stored: number;
  unchanged: number;
  skipped: number;
}

/** The key that makes enqueuing an item twice one job: a hash of the whole payload. */
export function jobKey(payloadJson: string): string {
  return createHash('sha256').update(payloadJson).digest('hex');
}

/**
 * Adds jobs for the items, leaving alone any already queued (in any state).
 * @returns how many were new
 */
export async function enqueue(store: PostgresStore, items: readonly JobPayload[]): Promise<number> {
  if (items.length === 0) return 0;
  const payloads = items.map((x) => JSON.stringify(x));
  const { rowCount } = await store.pool.query(
    `INSERT INTO jobs (key, origin, payload) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
     ON CONFLICT (key) DO NOTHING`,
    [payloads.map(jobKey), items.map((x) => x.origin.replace(/\u0000/g, '\uFFFD')), payloads],
  );
  return rowCount ?? 0;
}

/**
 * Takes up to `batch` jobs that are queued or whose lease expired, under one new lease. Jobs that
 * have used up their attempts without ever finishing (their workers died each time) are marked
 * failed instead of being taken again.
 */
export async function claim(store: PostgresStore, opts: { batch: number; leaseSeconds: number; maxAttempts: number; worker: string }): Promise<Claim> {
  await store.pool.query(
    `UPDATE jobs SET state = 'failed', lease = NULL, leased_until = NULL, done_at = now(),
       error = 'taken ' || attempts || ' times and never finished: its worker stopped or was killed each time' || coalesce('; last error: ' || error, '')
     WHERE state = 'running' AND leased_until < now() AND attempts >= $1`,
    [opts.maxAttempts],
  );
  const lease = randomUUID();
  const { rows } = await store.pool.query(
    `WITH picked AS (
       SELECT id FROM jobs
       WHERE state IN ('queued', 'running') AND (state = 'queued' OR leased_until < now()) AND attempts < $3
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
     )
     UPDATE jobs j SET state = 'running', lease = $2, leased_until = now() + make_interval(secs => $4), attempts = j.attempts + 1, worker = $5
     FROM picked WHERE j.id = picked.id
     RETURNING j.id, j.origin, j.payload, j.attempts`,
    [opts.batch, lease, opts.maxAttempts, opts.leaseSeconds, opts.worker],
  );
  const jobs = rows.map((r) => ({ id: String(r.id), origin: r.origin as string, payload: r.payload as string, attempts: r.attempts as number }));
  jobs.sort((a, b) => Number(a.id) - Number(b.id));
  return { lease, jobs };
}

export interface Completion {
  /** jobs finished (done or, having used their attempts, failed) in this call */
  done: number;
  stored: number;
  unchanged: number;
  skipped: number;
  /** jobs that failed and go back to the queue for another attempt */
  retried: number;
  failed: number;
  /** jobs whose lease had passed to another worker: not written by this one */
  lost: number;
}

/**
 * Writes a claimed batch's results and marks their jobs done, in one transaction: an article is
 * never stored without its job being done, nor a job done without its article. Only jobs still
 * under this claim's lease are written. When one result cannot be written the transaction is
 * rolled back and the jobs are written one transaction each, so the bad one fails alone.
 *
 * Connection errors are thrown to the caller, which waits for the server and calls again: the
 * lease check makes a second call after a commit whose answer was lost write nothing twice.
 */
export async function complete(store: PostgresStore, claim: Claim, results: readonly JobResult[], maxAttempts: number): Promise<Completion> {
  // one order for every worker, so two batches meeting on the same article do not deadlock
  const ordered = [...results].sort((a, b) => (orderKey(a) < orderKey(b) ? -1 : orderKey(a) > orderKey(b) ? 1 : 0));
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(store.pool, (c) => writeResults(store, c, claim.lease, ordered, maxAttempts));
    } catch (e) {
      if (isConnectionError(e)) throw e;
      if (isRetryableConflict(e) && attempt < 5) continue;
      break;
    }
  }
  const total = emptyCompletion();
  for (const r of ordered) {
    let c: Completion;
    try {
      c = await inTransaction(store.pool, (client) => writeResults(store, client, claim.lease, [r], maxAttempts));
    } catch (e) {
      if (isConnectionError(e)) throw e;
      const failed: JobResult = { job: r.job, error: `cannot store the result: ${(e as Error).message}` };
      c = await inTransaction(store.pool, (client) => writeResults(store, client, claim.lease, [failed], maxAttempts));
    }
    for (const k of Object.keys(total) as (keyof Completion)[]) total[k] += c[k];
  }
  return total;
}

async function writeResults(store: PostgresStore, c: pg.PoolClient, lease: string, results: readonly JobResult[], maxAttempts: number): Promise<Completion> {
  const out = emptyCompletion();
  const { rows } = await c.query(`SELECT id FROM jobs WHERE id = ANY($1::bigint[]) AND lease = $2 AND state = 'running' FOR UPDATE`, [
    results.map((r) => r.job.id),
    lease,
  ]);
  const owned = new Set(rows.map((r) => String(r.id)));
  const doneIds: string[] = [];
  const outcomes: string[] = [];
  const failIds: string[] = [];
  const errors: string[] = [];
  for (const r of results) {
    if (!owned.has(r.job.id)) {
      out.lost++;
      continue;
    }
    if ('article' in r) {
      const result = await store.putOn(c, packed(r.article));
      out[result]++;
      outcomes.push(result);
    } else if ('skipped' in r) {
      await store.skipOn(c, r.skipped);
      out.skipped++;
      outcomes.push('skipped');
    } else {
      failIds.push(r.job.id);
      errors.push(r.error.replace(/\u0000/g, '\uFFFD'));
      if (r.job.attempts >= maxAttempts) out.failed++;
      else out.retried++;
      continue;
    }
    doneIds.push(r.job.id);
  }
  if (doneIds.length) {
    await c.query(
      `UPDATE jobs SET state = 'done', outcome = x.outcome, lease = NULL, leased_until = NULL, done_at = now()
       FROM unnest($1::bigint[], $2::text[]) AS x(id, outcome) WHERE jobs.id = x.id`,
      [doneIds, outcomes],
    );
  }
  if (failIds.length) {
    await c.query(
      `UPDATE jobs SET state = CASE WHEN attempts >= $3 THEN 'failed' ELSE 'queued' END, error = x.error, lease = NULL, leased_until = NULL,
         done_at = CASE WHEN attempts >= $3 THEN now() END
       FROM unnest($1::bigint[], $2::text[]) AS x(id, error) WHERE jobs.id = x.id`,
      [failIds, errors, maxAttempts],
    );
  }
  out.done = doneIds.length + out.failed;
  return out;
}

export async function queueStatus(store: PostgresStore): Promise<QueueStatus> {
  const { rows } = await store.pool.query(
    `SELECT state, outcome, (state = 'running' AND leased_until < now()) AS expired, count(*)::int AS n FROM jobs GROUP BY 1, 2, 3`,
  );
  const s: QueueStatus = { queued: 0, running: 0, expired: 0, done: 0, failed: 0, stored: 0, unchanged: 0, skipped: 0 };
  for (const r of rows) {
    s[r.state as 'queued' | 'running' | 'done' | 'failed'] += r.n;
    if (r.expired) s.expired += r.n;
    if (r.state === 'done' && r.outcome) s[r.outcome as 'stored' | 'unchanged' | 'skipped'] += r.n;
  }
  return s;
}

/** Failed jobs with their errors, newest first. */
export async function failedJobs(store: PostgresStore, limit: number): Promise<{ id: string; origin: string; attempts: number; error: string }[]> {
  const { rows } = await store.pool.query(`SELECT id, origin, attempts, error FROM jobs WHERE state = 'failed' ORDER BY done_at DESC, id DESC LIMIT $1`, [limit]);
  return rows.map((r) => ({ id: String(r.id), origin: r.origin, attempts: r.attempts, error: r.error ?? '' }));
}

function emptyCompletion(): Completion {
  return { done: 0, stored: 0, unchanged: 0, skipped: 0, retried: 0, failed: 0, lost: 0 };
}

function orderKey(r: JobResult): string {
  if ('article' in r) return `0${r.article.id}`;
  if ('skipped' in r) return `1${r.skipped.origin}`;
  return `2${r.job.id}`;
}
