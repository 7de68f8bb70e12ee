import type { Article } from '../model/article.js';
import { EntenteError, type SkipReason, type Skipped } from '../model/errors.js';
import { readItems, type RawItem } from '../ingest/items.js';
import type { PackedArticle } from '../store/codec.js';
import type { PutResult, Store } from '../store/types.js';
import { BATCH, createAnalyzer } from './pool.js';

export interface IngestOptions {
  store: Store;
  /** analysis threads beside the calling one (0: inline) */
  threads: number;
  maxBytes: number;
  /** names of the stages to run (default: all); a subset must still satisfy every `requires` */
  stages?: readonly string[];
  /** called after each item is written (with what the store said) or recorded as skipped */
  onResult?: (result: Article | PackedArticle | Skipped, counts: IngestCounts, put?: PutResult) => void;
  /** checked after each item read: true stops reading; what is in flight is still written */
  stop?: () => boolean;
  /**
   * Runs each write to the store, and may run it again after a failure (e.g. waiting out a
   * database restart): every write is safe to repeat, a re-put article being `unchanged`.
   */
  retry?: <T>(write: () => Promise<T>) => Promise<T>;
  /**
   * Stops reading, even while the input is idle; what was read (standard input's buffered lines
   * too: they cannot be read again) is still analysed and written.
   */
  signal?: AbortSignal;
  /**
   * Items read ahead of the oldest unwritten one (default: enough to keep the threads busy). A
   * watcher, whose items come slowly from the network, writes each as soon as it is analysed (1).
   */
  window?: number;
}

export interface IngestCounts {
  stored: number;
  unchanged: number;
  skipped: number;
  sentences: number;
}

export interface IngestSummary extends IngestCounts {
  skippedByReason: Partial<Record<SkipReason, number>>;
  /** the first 1,000 skips, for the report */
  skips: Skipped[];
  interrupted: boolean;
}

/**
 * Articles in flight between reading and writing: enough to keep the threads busy (two batches
 * each), small enough to keep memory flat.
 */
const WINDOW = 512;
/** Most articles written in one transaction. */
const WRITE_GROUP = 64;

/** What a store may answer for one article; anything else is a fault of the store, not a count. */
const PUT_RESULTS: readonly string[] = ['stored', 'unchanged'] satisfies PutResult[];

/**
 * Writes a run of articles: in one transaction where the store can, else one at a time (each its
 * own write, so a retry repeats only the one that failed). Every article gets its store's answer,
 * or the run fails.
 */
async function putRun(store: Store, run: (Article | PackedArticle)[], retry: NonNullable<IngestOptions['retry']>): Promise<PutResult[]> {
  const puts: PutResult[] = [];
  if (store.putArticles && run.length > 1) puts.push(...(await retry(() => store.putArticles!(run))));
  else for (const a of run) puts.push(await retry(() => store.putArticle(a)));
  if (puts.length !== run.length) {
    throw new EntenteError('E_STORE_WRITE', `the store ${store.location} answered for ${puts.length} of ${run.length} articles written together (first: ${run[0].origin})`);
  }
  puts.forEach((p, k) => {
    if (!PUT_RESULTS.includes(p)) {
      throw new EntenteError('E_STORE_WRITE', `${run[k].origin}: the store ${store.location} answered ${JSON.stringify(p)}, which is not one of ${PUT_RESULTS.join(', ')}`);
    }
  });
  return puts;
}

/** A result in flight, and the result itself once it has come (read without waiting). */
interface Tracked {
  promise: Promise<Article | PackedArticle | Skipped>;
  result?: Article | PackedArticle | Skipped;
}

function track(promise: Promise<Article | PackedArticle | Skipped>): Tracked {
  const t: Tracked = { promise };
  // a failure is met where `promise` is awaited; this branch only notes a result
  promise.then((r) => { t.result = r; }, () => {});
  return t;
}

/**
 * Reads, analyses and stores every item under `paths`. Analysis may run in worker threads; the
 * store is written from the calling thread only, in input order, each article whole or not at
 * all (several to a transaction when they are ready together).
 *
 * @example
 * const summary = await ingest(['examples/'], { store, threads: 1, maxBytes: 20 << 20 });
 * summary.stored // 9
 */
export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  return ingestItems(readItems(paths, { maxBytes: opts.maxBytes, signal: opts.signal }), opts);
}

/**
 * `ingest` over items from anywhere (pages a watcher fetched): each analysed, and stored or
 * recorded as skipped, in the order they come. `opts.maxBytes` is the reader's; items given here
 * are already within the limit their reader set.
 *
 * @example await ingestItems(fetchedPages(), { store, threads: 0 });
 */
export async function ingestItems(items: AsyncIterable<RawItem | Skipped>, opts: Omit<IngestOptions, 'maxBytes'>): Promise<IngestSummary> {
  const { store } = opts;
  const retry = opts.retry ?? ((write) => write());
  // one analysis thread on two cores: a chain of two threads keeps both cores busy (this one mostly waits)
  const analyzer = createAnalyzer(opts.threads, opts.stages, { chain: opts.threads === 1 });
  const window = opts.window ?? Math.max(WINDOW, 2 * BATCH * analyzer.threads);
  const sum: IngestSummary = { stored: 0, unchanged: 0, skipped: 0, sentences: 0, skippedByReason: {}, skips: [], interrupted: false };
  const count = (result: Article | PackedArticle | Skipped, put?: PutResult) => {
    if ('skipped' in result) {
      sum.skipped++;
      sum.skippedByReason[result.reason] = (sum.skippedByReason[result.reason] ?? 0) + 1;
      if (sum.skips.length < 1000) sum.skips.push(result);
    } else {
      sum[put!]++; // one of PUT_RESULTS: putRun checked it
      sum.sentences += 'packed' in result ? result.packed.nSentences : result.spans.sentences.length;
    }
    opts.onResult?.(result, sum, put);
  };
  // Results are written in input order. Those already analysed when the oldest is written go
  // with it, articles in one transaction where the store can (`putArticles`).
  const settle = async (group: (Article | PackedArticle | Skipped)[]) => {
    for (let i = 0; i < group.length; ) {
      const result = group[i];
      if ('skipped' in result) {
        await retry(() => store.recordSkip(result));
        count(result);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < group.length && !('skipped' in group[j])) j++;
      const run = group.slice(i, j) as (Article | PackedArticle)[];
      const puts = await putRun(store, run, retry);
      run.forEach((a, k) => count(a, puts[k]));
      i = j;
    }
  };
  const inFlight: Tracked[] = [];
  const settleOldest = async () => {
    const group = [await inFlight.shift()!.promise];
    while (group.length < WRITE_GROUP && inFlight.length > 0 && inFlight[0].result) group.push(inFlight.shift()!.result!);
    await settle(group);
  };
  try {
    for await (const item of items) {
      inFlight.push(track('skipped' in item ? Promise.resolve(item) : analyzer.analyze(item)));
      while (inFlight.length >= window) await settleOldest();
      if (opts.stop?.()) {
        sum.interrupted = true;
        break;
      }
    }
    while (inFlight.length) await settleOldest();
    if (opts.signal?.aborted) sum.interrupted = true;
  } finally {
    await analyzer.close();
  }
  return sum;
}
