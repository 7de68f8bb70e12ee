import { MessageChannel, Worker, type MessagePort, type ResourceLimits } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Article } from '../model/article.js';
import { EntenteError, skip, type Skipped } from '../model/errors.js';
import type { RawItem } from '../ingest/items.js';
import type { PackedArticle } from '../store/codec.js';
import { analyze, selectStages } from './index.js';
import type { FinisherPort, WorkerData, WorkReply, WorkRequest } from './worker.js';
import { tuneForBusyCores } from './jit.js';

/** Runs `analyze` on raw items, inline or in worker threads, with results in input order. */
export interface Analyzer {
  readonly threads: number;
  /** threads stopped and started again so far, each for an article that ran out of heap or time */
  readonly replaced: number;
  analyze(item: RawItem): Promise<Article | PackedArticle | Skipped>;
  close(): Promise<void>;
}

/**
 * Items sent to a worker per message, and analysed stage by stage together (`analyzeBatch`): one
 * message per article cost more than the analysis of short wire stories, and the later stages
 * run faster the more articles they take in a row (on Reuters, the actor and quote stages added
 * about 47 % to the text stages' time in batches of 32 and 39 % in batches of 128). A batch also
 * ends at `BATCH_CHARS` characters of input, so that long pages are not all held at once.
 */
export const BATCH = 128;
const BATCH_CHARS = 2 << 20;

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
export function createAnalyzer(threads: number, stageNames?: readonly string[], limits: AnalyzerLimits = {}): Analyzer {
  const stages = selectStages(stageNames); // a bad subset fails here, before any thread starts
  if (threads <= 0) {
    return { threads: 0, replaced: 0, analyze: async (item) => analyze(item, stages), close: async () => {} };
  }
  tuneForBusyCores(); // the threads about to start fill the cores
  const names = stages.map((s) => s.name);
  const cut = limits.chain ? names.indexOf(FINISH_FROM) : -1;
  if (cut <= 0) return new WorkerPool(threads, stageNames, limits);
  return new WorkerPool(threads, names.slice(0, cut), limits, names, cut);
}

/**
 * Where the finishing thread of a chain takes over: the parser and what follows it (the event
 * coder), about half of the analysis, and what the stages before never need.
 */
const FINISH_FROM = 'syntax';

/** Bounds on one article's analysis in a thread (inline analysis has none). */
export interface AnalyzerLimits {
  /**
   * Milliseconds one article may take: an article still running after them is skipped as too
   * large and its thread replaced, so one pathological input never holds a thread for minutes.
   * A batch may take this much per article in it. None when absent.
   */
  timeoutMs?: number;
  /**
   * Chain two threads instead of giving each thread every stage: the first runs the stages before
   * the parser and hands each batch's drafts to a finishing thread, which runs the parser and
   * the event coder and sends the articles back; the first is already on the next batch. With one
   * analysis thread on two cores (an ingest: the calling thread only reads and writes, and waits
   * most of the time) both cores work, and each stage's dictionaries are still loaded once.
   * A failure of the finishing thread fails the pool; the time limit covers the first thread's part
   * (the parser and the coder read sentences one at a time, and only some).
   */
  chain?: boolean;
}

/**
 * Heap bounds of an analysis thread. Left alone, V8 grows a busy thread's heap towards gigabytes
 * before collecting it; bounded, memory stays flat over a corpus of any size. An article that
 * needs more (megabytes of text in one piece) is retried alone in a fresh thread and, failing
 * again, skipped as too large: it never stops the batch. `$ENTENTE_THREAD_HEAP_MB` sets the bound.
 */
const WORKER_OLD_SPACE_MB = Number(process.env.ENTENTE_THREAD_HEAP_MB) || 384;
/**
 * The young generation of a thread that runs the text stages alone: V8's own 64-bit default
 * (16 MB semi-spaces). Every stage allocates short-lived spans and strings per sentence, and a
 * smaller nursery (8 MB was tried) spends the difference in scavenges.
 */
const TEXT_YOUNG_SPACE_MB = 48;
/**
 * The young generation of a thread that also finds actors, quotes or events. A batch's mentions,
 * quotes and the words around them live from one stage to the next, so in a small nursery they are
 * copied at every scavenge and promoted: on Reuters the thread's scavenges took twice as long as
 * the text stages' alone, and 128 MB took the ingest with actors and quotes from 7.2 to 6.0 s.
 * With the syntax stage, 96 MB ingests Reuters as fast as 128 (interleaved runs: 18.9, 21.1, 19.0 s
 * against 18.3, 20.3, 20.9 s on a busy machine) at 390–420 MB of peak RSS instead of 470–520.
 */
const ENTITY_YOUNG_SPACE_MB = 96;
/**
 * The young generation of each thread of a chain (`chain`): two threads' nurseries at the single
 * thread's size would cost 100 MB of peak RSS more; each thread keeps fewer objects alive
 * between stages than one thread running them all.
 */
const CHAIN_YOUNG_SPACE_MB = 48;
/** The foundation's text stages: everything before actors, quotes and events. */
export const TEXT_STAGE_NAMES: readonly string[] = ['clean', 'sentences', 'tokens', 'language', 'identity'];
const TEXT_STAGES = new Set(TEXT_STAGE_NAMES);

/**
 * The heap bounds an analysis thread runs with for these stages (all when absent); benchmarks run
 * their threads with the same; `chained` for a thread of a chain.
 *
 * @example threadLimits(['clean', 'sentences']).maxYoungGenerationSizeMb // 48
 */
export function threadLimits(stageNames?: readonly string[], chained = false): Readonly<ResourceLimits> {
  const textOnly = stageNames !== undefined && stageNames.every((n) => TEXT_STAGES.has(n));
  const young = textOnly ? TEXT_YOUNG_SPACE_MB : chained ? CHAIN_YOUNG_SPACE_MB : ENTITY_YOUNG_SPACE_MB;
  return Object.freeze({ maxOldGenerationSizeMb: WORKER_OLD_SPACE_MB, maxYoungGenerationSizeMb: young });
}

interface Pending {
  resolve: (r: PackedArticle | Skipped) => void;
  reject: (e: Error) => void;
}

class WorkerPool implements Analyzer {
  private readonly workers: Worker[] = [];
  private readonly inFlight = new Map<number, { worker: number; items: RawItem[]; pending: Pending[]; alone: boolean; started?: boolean; handed?: boolean; timer?: NodeJS.Timeout }>();
  private queue: { item: RawItem; pending: Pending }[] = [];
  private queuedChars = 0;
  private nextBatch = 0;
  private nextWorker = 0;
  private flushScheduled = false;
  private failure: Error | undefined;

  constructor(
    readonly threads: number,
    private readonly stageNames?: readonly string[],
    private readonly limits: AnalyzerLimits = {},
    /** a chain's stages, of which its finishing thread runs those from the `from`-th (none: each thread runs all of `stageNames`) */
    chain?: readonly string[],
    from = 0,
  ) {
    if (chain) {
      const f = this.start({ stages: chain, part: 'finish', from });
      f.on('error', (e) => this.fail(new EntenteError('E_WORKER', `the finishing analysis thread failed: ${e.message}`, { cause: e })));
      f.on('exit', (code) => {
        if (!this.closing) this.fail(new EntenteError('E_WORKER', `the finishing analysis thread exited with code ${code}`));
      });
      f.unref();
      this.finisher = f;
    }
    for (let i = 0; i < threads; i++) this.workers.push(this.spawn(i));
  }

  /** A chain's finishing thread: it takes the drafts of every first thread and answers for them. */
  private finisher?: Worker;

  /** A thread with `data`; its messages go to `receive`. */
  private start(data: WorkerData, transfer?: readonly MessagePort[]): Worker {
    // the worker beside this module: worker.js when built, worker.ts under tsx (which the worker inherits)
    const w = new Worker(new URL(`./worker${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url), {
      workerData: data,
      transferList: transfer ? [...transfer] : undefined,
      resourceLimits: { ...threadLimits(data.part === 'finish' ? data.stages?.slice(data.from) : data.stages, data.part !== undefined) },
    });
    w.on('message', (reply: WorkReply) => this.receive(reply));
    return w;
  }

  private spawn(index: number): Worker {
    let w: Worker;
    if (this.finisher) {
      // a port of its own to the finishing thread, which learns of it first
      const { port1, port2 } = new MessageChannel();
      this.finisher.postMessage({ port: port2 } satisfies FinisherPort, [port2]);
      w = this.start({ stages: this.stageNames, part: 'first', port: port1 }, [port1]);
    } else w = this.start({ stages: this.stageNames });
    w.on('error', (e) => {
      if ((e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' && !this.closing) this.outOfMemory(index);
      else this.fail(new EntenteError('E_WORKER', `an analysis thread failed: ${e.message}`, { cause: e }));
    });
    w.on('exit', (code) => {
      if (code !== 0 && !this.closing && this.workers[index] === w && !this.replacing.has(w)) this.fail(new EntenteError('E_WORKER', `an analysis thread exited with code ${code}`));
    });
    // an idle thread does not keep the process alive (a server that never closes its pool can
    // still exit); one with work does, until its results are in
    w.unref();
    return w;
  }

  private readonly replacing = new Set<Worker>();
  replaced = 0;

  /** A thread ran out of heap: replace it, its running article skipped as too large when alone. */
  private outOfMemory(index: number): void {
    this.replace(index, `the article needs more memory than an analysis thread has (${WORKER_OLD_SPACE_MB} MB of heap); split it or lower its size`);
  }

  /** The running batch of a thread overran its time: the thread is stopped and replaced as when out of memory. */
  private overran(batch: number): void {
    const entry = this.inFlight.get(batch);
    if (!entry || this.closing) return;
    const old = this.workers[entry.worker];
    this.replace(entry.worker, `the article took more than ${this.limits.timeoutMs} ms to analyse, the server's limit for one article; split it or lower its size`);
    void old.terminate();
  }

  /**
   * Replaces thread `index`. A thread takes its batches in order, so the oldest one sent to it
   * was running: its items go again one by one (or, already alone, the item is skipped as too
   * large, for `why`); the batches queued behind it go again as they were.
   */
  private replace(index: number, why: string): void {
    this.replaced++;
    this.replacing.add(this.workers[index]);
    this.workers[index] = this.spawn(index);
    const mine = [...this.inFlight].filter(([, e]) => e.worker === index).sort((a, b) => a[0] - b[0]);
    // the running batch is the last the thread started; in a chain, those it has handed on (all
    // before it, and it too once handed) are with the finishing thread, which still answers for them
    const running = Math.max(0, mine.findLastIndex(([, e]) => e.started));
    mine.forEach(([batch, entry], k) => {
      if (k < running || entry.handed) return;
      this.inFlight.delete(batch);
      clearTimeout(entry.timer);
      if (k > running) this.send(entry.items, entry.pending, entry.alone);
      // an article that was alone in its batch would only fail the same way again
      else if (entry.alone || entry.items.length === 1) entry.pending[0].resolve(skip('too-large', entry.items[0].origin, why));
      else entry.items.forEach((item, i) => this.send([item], [entry.pending[i]], true));
    });
  }

  private oldestOn(worker: number): number | undefined {
    let oldest: number | undefined;
    for (const [batch, e] of this.inFlight) if (e.worker === worker && (oldest === undefined || batch < oldest)) oldest = batch;
    return oldest;
  }

  private deadline(batch: number, items: number): NodeJS.Timeout | undefined {
    if (this.limits.timeoutMs === undefined) return undefined;
    const t = setTimeout(() => this.overran(batch), this.limits.timeoutMs * items);
    // the work itself keeps the process alive, not its deadline
    t.unref();
    return t;
  }


  private closing = false;

  analyze(item: RawItem): Promise<PackedArticle | Skipped> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ item, pending: { resolve, reject } });
      this.queuedChars += item.text.length;
      if (this.queue.length >= BATCH || this.queuedChars >= BATCH_CHARS) this.flush();
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
    const queued = this.queue;
    this.queue = [];
    this.queuedChars = 0;
    this.send(queued.map((q) => q.item), queued.map((q) => q.pending), false);
  }

  private send(items: RawItem[], pending: Pending[], alone: boolean): void {
    const batch = this.nextBatch++;
    const worker = this.nextWorker++ % this.workers.length;
    const req: WorkRequest = { batch, items };
    this.inFlight.set(batch, { worker, items, pending, alone });
    this.workers[worker].ref();
    this.finisher?.ref();
    this.workers[worker].postMessage(req);
  }

  private receive(reply: WorkReply): void {
    const entry = this.inFlight.get(reply.batch);
    if (!entry) return;
    // its time runs from when the thread takes it up, not from a fresh thread's start or a queue
    if ('started' in reply) {
      entry.started = true;
      entry.timer = this.deadline(reply.batch, entry.items.length);
      return;
    }
    // the rest of a chain's batch is the finishing thread's, which has no time limit
    if ('handed' in reply) {
      entry.handed = true;
      return void clearTimeout(entry.timer);
    }
    this.inFlight.delete(reply.batch);
    clearTimeout(entry.timer);
    if (this.oldestOn(entry.worker) === undefined) this.workers[entry.worker].unref();
    if (this.inFlight.size === 0) this.finisher?.unref();
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
    for (const { pending, timer } of this.inFlight.values()) {
      clearTimeout(timer);
      for (const p of pending) p.reject(e);
    }
    for (const q of this.queue) q.pending.reject(e);
    this.inFlight.clear();
    this.queue = [];
    this.queuedChars = 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.workers, ...(this.finisher ? [this.finisher] : [])].map((w) => w.terminate()));
  }
}
