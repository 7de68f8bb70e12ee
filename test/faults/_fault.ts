import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { BIN } from '../cli/_run.js';
import { sharedPath } from '../_shared.js';
import { prng } from '../ingest/_fuzz-inputs.js';

/** What a store holds, by the counts the fault tests compare with a clean run. */
export interface Counts {
  articles: number;
  quotes: number;
  events: number;
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A scratch folder, removed after the test. */
export function scratch(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'entente-fault-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * The first `n` Reuters stories as JSON lines in `dir` (a copy for this run, never committed),
 * or undefined after marking the test skipped when ../shared is absent.
 */
export async function reuters(t: TestContext, dir: string, n: number): Promise<string[] | undefined> {
  const src = sharedPath(t, 'corpus/reuters21578.jsonl');
  if (!src) return undefined;
  const lines: string[] = [];
  const rl = createInterface({ input: createReadStream(src, 'utf8'), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.trim()) lines.push(line);
    if (lines.length === n) break;
  }
  rl.close();
  return lines;
}

/** Writes JSON lines to `dir/name` and returns the path. */
export function jsonl(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

/** `entente ingest` in its own process; `started` resolves once it is spawned (for a kill). */
export function ingest(args: string[]): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(process.execPath, [BIN, 'ingest', ...args, '--quiet', '--json', '--threads', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((res) => child.on('exit', (code, signal) => res({ code, signal, stdout, stderr })));
  return { child, done };
}

/** Ingests to the end and asserts it went well (exit 0, or 3 when inputs were skipped). */
export async function ingestAll(corpus: string, db: string): Promise<Run> {
  const run = await ingest([corpus, '--db', db]).done;
  assert.ok(run.code === 0 || run.code === 3, `ingest ${corpus} → ${db}: exit ${run.code} ${run.signal ?? ''}\n${run.stderr}`);
  return run;
}

/** `PRAGMA integrity_check` is ok, every article has its origin, and the counts. */
export function checkedCounts(db: string): Counts {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok', `integrity_check of ${db}`);
    const n = (sql: string) => d.prepare(sql).pluck().get() as number;
    assert.equal(n('SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM origins o WHERE o.article_id = a.id)'), 0, 'no article without its origin');
    return { articles: n('SELECT count(*) FROM articles'), quotes: n('SELECT count(*) FROM quotes'), events: n('SELECT count(*) FROM events') };
  } finally {
    d.close();
  }
}

/** The counts of a clean single run over `corpus`, in a fresh file under `dir`. */
export async function cleanRun(corpus: string, dir: string): Promise<Counts> {
  const db = join(dir, 'clean.db');
  await ingestAll(corpus, db);
  const counts = checkedCounts(db);
  assert.ok(counts.articles > 0, JSON.stringify(counts));
  return counts;
}

/** The seed of a fault run: $ENTENTE_FAULT_SEED to repeat one, else a new one; printed either way. */
export function seeded(t: TestContext): () => number {
  const seed = Number(process.env.ENTENTE_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
  figure(t, `${t.name}: seed ${seed} (ENTENTE_FAULT_SEED=${seed} repeats this run)`);
  return prng(seed);
}

/** A figure for the report, on standard error and in the test's diagnostics. */
export function figure(t: TestContext, text: string): void {
  t.diagnostic(text);
  process.stderr.write(`# ${text}\n`);
}
