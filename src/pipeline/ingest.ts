import type { Article } from '../model/article.js';
import type { SkipReason, Skipped } from '../model/errors.js';
import { readItems } from '../ingest/items.js';
import type { PackedArticle } from '../store/codec.js';
import type { Store } from '../store/types.js';
import { createAnalyzer } from './pool.js';

export interface IngestOptions {
  store: Store;
  /** analysis threads beside the calling one (0: inline) */
  threads: number;
  maxBytes: number;
  /** names of the stages to run (default: all); a subset must still satisfy every `requires` */
  stages?: readonly string[];
  /** called after each item is written or recorded as skipped */
  onResult?: (result: Article | PackedArticle | Skipped, counts: IngestCounts) => void;
  /** checked after each item read: true stops reading; what is in flight is still written */
  stop?: () => boolean;
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

/** Articles in flight between reading and writing: enough to keep the threads busy, small enough to keep memory flat. */
const WINDOW = 512;

/**
 * Reads, analyses and stores every item under `paths`. Analysis may run in worker threads; the
 * store is written from the calling thread only, in input order, one transaction an article.
 *
 * @example
 * const summary = await ingest(['examples/'], { store, threads: 1, maxBytes: 20 << 20 });
 * summary.stored // 9
 */
export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const { store } = opts;
  const analyzer = createAnalyzer(opts.threads, opts.stages);
  const sum: IngestSummary = { stored: 0, unchanged: 0, skipped: 0, sentences: 0, skippedByReason: {}, skips: [], interrupted: false };
  const settle = async (result: Article | PackedArticle | Skipped) => {
    if ('skipped' in result) {
      await store.recordSkip(result);
      sum.skipped++;
      sum.skippedByReason[result.reason] = (sum.skippedByReason[result.reason] ?? 0) + 1;
      if (sum.skips.length < 1000) sum.skips.push(result);
    } else {
      sum[await store.putArticle(result)]++;
      sum.sentences += 'packed' in result ? result.packed.nSentences : result.spans.sentences.length;
    }
    opts.onResult?.(result, sum);
  };
  const inFlight: Promise<Article | PackedArticle | Skipped>[] = [];
  try {
    for await (const item of readItems(paths, { maxBytes: opts.maxBytes })) {
      inFlight.push('skipped' in item ? Promise.resolve(item) : analyzer.analyze(item));
      while (inFlight.length >= WINDOW) await settle(await inFlight.shift()!);
      if (opts.stop?.()) {
        sum.interrupted = true;
        break;
      }
    }
    while (inFlight.length) await settle(await inFlight.shift()!);
  } finally {
    await analyzer.close();
  }
  return sum;
}
