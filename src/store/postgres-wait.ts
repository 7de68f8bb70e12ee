import { EntenteError } from '../model/errors.js';
import { isConnectionError } from './postgres.js';

export interface Patience {
  /** where messages go (a worker's standard error) */
  log: (message: string) => void;
  /** the database as it may be shown (no password) */
  location: string;
  /** longest pause between two tries */
  maxDelayMs?: number;
  /** checked between tries: true gives up waiting (the process is asked to stop) */
  stop?: () => boolean;
}

/** Thrown when a stop was asked for while the database was still unreachable. */
export class StoppedWaiting extends EntenteError {
  constructor(location: string) {
    super('E_STOPPED', `stopped while waiting for the database ${location}`);
  }
}

/**
 * Runs `f`, and while it fails because the server is not there, says so once, waits (0.5 s,
 * doubling up to `maxDelayMs`) and tries again; says so again when the server is back. Any other
 * error is thrown at once. `f` must be safe to run again after a failure.
 *
 * @example const jobs = await untilReachable('taking jobs', () => claim(store, opts), { log, location });
 */
export async function untilReachable<T>(what: string, f: () => Promise<T>, p: Patience): Promise<T> {
  const maxDelay = p.maxDelayMs ?? 8000;
  let delay = 500;
  let since: number | undefined;
  let lastSaid = 0;
  for (;;) {
    try {
      const out = await f();
      if (since !== undefined) p.log(`the database ${p.location} answers again after ${((Date.now() - since) / 1000).toFixed(1)} s; resuming ${what}`);
      return out;
    } catch (e) {
      if (!isConnectionError(e)) throw e;
      const now = Date.now();
      if (since === undefined) {
        since = now;
        lastSaid = now;
        p.log(`the database ${p.location} is unreachable (${reason(e)}); ${what} waits for it, retrying every ${maxDelay / 1000} s at most`);
      } else if (now - lastSaid >= 30_000) {
        lastSaid = now;
        p.log(`the database ${p.location} is still unreachable after ${Math.round((now - since) / 1000)} s (${reason(e)}); still waiting`);
      }
    }
    if (p.stop?.()) throw new StoppedWaiting(p.location);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(maxDelay, delay * 2);
  }
}

function reason(e: unknown): string {
  let err = e as { message?: string; cause?: unknown };
  // the store's own wrapper names the database already; the driver's message says what happened
  while (err.cause && typeof err.cause === 'object') err = err.cause as typeof err;
  return (err.message ?? String(e)).replace(/^\[entente\] /, '');
}
