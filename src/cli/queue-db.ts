import { UsageError } from '../model/errors.js';
import { defaultDbPath } from '../store/location.js';

/** The `--db` help of the commands that need the job queue. */
export const QUEUE_DB_ARG = {
  type: 'string',
  description: 'the PostgreSQL database holding the queue and the store, postgres://user@host/db (default: $ENTENTE_DB)',
  valueHint: 'postgres://…',
} as const;

/**
 * The postgres:// URL the queue commands work on: `--db`, else $ENTENTE_DB; anything else is a
 * usage error, since SQLite has no queue.
 *
 * @example queueUrl(undefined, { ENTENTE_DB: 'postgres://db/news' }) // 'postgres://db/news'
 */
export function queueUrl(db: string | undefined, env: Record<string, string | undefined>, flag = '--db'): string {
  const target = db ?? defaultDbPath(env);
  if (!/^postgres(ql)?:\/\//.test(target)) {
    throw new UsageError(`the job queue lives in PostgreSQL: give ${flag} postgres://user@host/db or set $ENTENTE_DB to one (got ${db ? `"${db}"` : 'the SQLite default'})`);
  }
  return target;
}
