import { isFeedProblem, parseFeed, type FeedEntry, type FeedSource } from '../feeds/index.js';
import { Fetcher, type Fetched, type FetcherOptions } from '../fetch/index.js';
import type { RawItem } from '../ingest/index.js';
import { skip, type Skipped } from '../model/errors.js';
import { ingestItems } from '../pipeline/ingest.js';
import { analyze } from '../pipeline/index.js';
import type { FeedState, Store } from '../store/index.js';
import { touchedDyads, updateAlerts, type CusumParams } from '../alerts/index.js';
import type { StoredAlert } from '../store/index.js';
import { concurrently } from './concurrent.js';

export interface RoundOptions {
  store: Store;
  /** the fetcher's settings but its memory of sites, which is the store */
  fetch: Omit<FetcherOptions, 'sites'>;
  /** analysis threads beside this one (0: inline) */
  threads: number;
  /** pages fetched at once over all sites (each site still gets at most its own cap) */
  parallel?: number;
  /** URLs that failed transiently this many times are not tried again */
  maxTransient?: number;
  /** stops the round: no new fetch starts, what was fetched is still stored */
  signal?: AbortSignal;
  /** a line of progress for the user (standard error) */
  log?: (line: string) => void;
  /**
   * After the round, the dyads its new events touch are recomputed with this change detector and
   * their new turns stored; none when absent.
   */
  alerts?: CusumParams;
  /** the turns the round found that were not stored before (to post to a webhook, write as lines …) */
  onAlerts?: (alerts: StoredAlert[]) => Promise<void>;
}

export interface RoundSummary {
  feeds: number;
  /** feeds that answered 304 */
  notModified: number;
  /** feeds that could not be fetched or read */
  failedFeeds: number;
  /** entries in the feeds that answered */
  entries: number;
  /** entries whose URL had not been seen: the pages fetched this round */
  fresh: number;
  stored: number;
  /** the same story already stored from another URL: its URL is now known too */
  unchanged: number;
  /** fetched but not stored: not an article, not in English … */
  skipped: number;
  /** pages that could not be fetched */
  failed: number;
  /** every failure of the round, feeds and pages, by reason */
  failuresByReason: Record<string, number>;
  interrupted: boolean;
  /** dyads the stored articles' events touch, recomputed after the round (with `alerts`) */
  dyads: number;
  /** new turns found in them */
  alerts: number;
}

/** What the round knows of a feed whose entries are being fetched. */
interface Pending {
  feed: string;
  left: number;
  stored: number;
  etag?: string;
  lastModified?: string;
}

const DEFAULT_PARALLEL = 8;

/**
 * One round of watching: polls each feed (conditionally), keeps the entries whose URL the store
 * has not seen, fetches those pages politely and sends them through the pipeline into the store,
 * as `entente ingest` does with files. A feed's validators are saved only once all its new
 * entries are stored or recorded as failed, so a round cut short (a crash, kill -9) is resumed
 * by the next one: stored URLs are not fetched again, the others are.
 *
 * @example const summary = await watchRound(feeds, { store, fetch: { userAgent, agentToken: 'entente' }, threads: 0 });
 */
export async function watchRound(feeds: readonly FeedSource[], opts: RoundOptions): Promise<RoundSummary> {
  const { store } = opts;
  const log = opts.log ?? (() => {});
  const sum: RoundSummary = { feeds: feeds.length, notModified: 0, failedFeeds: 0, entries: 0, fresh: 0, stored: 0, unchanged: 0, skipped: 0, failed: 0, failuresByReason: {}, interrupted: false, dyads: 0, alerts: 0 };
  const stopped = () => opts.signal?.aborted ?? false;
  const fetcher = new Fetcher({ ...opts.fetch, sites: store });
  const fail = async (feed: string, url: string, reason: string, detail: string, transient: boolean) => {
    sum.failuresByReason[reason] = (sum.failuresByReason[reason] ?? 0) + 1;
    await store.recordFetchFailure({ feed, url, reason, detail, transient, at: new Date().toISOString() });
    log(`failed ${url}${url === feed ? '' : ` (feed ${feed})`}: ${reason}: ${detail}`);
  };
  // analysis inline loads its dictionaries on the first article, a second or more with this
  // thread blocked: loaded before any request, that time is not counted against a page's time limit
  if (opts.threads === 0) warmUp();
  try {
    for (const f of feeds) await store.putFeed(f);
    const states = new Map((await store.listFeeds()).map((s) => [s.url, s]));
    // 1. the feeds, each site at its own pace
    const work: { entry: FeedEntry; pending: Pending }[] = [];
    const claimed = new Set<string>();
    const polls = concurrently(feeds, opts.parallel ?? DEFAULT_PARALLEL, (f) => pollFeed(fetcher, f.url, states.get(f.url)), stopped);
    for await (const poll of polls) {
      const at = new Date().toISOString();
      if (poll.kind === 'failed') {
        sum.failedFeeds++;
        await fail(poll.feed, poll.feed, poll.reason, poll.detail, poll.transient);
        await store.recordPoll(poll.feed, { at, outcome: 'failed', reason: poll.reason, detail: poll.detail });
        continue;
      }
      if (poll.kind === 'not-modified') {
        sum.notModified++;
        await store.recordPoll(poll.feed, { at, outcome: 'not-modified' });
        continue;
      }
      sum.entries += poll.entries.length;
      const seen = await store.seenUrls(poll.entries.map((e) => e.link), { maxTransient: opts.maxTransient });
      // a link two feeds share is fetched once, for the first
      const fresh = poll.entries.filter((e) => !seen.has(e.link) && !claimed.has(e.link));
      const pending: Pending = { feed: poll.feed, left: fresh.length, stored: 0, etag: poll.fetched.etag, lastModified: poll.fetched.lastModified };
      if (fresh.length === 0) await store.recordPoll(poll.feed, { at, outcome: 'ok', etag: pending.etag, lastModified: pending.lastModified, stored: 0 });
      for (const entry of fresh) {
        claimed.add(entry.link);
        work.push({ entry, pending });
      }
    }
    sum.fresh = work.length;
    if (work.length) log(`${work.length} new of ${sum.entries} entries in ${feeds.length - sum.failedFeeds - sum.notModified} feeds; fetching`);
    // 2. the pages: fetched, analysed and stored as they come
    const byOrigin = new Map(work.map((w) => [w.entry.link, w.pending]));
    const settle = async (p: Pending, stored: boolean) => {
      if (stored) p.stored++;
      if (--p.left === 0) await store.recordPoll(p.feed, { at: new Date().toISOString(), outcome: 'ok', etag: p.etag, lastModified: p.lastModified, stored: p.stored });
    };
    const settling: Promise<void>[] = [];
    const touched = new Map<string, [string, string]>();
    const pages = concurrently(work, opts.parallel ?? DEFAULT_PARALLEL, (w) => fetchPage(fetcher, w.entry, w.pending.feed), stopped);
    async function* items(): AsyncGenerator<RawItem | Skipped> {
      for await (const page of pages) {
        if ('failure' in page) {
          sum.failed++;
          const f = page.failure;
          await fail(page.feed, f.url, f.reason, f.detail, f.transient);
          await settle(byOrigin.get(f.url)!, false);
        } else yield page;
      }
    }
    const result = await ingestItems(items(), {
      store,
      threads: opts.threads,
      signal: opts.signal,
      // pages come one by one from the network: each is stored as soon as it is analysed, so a
      // round cut short keeps what it fetched
      window: 1,
      onResult: (r, _counts, put) => {
        const p = byOrigin.get(r.origin);
        if ('skipped' in r) {
          sum.skipped++;
          sum.failuresByReason[r.reason] = (sum.failuresByReason[r.reason] ?? 0) + 1;
          log(`skipped ${r.origin}: ${r.reason}: ${r.detail}`);
        } else if (put === 'stored') {
          sum.stored++;
          for (const d of touchedDyads([r])) touched.set(d.join('\t'), d);
        } else sum.unchanged++;
        if (p) settling.push(settle(p, put === 'stored'));
      },
    });
    await Promise.all(settling);
    sum.interrupted = result.interrupted || stopped();
    // only the dyads this round's events touch are read again: a turn anywhere else cannot have changed
    sum.dyads = touched.size;
    if (opts.alerts && touched.size) {
      const fresh = await updateAlerts(store, [...touched.values()], opts.alerts);
      sum.alerts = fresh.length;
      for (const a of fresh) log(`alert: ${a.dyad.join('–')} ${a.direction} from ${a.when} (mean Goldstein ${a.before} → ${a.after}, ${a.events} events, seen ${a.detectedOn})`);
      if (fresh.length) await opts.onAlerts?.(fresh);
    }
  } finally {
    await fetcher.close();
  }
  return sum;
}

let warm = false;

function warmUp(): void {
  if (warm) return;
  analyze({ text: 'The foreign minister of France met the ambassador of Germany in Paris on Tuesday, officials said.', origin: 'warm-up' });
  warm = true;
}

type Poll =
  | { kind: 'failed'; feed: string; reason: string; detail: string; transient: boolean }
  | { kind: 'not-modified'; feed: string }
  | { kind: 'feed'; feed: string; fetched: Fetched; entries: FeedEntry[] };

/** One feed fetched (with its validators) and read. */
async function pollFeed(fetcher: Fetcher, feed: string, state: FeedState | undefined): Promise<Poll> {
  const r = await fetcher.fetch({ url: feed, kind: 'feed', ...(state?.etag ? { etag: state.etag } : {}), ...(state?.lastModified ? { lastModified: state.lastModified } : {}) });
  if (r.status === 'failed') return { kind: 'failed', feed, reason: r.reason, detail: r.detail, transient: r.transient };
  if (r.status === 'not-modified') return { kind: 'not-modified', feed };
  const parsed = parseFeed(r.text, r.finalUrl);
  // a feed that cannot be read keeps no validators: the next round reads it whole again
  if (isFeedProblem(parsed)) return { kind: 'failed', feed, reason: parsed.problem, detail: `${feed}: ${parsed.detail}`, transient: false };
  return { kind: 'feed', feed, fetched: r, entries: parsed.entries };
}

/** One entry's page as the pipeline's input, with the entry's title, date and summary as given; or why not. */
async function fetchPage(fetcher: Fetcher, entry: FeedEntry, feed: string): Promise<RawItem | Skipped | { failure: import('../fetch/index.js').FetchFailure; feed: string }> {
  const r = await fetcher.fetch({ url: entry.link, kind: 'page' });
  if (r.status === 'failed') return { failure: r, feed };
  if (r.status === 'not-modified') return skip('empty', entry.link, 'the server answered 304 to a request that had no validators');
  if (!/\S/.test(r.text)) return skip('empty', entry.link, `the page at ${r.finalUrl} is empty (${r.bytes} bytes)`);
  return {
    origin: entry.link,
    text: r.text,
    format: /^text\/plain/i.test(r.contentType ?? '') ? 'text' : 'html',
    encoding: r.charset,
    given: {
      ...(entry.title ? { title: entry.title } : {}),
      ...(entry.date ? { date: entry.date } : {}),
      url: r.finalUrl,
      fetched: { from: entry.link, at: r.fetchedAt, feed, ...(entry.summary ? { summary: entry.summary } : {}) },
    },
  };
}
