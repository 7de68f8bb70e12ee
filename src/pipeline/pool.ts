import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Article } from '../model/article.js';
import { EntenteError, type Skipped } from '../model/errors.js';
import type { RawItem } from '../ingest/items.js';
import type { PackedArticle } from '../store/codec.js';
import { analyze, selectStages } from './index.js';
import type { WorkReply, WorkRequest } from './worker.js';

/** Runs `analyze` on raw items, inline or in worker threads, with results in input order. */
export interface Analyzer {
  readonly threads: number;
  analyze(item: RawItem): Promise<Article | PackedArticle | Skipped>;
  close(): Promise<void>;
}

/** Items sent to a worker per message: one message per article cost more than the analysis of short wire stories. */
const BATCH = 32;

/**
 * Worker threads for a machine: one per core but the one that reads and writes, and none on a
 * single core, where threads would only add copying.
 *
 * @example defaultThreads() // 1 on a 2-core machine
 */
export function defaultThreads(): number {
  return Math.max(0, Math.min(8, availableParallelism() - 1));
}

/**
 * An analyzer over `threads` worker threads (0: inline, on the calling thread). The stages are
 * pure, so they run anywhere; the store stays on the calling thread, which keeps one writer and
 * one transaction per article.
 *
 * @example
 * const pool = createAnalyzer(1);
 * const result = await pool.analyze(item);
 * await pool.close();
 */
export function createAnalyzer(threads: number, stageNames?: readonly string[]): Analyzer {
  const stages = selectStages(stageNames); // a bad subset fails here, before any thread starts
  if (threads <= 0) {
    return { threads: 0, analyze: async (item) => analyze(item, stages), close: async () => {} };
  }
  return new WorkerPool(threads, stageNames);
}

interface Pending {
  resolve: (r: PackedArticle | Skipped) => void;
  reject: (e: Error) => void;
}

class WorkerPool implements Analyzer {
  private readonly workers: Worker[] = [];
  private readonly inFlight = new Map<number, { worker: number; pending: Pending[] }>();
  private queue: { item: RawItem; pending: Pending }[] = [];
  private nextBatch = 0;
  private nextWorker = 0;
  private flushScheduled = false;
  private failure: Error | undefined;

  constructor(readonly threads: number, stageNames?: readonly string[]) {
    for (let i = 0; i < threads; i++) {
      // the worker beside this module: worker.js when built, worker.ts under tsx (which the worker inherits)
      const w = new Worker(new URL(`./worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url), { workerData: { stages: stageNames } });
      w.on('message', (reply: WorkReply) => this.receive(reply));
      w.on('error', (e) => this.fail(new EntenteError('E_WORKER', `an analysis thread failed: ${e.message}`, { cause: e })));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new EntenteError('E_WORKER', `an analysis thread exited with code ${code}`));
      });
      this.workers.push(w);
    }
  }

  private closing = false;

  analyze(item: RawItem): Promise<PackedArticle | Skipped> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ item, pending: { resolve, reject } });
      if (this.queue.length >= BATCH) this.flush();
      else if (!this.flushScheduled) {
        // a partial batch goes out on the next turn, so the last items of a run never wait
        this.flushScheduled = true;
        setImmediate(() => {
          this.flushScheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const batch = this.nextBatch++;
    const worker = this.nextWorker++ % this.workers.length;
    const req: WorkRequest = { batch, items: this.queue.map((q) => q.item) };
    this.inFlight.set(batch, { worker, pending: this.queue.map((q) => q.pending) });
    this.queue = [];
    this.workers[worker].postMessage(req);
  }

  private receive(reply: WorkReply): void {
    const entry = this.inFlight.get(reply.batch);
    if (!entry) return;
    this.inFlight.delete(reply.batch);
    if ('error' in reply) {
      const e = new EntenteError(reply.error.code ?? 'E_WORKER', reply.error.message.replace(/^\[entente\] /, ''));
      for (const p of entry.pending) p.reject(e);
      this.fail(e);
      return;
    }
    reply.results.forEach((r, i) => entry.pending[i].resolve(r));
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    for (const { pending } of this.inFlight.values()) for (const p of pending) p.reject(e);
    for (const q of this.queue) q.pending.reject(e);
    this.inFlight.clear();
    this.queue = [];
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
