/**
 * `npm run bench -- scale [--copies=1,10] [--threads=1,2] [--workers=1,2,4]`: the Reuters corpus
 * and a replica of it N times over, streamed (never written out), through the library `ingest`
 * into SQLite with each number of analysis threads, each run in a child process of its own; and,
 * when $ENTENTE_BENCH_PG names a PostgreSQL server and `entente worker` exists, through the
 * job queue with each number of worker processes.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';

export interface ScaleRun {
  store: 'sqlite' | 'postgres';
  copies: number;
  /** analysis threads beside the writer (SQLite) or worker processes (PostgreSQL) */
  parallel: number;
  articles: number;
  stored: number;
  unchanged: number;
  skipped: number;
  sentences: number;
  seconds: number;
  /** CPU time of the ingest process, all its threads (SQLite): what the figures cost when other work shares the cores */
  cpuSeconds?: number;
  /** CPU time of this process writing the replica into the child's input */
  feedCpuSeconds?: number;
  articlesPerSec: number;
  sentencesPerSec: number;
  /** the ingest process (its threads included), or the largest worker process */
  peakRssMB: number;
  /** the main thread's heap at its largest (SQLite), sampled */
  peakHeapMB?: number;
  /** RSS at each tenth of the run: flat when memory does not grow with the corpus */
  rssCurveMB?: number[];
  /** every worker's peak RSS (PostgreSQL) */
  workerRssMB?: number[];
  /** seconds to enqueue the corpus (PostgreSQL; not in `seconds`) */
  enqueueSeconds?: number;
}

export interface ScaleOptions {
  corpus: string;
  /** `dist/bench/scale-child.js` */
  child: string;
  /** `bin/entente.js`, for the PostgreSQL slot */
  cli: string;
  /** the repository, whose dist/ says whether `entente worker` is built */
  root: string;
  copies: number[];
  threads: number[];
  workers: number[];
  /** a postgres:// URL: the PostgreSQL slot runs only with one */
  pg?: string;
  log: (line: string) => void;
}

/** Lines of the corpus, `copies` times over; every copy after the first has its text marked, so each is a new article. */
export async function* replicaLines(corpus: string, copies: number): AsyncGenerator<string> {
  for (let k = 0; k < copies; k++) {
    const lines = createInterface({ input: createReadStream(corpus, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      yield k === 0 ? line : markCopy(line, k);
    }
  }
}

/** The story with `[k] ` before its text: the article id hashes the body, so copy k is a new article. */
export function markCopy(line: string, k: number): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line; // a broken line stays broken: ingest skips it in every copy
  }
  if (typeof rec !== 'object' || rec === null) return line;
  for (const f of ['text', 'html', 'body', 'content']) {
    if (typeof rec[f] === 'string') {
      rec[f] = `[${k}] ${rec[f] as string}`;
      break;
    }
  }
  if (typeof rec.id === 'string') rec.id = `${rec.id}~${k}`;
  return JSON.stringify(rec);
}

/** Writes lines to a stream in chunks, waiting when it is full, so neither side holds the corpus. */
async function pump(lines: AsyncIterable<string>, out: Writable): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!out.write(buf.join('\n') + '\n')) await drained(out);
    buf = [];
    size = 0;
  };
  for await (const line of lines) {
    if (out.destroyed) return;
    buf.push(line);
    size += line.length;
    if (size >= 256 * 1024) await flush();
  }
  if (buf.length) await flush();
  out.end();
}

/** Until the stream takes more, or closes (a child that died). */
function drained(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** Counts the corpus's non-blank lines: the items a run must account for. */
async function countLines(corpus: string): Promise<number> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(corpus, { encoding: 'utf8' }), crlfDelay: Infinity })) if (line.trim()) n++;
  return n;
}

/** One SQLite run: the replica streamed into a child's standard input. */
async function sqliteRun(opts: ScaleOptions, copies: number, threads: number, expected: number): Promise<ScaleRun> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-scale-'));
  try {
    const t0 = performance.now();
    const child = spawn(process.execPath, [opts.child, '-', join(dir, 'scale.db'), String(threads), String(expected)], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdin.on('error', () => {}); // a child that dies early is reported from its exit code
    const exit = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    const feedCpu = process.cpuUsage();
    await pump(replicaLines(opts.corpus, copies), child.stdin);
    const feed = process.cpuUsage(feedCpu);
    const [code, signal] = await exit;
    const wall = (performance.now() - t0) / 1000;
    if (code !== 0) throw new Error(`the ingest child failed (${code ?? signal}): ${err.slice(-2000)}`);
    const s = JSON.parse(out.trim().split('\n').pop()!);
    const articles = s.stored + s.unchanged + s.skipped;
    return {
      store: 'sqlite', copies, parallel: threads, articles, stored: s.stored, unchanged: s.unchanged, skipped: s.skipped, sentences: s.sentences,
      seconds: wall, cpuSeconds: s.cpuSeconds, feedCpuSeconds: (feed.user + feed.system) / 1e6, articlesPerSec: articles / wall, sentencesPerSec: s.sentences / wall,
      peakRssMB: s.peakRssMB, peakHeapMB: s.peakHeapMB, rssCurveMB: (s.curve as { rssMB: number }[]).map((c) => c.rssMB),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs every configuration and prints a table with the targets beside the figures.
 *
 * @example await benchScale({ corpus, child: 'dist/bench/scale-child.js', cli: 'bin/entente.js', root: '.', copies: [1, 10], threads: [1, 2], workers: [1, 2, 4], log: console.log });
 */
export async function benchScale(opts: ScaleOptions): Promise<{ runs: ScaleRun[]; postgres: string; load: { before: number[]; after: number[] } }> {
  const { log } = opts;
  const { loadavg, cpus } = await import('node:os');
  const before = loadavg().map((x) => Number(x.toFixed(2)));
  log(`Scale: ${basename(opts.corpus)} and replicas of it through ingest (${cpus().length} cores; load average before ${before.join(', ')})`);
  const lines = await countLines(opts.corpus);
  const runs: ScaleRun[] = [];
  for (const copies of opts.copies) {
    for (const threads of opts.threads) {
      const r = await sqliteRun(opts, copies, threads, lines * copies);
      runs.push(r);
      log(row(r));
      if (r.articles !== lines * copies) log(`    ! ${r.articles} items accounted for, ${lines * copies} lines sent`);
    }
  }
  let postgres: string;
  const pgWhy = postgresUnavailable(opts);
  if (pgWhy) {
    postgres = `postgres: not run (${pgWhy})`;
    log(postgres);
  } else {
    const { pgRuns } = await import('./scale-pg.js');
    const pr = await pgRuns(opts, lines);
    runs.push(...pr);
    postgres = `postgres: ${pr.length} runs`;
  }
  const after = loadavg().map((x) => Number(x.toFixed(2)));
  log(`load average after ${after.join(', ')} (1, 5, 15 min; other work on the machine slows every figure above)`);
  summarise(runs, opts, log);
  return { runs, postgres, load: { before, after } };
}

/** Why the PostgreSQL slot cannot run, or undefined when it can. */
function postgresUnavailable(opts: ScaleOptions): string | undefined {
  if (!opts.pg) return '$ENTENTE_BENCH_PG is not set: give it a postgres:// URL of a server the benchmark may create schemas in';
  if (!/^postgres(ql)?:\/\//.test(opts.pg)) return '$ENTENTE_BENCH_PG is not a postgres:// URL';
  if (!existsSync(join(opts.root, 'dist', 'src', 'cli', 'commands', 'worker.js'))) return 'this build has no `entente worker` command (the job queue is not merged here)';
  return undefined;
}

export function row(r: ScaleRun): string {
  const who = r.store === 'sqlite' ? `SQLite, ${r.parallel} analysis thread${r.parallel === 1 ? '' : 's'}` : `PostgreSQL, ${r.parallel} worker${r.parallel === 1 ? '' : 's'}`;
  const cpu = r.cpuSeconds ? `  CPU ${r.cpuSeconds.toFixed(1)} s (${(r.sentences / r.cpuSeconds).toFixed(0)} sentences per CPU-second; feeding it ${r.feedCpuSeconds?.toFixed(1)} s)` : '';
  const rss = r.store === 'sqlite' ? `peak RSS ${r.peakRssMB} MB (main heap ${r.peakHeapMB} MB; RSS by tenths ${r.rssCurveMB?.join(' ')})` : `peak RSS per worker ${r.workerRssMB?.join(', ')} MB; enqueue ${r.enqueueSeconds?.toFixed(1)} s`;
  return (
    `  ${`${r.copies}×`.padStart(4)} ${who.padEnd(28)} ${String(r.articles).padStart(7)} items ${r.seconds.toFixed(1).padStart(7)} s ` +
    `${r.articlesPerSec.toFixed(0).padStart(6)} articles/s ${r.sentencesPerSec.toFixed(0).padStart(7)} sentences/s  ${rss}${cpu}`
  );
}

function summarise(runs: ScaleRun[], opts: ScaleOptions, log: (l: string) => void): void {
  log('Targets');
  for (const copies of opts.copies) {
    const sq = (t: number) => runs.find((r) => r.store === 'sqlite' && r.copies === copies && r.parallel === t);
    const two = sq(2);
    const one = sq(1);
    if (two) log(`  ${copies}× SQLite 2 threads: ${two.sentencesPerSec.toFixed(0)} sentences/s (target ≥ 10,000: ${two.sentencesPerSec >= 10_000 ? 'met' : 'NOT met'})`);
    if (one && two) log(`  ${copies}× SQLite speed-up 2 threads / 1 thread: ${(two.articlesPerSec / one.articlesPerSec).toFixed(2)}×`);
    const p1 = runs.find((r) => r.store === 'postgres' && r.copies === copies && r.parallel === 1);
    for (const w of opts.workers.filter((w) => w > 1)) {
      const pw = runs.find((r) => r.store === 'postgres' && r.copies === copies && r.parallel === w);
      if (p1 && pw) log(`  ${copies}× PostgreSQL speed-up ${w} workers / 1: ${(pw.articlesPerSec / p1.articlesPerSec).toFixed(2)}×${w === 2 ? ` (target ≥ 1.6×: ${pw.articlesPerSec / p1.articlesPerSec >= 1.6 ? 'met' : 'NOT met'})` : ''}`);
    }
  }
  const peak = Math.max(...runs.map((r) => r.peakRssMB));
  log(`  peak RSS of any process: ${peak} MB (target ≤ 400 MB whatever the corpus size: ${peak <= 400 ? 'met' : 'NOT met'})`);
  for (const t of opts.threads) {
    const small = runs.find((r) => r.store === 'sqlite' && r.parallel === t && r.copies === Math.min(...opts.copies));
    const big = runs.find((r) => r.store === 'sqlite' && r.parallel === t && r.copies === Math.max(...opts.copies));
    if (small && big && small !== big) log(`  SQLite ${t} thread${t === 1 ? '' : 's'}: peak RSS ${small.peakRssMB} MB at ${small.copies}×, ${big.peakRssMB} MB at ${big.copies}× (${big.peakRssMB - small.peakRssMB >= 0 ? '+' : ''}${big.peakRssMB - small.peakRssMB} MB)`);
  }
}
