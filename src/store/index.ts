import { defaultDbPath } from './location.js';
import { openSqliteStore } from './sqlite.js';
import { openPostgresStore } from './postgres.js';
import type { Store } from './types.js';

export type { Store, PutResult, StoreStats, ArticleSummary } from './types.js';
export { openSqliteStore } from './sqlite.js';
export { defaultDbPath } from './location.js';
export { openPostgresStore } from './postgres.js';
export { untilReachable } from './postgres-wait.js';

/**
 * Opens the store a `--db` value names: a file path (SQLite), or nothing for the default file in
 * the user's data folder, or a `postgres://` URL (PostgreSQL).
 *
 * @example const store = await openStore(undefined, process.env); // ~/.local/share/entente/entente.db
 */
export async function openStore(db: string | undefined, env: Record<string, string | undefined>): Promise<Store> {
  const target = db ?? defaultDbPath(env);
  if (/^postgres(ql)?:\/\//.test(target)) return openPostgresStore(target);
  return openSqliteStore(target);
}
