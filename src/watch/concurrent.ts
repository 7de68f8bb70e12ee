/**
 * `f` over `items`, at most `limit` at a time, each result as soon as it is ready (not in input
 * order); stops taking new items once `stop()` says so, and still yields those under way.
 *
 * @example for await (const page of concurrently(urls, 8, fetchOne)) store(page);
 */
export async function* concurrently<T, R>(items: Iterable<T>, limit: number, f: (item: T) => Promise<R>, stop: () => boolean = () => false): AsyncGenerator<R> {
  const source = items[Symbol.iterator]();
  const running = new Map<number, Promise<{ key: number; value: R }>>();
  let key = 0;
  const fill = () => {
    while (running.size < limit && !stop()) {
      const next = source.next();
      if (next.done) return;
      const k = key++;
      running.set(k, f(next.value).then((value) => ({ key: k, value })));
    }
  };
  fill();
  while (running.size > 0) {
    const { key: done, value } = await Promise.race(running.values());
    running.delete(done);
    fill();
    yield value;
  }
}
