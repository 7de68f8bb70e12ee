import { readItems } from '../ingest/items.js';
import type { PostgresStore } from '../store/postgres.js';
import { enqueue, type JobPayload } from '../store/postgres-queue.js';
import { untilReachable } from '../store/postgres-wait.js';

export interface EnqueueOptions {
  maxBytes: number;
  log: (message: string) => void;
  /** called after each batch of jobs is written */
  onBatch?: (counts: EnqueueSummary) => void;
  /** checked after each item read: true stops reading (what was read is still enqueued) */
  stop?: () => boolean;
}

export interface EnqueueSummary {
  /** input items read */
  items: number;
  /** new jobs */
  enqueued: number;
  /** items that already had a job */
  already: number;
  /** items the reader found bad: queued all the same, so the worker records each skip */
  bad: number;
  interrupted: boolean;
}

/** Items a round trip: few enough to keep memory flat, enough to make the inserts cheap. */
const BATCH_ITEMS = 256;
const BATCH_CHARS = 8 << 20;

/**
 * Reads every input item under `paths` (as `ingest` does) and adds one job for each, the raw item
 * its payload. Enqueuing the same items again adds nothing. Waits out a database that is down.
 *
 * @example await enqueuePaths(['news/'], store, { maxBytes: 20 << 20, log: console.error });
 */
export async function enqueuePaths(paths: string[], store: PostgresStore, opts: EnqueueOptions): Promise<EnqueueSummary> {
  const sum: EnqueueSummary = { items: 0, enqueued: 0, already: 0, bad: 0, interrupted: false };
  let batch: JobPayload[] = [];
  let chars = 0;
  const flush = async () => {
    const items = batch;
    batch = [];
    chars = 0;
    const added = await untilReachable('enqueuing', () => enqueue(store, items), { log: opts.log, location: store.location, stop: opts.stop });
    sum.enqueued += added;
    sum.already += items.length - added;
    opts.onBatch?.(sum);
  };
  for await (const item of readItems(paths, { maxBytes: opts.maxBytes })) {
    sum.items++;
    if ('skipped' in item) sum.bad++;
    batch.push(item);
    chars += 'text' in item ? item.text.length : item.detail.length;
    if (batch.length >= BATCH_ITEMS || chars >= BATCH_CHARS) await flush();
    if (opts.stop?.()) {
      sum.interrupted = true;
      break;
    }
  }
  if (batch.length) await flush();
  return sum;
}
