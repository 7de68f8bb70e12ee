import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
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

export function spawnEntente(args: string[]) {
  return spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
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
