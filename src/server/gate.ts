import { ApiError } from './errors.js';

/**
 * Bounds the answers that must read every stored event (the uncached relation routes): they run
 * one at a time, each after the requests already waiting have had a turn, and at most `max` are
 * running or waiting. One more is refused at once with 503 and `Retry-After` rather than queued
 * behind minutes of work: twenty such requests at once used to hold every route for 29 s.
 *
 * @example await gate.run(async () => topDyads(await store.listEvents()))
 */
export class AggregationGate {
  private held = 0;
  private last: Promise<unknown> = Promise.resolve();

  constructor(private readonly max: number, private readonly retryAfterSeconds = 2) {}

  run<T>(compute: () => Promise<T>): Promise<T> {
    if (this.held >= this.max) {
      return Promise.reject(new ApiError(503, 'busy', `the server is computing ${this.held} other relation answers; try again in ${this.retryAfterSeconds} s`, {
        'Retry-After': String(this.retryAfterSeconds),
      }));
    }
    this.held++;
    // setImmediate: the requests that came in during the previous computation are answered first
    const result = this.last.then(() => new Promise((turn) => setImmediate(turn))).then(compute);
    this.last = result.catch(() => {});
    return result.finally(() => this.held--);
  }
}
