import { defaultDbPath } from './location.js';
import { openSqliteStore } from './sqlite.js';
import { openPostgresStore } from './postgres.js';
import type { Store } from './types.js';
import { storeError } from './store-errors.js';

export type { Store, PutResult, StoreStats, ArticleSummary, FeedState, FeedPoll, FetchFailureRecord, StoredSite, WatchState, StoredEvent, Alert, AlertEvidence, AlertFilter, AlertStore, StoredAlert, DyadViewFilter, DyadStore, EventKey, KeyedEvent, Correction, CorrectionFilter, CorrectionStore, CorrectionTarget } from './types.js';
export { correctionKey, eventTarget, quoteTarget, checkedCorrection } from './correction-rows.js';
export type { ActorRange, ActorPartner, ActorPerson, PartnerSide, QuoteFacets, FacetCount, ActorStore } from './actor-types.js';
export { inDyadView } from './dyad-rows.js';
export { alertId } from './alert-rows.js';
export { openSqliteStore } from './sqlite.js';
export { defaultDbPath } from './location.js';
export { storeError, ENVIRONMENT_CODES } from './store-errors.js';
export { checkSqliteFile, type SqliteCheck } from './sqlite-open.js';
export { openPostgresStore } from './postgres.js';
export { untilReachable } from './postgres-wait.js';

/**
 * Opens the store a `--db` value names: a file path (SQLite), or nothing for the default file in
 * the user's data folder, or a `postgres://` URL (PostgreSQL).
 *
 * @example const store = await openStore(undefined, process.env); // ~/.local/share/entente/entente.db
 */
export async function openStore(db: string | undefined, env: Record<string, string | undefined>, opts: { readonly?: boolean } = {}): Promise<Store> {
  const target = db ?? defaultDbPath(env);
  const store = /^postgres(ql)?:\/\//.test(target) ? await openPostgresStore(target) : openSqliteStore(target, opts);
  return namingErrors(store);
}

/**
 * The store, its failures from the machine (a full disk, a damaged file) turned into errors that
 * name the database and say what to do (src/store/store-errors.ts); other failures pass as they are.
 */
function namingErrors(store: Store): Store {
  const named = (error: unknown) => storeError(error, store.location) ?? error;
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      // each method keeps its own shape (a value, a promise or an async iterator); only its failures change
      return (...args: unknown[]) => {
        let result: unknown;
        try {
          result = value.apply(target, args);
        } catch (error) {
          throw named(error);
        }
        if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(named(error)));
        if (isAsyncIterable(result)) return namingIteration(result, named);
        return result;
      };
    },
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

async function* namingIteration<T>(items: AsyncIterable<T>, named: (error: unknown) => unknown): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw named(error);
  }
}
