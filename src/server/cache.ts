import type { Store } from '../store/types.js';

/**
 * The stamp of what relation answers are computed from: every stored event (marked wrong or not,
 * so the count skips the corrections test), and the corrections that mark events wrong (how many,
 * and the newest), so marking or undoing changes it as adding events does.
 */
export async function relationStamp(store: Store): Promise<string> {
  const [events, wrong, newest] = await Promise.all([
    store.countEvents({ negated: true, wrong: true }), store.countCorrections({ kind: 'event', verdict: 'wrong' }), store.listCorrections({ kind: 'event', verdict: 'wrong', limit: 1 }),
  ]);
  return `${events}:${wrong}:${newest[0] ? `${newest[0].at}|${newest[0].key}` : ''}`;
}

/**
 * Answers derived from every stored event (the relation routes) cost a read of all of them; on
 * the Reuters store that is ~0.5 s, where the answer itself is a few kilobytes. This keeps the
 * last answers, each under the store's stamp when it was computed: any write that adds events
 * changes the stamp, and a stale answer is never given. Articles are only ever added, so the
 * number of events is such a stamp.
 *
 * @example const body = await cache.get(url, await stampOf(store), () => compute());
 */
export class AnswerCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: Promise<T> }>();

  constructor(private readonly max = 128) {}

  get(key: string, stamp: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      // most recently used last, so the first entry is the one to evict
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = compute();
    // concurrent requests for the same answer share one computation; a failure is not kept
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    this.entries.set(key, { stamp, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
