/** Added to the spacing of starts at a host: more than the jitter between sending and arrival on one machine. */
const MARGIN_MS = 10;

/** Per-host politeness: how often and how many at once. */
export interface GateOptions {
  /** requests a second to one host, at most */
  perSecond: number;
  /** requests in flight to one host, at most */
  concurrency: number;
}

interface HostSlot {
  /** earliest moment (ms) the next request may start */
  next: number;
  /** a host's own longer delay (robots.txt Crawl-delay), in ms */
  delay: number;
  active: number;
  /** requests waiting for a free connection, first come first served */
  freed: (() => void)[];
  /** the chain that hands out start times one at a time */
  turn: Promise<void>;
}

/**
 * Hands out the right to send a request to a host: never more than `perSecond` starts a second
 * (starts spaced by 1/perSecond, or by the host's Crawl-delay when longer) and never more than
 * `concurrency` in flight. Hosts are independent: a slow one holds up no other.
 *
 * @example
 * const gate = new HostGate({ perSecond: 1, concurrency: 1 });
 * const body = await gate.run('news.test', () => fetchIt());
 */
export class HostGate {
  private readonly hosts = new Map<string, HostSlot>();

  /** `onStart` hears each start before the request goes out (to keep it in the store). */
  constructor(private readonly opts: GateOptions, private readonly onStart?: (host: string, at: number) => Promise<void> | void) {
    if (!(opts.perSecond > 0) || !(opts.concurrency >= 1)) throw new RangeError(`a host gate needs perSecond > 0 and concurrency ≥ 1, got ${opts.perSecond} and ${opts.concurrency}`);
  }

  /** The host's next start no sooner than `at` (ms): a request another process made, restored from the store. */
  notBefore(host: string, at: number): void {
    const h = this.slot(host);
    h.next = Math.max(h.next, at);
  }

  /** A host that asks for more time between requests (Crawl-delay, seconds) gets it. */
  setCrawlDelay(host: string, seconds: number | undefined): void {
    this.slot(host).delay = seconds && seconds > 0 ? seconds * 1000 : 0;
  }

  /**
   * Milliseconds between two starts at `host`: 1/perSecond (or the Crawl-delay) and `MARGIN_MS`
   * more, so that the site, seeing each request a little earlier or later than it left, still
   * never counts one too many in a second.
   */
  interval(host: string): number {
    return Math.max(1000 / this.opts.perSecond, this.slot(host).delay) + MARGIN_MS;
  }

  /** Runs `request` when the host allows another one; its connection is freed when it settles. */
  async run<T>(host: string, request: () => Promise<T>): Promise<T> {
    const h = this.slot(host);
    const started = h.turn.then(() => this.start(host, h));
    // the chain must go on after a failed start (a store that cannot note it): the failure is the caller's
    h.turn = started.catch(() => {});
    await started;
    try {
      return await request();
    } finally {
      h.active--;
      h.freed.shift()?.();
    }
  }

  private async start(host: string, h: HostSlot): Promise<void> {
    while (h.active >= this.opts.concurrency) await new Promise<void>((res) => h.freed.push(res));
    const wait = h.next - Date.now();
    if (wait > 0) await new Promise((res) => setTimeout(res, wait));
    const now = Date.now();
    h.next = now + this.interval(host);
    h.active++;
    try {
      await this.onStart?.(host, now);
    } catch (e) {
      h.active--;
      h.freed.shift()?.();
      throw e;
    }
  }

  private slot(host: string): HostSlot {
    let h = this.hosts.get(host);
    if (!h) this.hosts.set(host, (h = { next: 0, delay: 0, active: 0, freed: [], turn: Promise.resolve() }));
    return h;
  }
}
