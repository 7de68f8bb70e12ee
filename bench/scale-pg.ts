/**
 * The PostgreSQL slot of `npm run bench -- scale`: the same replica enqueued with
 * `entente ingest --queue -`, then drained by 1, 2, 4… `entente worker` processes on this
 * machine. Runs only when $ENTENTE_BENCH_PG names a server and this build has `entente worker`;
 * each run works in a schema of its own, dropped afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { replicaLines, row, type ScaleOptions, type ScaleRun } from './scale.js';

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end().catch(() => {});
  }
}

function inSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

function run(cli: string, args: string[]): { child: ChildProcess; done: Promise<{ out: string; err: string }> } {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  child.stdin!.on('error', () => {});
  const done = (once(child, 'exit') as Promise<[number | null, string | null]>).then(([code, signal]) => {
    if (code !== 0) throw new Error(`entente ${args[0]} failed (${code ?? signal}): ${err.slice(-2000)}`);
    return { out, err };
  });
  return { child, done };
}

async function write(lines: AsyncIterable<string>, child: ChildProcess): Promise<void> {
  const stdin = child.stdin!;
  let buf: string[] = [];
  let size = 0;
  for await (const line of lines) {
    buf.push(line);
    size += line.length;
    if (size >= 256 * 1024) {
      if (!stdin.write(buf.join('\n') + '\n')) await once(stdin, 'drain');
      buf = [];
      size = 0;
    }
  }
  if (buf.length) stdin.write(buf.join('\n') + '\n');
  stdin.end();
}

/**
 * Every copies × workers configuration: enqueue (timed apart), then the workers from start to
 * the last one's exit.
 *
 * @example const runs = await pgRuns(opts, 19_043);
 */
export async function pgRuns(opts: ScaleOptions, lines: number): Promise<ScaleRun[]> {
  const runs: ScaleRun[] = [];
  for (const copies of opts.copies) {
    for (const workers of opts.workers) {
      const schema = `entente_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
      await sql(opts.pg!, `CREATE SCHEMA ${schema}`);
      const url = inSchema(opts.pg!, schema);
      try {
        const t0 = performance.now();
        const enqueue = run(opts.cli, ['ingest', '--queue', '-', '--db', url, '--json', '--quiet']);
        await write(replicaLines(opts.corpus, copies), enqueue.child);
        await enqueue.done;
        const enqueueSeconds = (performance.now() - t0) / 1000;
        const t1 = performance.now();
        const ws = Array.from({ length: workers }, (_, i) => run(opts.cli, ['worker', '--db', url, '--drain', '--json', '--quiet', '--name', `bench-${i}`]));
        for (const w of ws) w.child.stdin!.end();
        const outs = await Promise.all(ws.map((w) => w.done));
        const wall = (performance.now() - t1) / 1000;
        const sums = outs.map((o) => JSON.parse(o.out.trim().split('\n').pop()!) as { stored?: number; unchanged?: number; skipped?: number; failed?: number; peakRssMB: number });
        const total = (k: 'stored' | 'unchanged' | 'skipped' | 'failed') => sums.reduce((n, s) => n + (s[k] ?? 0), 0);
        const sentences = Number((await sql(url, 'SELECT coalesce(sum(n_sentences), 0) AS n FROM articles')).rows[0].n);
        const articles = total('stored') + total('unchanged') + total('skipped') + total('failed');
        const r: ScaleRun = {
          store: 'postgres', copies, parallel: workers, articles, stored: total('stored'), unchanged: total('unchanged'), skipped: total('skipped'), sentences,
          seconds: wall, articlesPerSec: articles / wall, sentencesPerSec: sentences / wall,
          peakRssMB: Math.max(...sums.map((s) => s.peakRssMB)), workerRssMB: sums.map((s) => s.peakRssMB), enqueueSeconds,
        };
        runs.push(r);
        opts.log(row(r));
        if (articles !== lines * copies) opts.log(`    ! ${articles} jobs accounted for, ${lines * copies} lines sent`);
      } finally {
        await sql(opts.pg!, `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      }
    }
  }
  return runs;
}
