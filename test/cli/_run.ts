import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';

export const BIN = resolve('bin/entente.js');

/** Runs the built CLI as a user would, with a clean environment for the data folder. */
export function entente(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    input: opts.input,
    env: { ...process.env, ...opts.env },
    maxBuffer: 256 * 1024 * 1024,
  });
}

/** Runs the built CLI to its end without blocking (a server of the test's own must keep answering meanwhile). */
export async function ententeAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const { code } = await exited(child);
  return { code, stdout, stderr };
}

export function spawnEntente(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Polls `f` every 20 ms until it holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, timeoutMs: number, f: () => Promise<boolean> | boolean): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`gave up after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** How the child ended (at once if it already has). */
export function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((res) => child.once('exit', (code, signal) => res({ code, signal })));
}

/** The child's standard error as it comes, in `text`; its standard output is drained. */
export function collect(child: ChildProcess): { text: string } {
  const out = { text: '' };
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out.text += d));
  child.stdout?.resume();
  return out;
}

/** Articles a store holds now, read beside a running ingest (0 before the file and its schema exist). */
export function storedArticles(db: string): number {
  try {
    const ro = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return ro.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      ro.close();
    }
  } catch {
    return 0; // not created yet, or mid-migration
  }
}
