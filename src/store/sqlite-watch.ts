import type Database from 'better-sqlite3';
import { EntenteError } from '../model/errors.js';
import type { FeedPoll, FeedState, FetchFailureRecord, StoredSite, WatchState } from './types.js';

type Row = Record<string, unknown>;

/** Most URLs asked about in one statement: SQLite allows 32,766 parameters and there are four lists. */
const IN_BATCH = 500;

/** The watcher's state in the SQLite store (tables of migration 9); `SqliteStore` hands these calls on. */
export class SqliteWatch implements WatchState {
  private readonly q;

  constructor(private readonly db: Database.Database) {
    this.q = {
      addFeed: db.prepare(`INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?) ON CONFLICT(url) DO NOTHING`),
      retitle: db.prepare('UPDATE feeds SET title = ? WHERE url = ? AND title IS NOT ?'),
      removeFeed: db.prepare('DELETE FROM feeds WHERE url = ?'),
      removeFailures: db.prepare('DELETE FROM fetch_failures WHERE feed = ?'),
      feeds: db.prepare(`SELECT f.*, (SELECT count(*) FROM fetch_failures x WHERE x.feed = f.url) AS failures FROM feeds f ORDER BY f.rowid`),
      ok: db.prepare(`UPDATE feeds SET etag = ?, last_modified = ?, last_poll_at = ?, last_success_at = ?, last_error = NULL, last_error_detail = NULL, last_error_at = NULL,
          polls = polls + 1, articles = articles + ? WHERE url = ?`),
      notModified: db.prepare(`UPDATE feeds SET last_poll_at = ?, last_success_at = ?, last_error = NULL, last_error_detail = NULL, last_error_at = NULL, polls = polls + 1 WHERE url = ?`),
      failed: db.prepare('UPDATE feeds SET last_poll_at = ?, last_error = ?, last_error_detail = ?, last_error_at = ?, polls = polls + 1 WHERE url = ?'),
      failure: db.prepare('INSERT INTO fetch_failures (feed, url, reason, detail, transient, at) VALUES (?, ?, ?, ?, ?, ?)'),
      failures: db.prepare('SELECT * FROM fetch_failures ORDER BY id DESC LIMIT ?'),
      failuresOf: db.prepare('SELECT * FROM fetch_failures WHERE feed = ? ORDER BY id DESC LIMIT ?'),
      site: db.prepare('SELECT * FROM sites WHERE origin = ?'),
      robots: db.prepare(`INSERT INTO sites (origin, robots_txt, robots_status, robots_fetched_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(origin) DO UPDATE SET robots_txt = excluded.robots_txt, robots_status = excluded.robots_status, robots_fetched_at = excluded.robots_fetched_at`),
      request: db.prepare(`INSERT INTO sites (origin, last_request_at) VALUES (?, ?)
        ON CONFLICT(origin) DO UPDATE SET last_request_at = max(coalesce(last_request_at, ''), excluded.last_request_at)`),
    };
  }

  async putFeed(feed: { url: string; title?: string }): Promise<'added' | 'unchanged'> {
    return this.db.transaction(() => {
      const added = this.q.addFeed.run(feed.url, feed.title ?? null, new Date().toISOString()).changes === 1;
      if (!added && feed.title !== undefined) this.q.retitle.run(feed.title, feed.url, feed.title);
      return added ? 'added' : 'unchanged';
    })();
  }

  async removeFeed(url: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.q.removeFailures.run(url);
      return this.q.removeFeed.run(url).changes === 1;
    })();
  }

  async listFeeds(): Promise<FeedState[]> {
    return (this.q.feeds.all() as Row[]).map(feedState);
  }

  async recordPoll(url: string, poll: FeedPoll): Promise<void> {
    const changes =
      poll.outcome === 'ok'
        ? this.q.ok.run(poll.etag ?? null, poll.lastModified ?? null, poll.at, poll.at, poll.stored, url).changes
        : poll.outcome === 'not-modified'
          ? this.q.notModified.run(poll.at, poll.at, url).changes
          : this.q.failed.run(poll.at, poll.reason, poll.detail, poll.at, url).changes;
    if (changes !== 1) throw new EntenteError('E_STORE_WRITE', `no feed ${url} in the store to record a poll of (add it with \`entente feeds add\`)`);
  }

  async recordFetchFailure(f: FetchFailureRecord): Promise<void> {
    this.q.failure.run(f.feed, f.url, f.reason, f.detail, f.transient ? 1 : 0, f.at);
  }

  async listFetchFailures(opts: { feed?: string; limit?: number } = {}): Promise<FetchFailureRecord[]> {
    const limit = opts.limit ?? 1000;
    const rows = (opts.feed === undefined ? this.q.failures.all(limit) : this.q.failuresOf.all(opts.feed, limit)) as Row[];
    return rows.map(failureRecord);
  }

  async seenUrls(urls: readonly string[], opts: { maxTransient?: number } = {}): Promise<Set<string>> {
    const seen = new Set<string>();
    const max = opts.maxTransient ?? 3;
    for (let i = 0; i < urls.length; i += IN_BATCH) {
      const part = urls.slice(i, i + IN_BATCH);
      const marks = part.map(() => '?').join(', ');
      const sql = `SELECT origin FROM origins WHERE origin IN (${marks})
        UNION SELECT origin FROM skipped WHERE origin IN (${marks})
        UNION SELECT url FROM articles WHERE url IN (${marks})
        UNION SELECT url FROM fetch_failures WHERE url IN (${marks}) GROUP BY url HAVING min(transient) = 0 OR count(*) >= ?`;
      for (const u of this.db.prepare(sql).pluck().all(...part, ...part, ...part, ...part, max) as string[]) seen.add(u);
    }
    return seen;
  }

  async getSite(origin: string): Promise<StoredSite | undefined> {
    const r = this.q.site.get(origin) as Row | undefined;
    if (!r) return undefined;
    return {
      origin,
      ...(r.robots_txt !== null ? { robotsTxt: r.robots_txt as string } : {}),
      ...(r.robots_status !== null ? { robotsStatus: r.robots_status as number } : {}),
      ...(r.robots_fetched_at !== null ? { robotsFetchedAt: r.robots_fetched_at as string } : {}),
      ...(r.last_request_at !== null ? { lastRequestAt: r.last_request_at as string } : {}),
    };
  }

  async putSiteRobots(origin: string, robots: { txt?: string; status: number; at: string }): Promise<void> {
    this.q.robots.run(origin, robots.txt ?? null, robots.status, robots.at);
  }

  async noteSiteRequest(origin: string, at: string): Promise<void> {
    this.q.request.run(origin, at);
  }
}

/** A `feeds` row as the `FeedState` both stores return (SQLite and PostgreSQL name the columns alike). */
export function feedState(r: Row): FeedState {
  const opt = (k: string) => (r[k] === null || r[k] === undefined ? undefined : String(r[k]));
  const lastError = opt('last_error');
  return {
    url: r.url as string,
    ...(opt('title') !== undefined ? { title: opt('title') } : {}),
    addedAt: iso(r.added_at),
    ...(opt('etag') !== undefined ? { etag: opt('etag') } : {}),
    ...(opt('last_modified') !== undefined ? { lastModified: opt('last_modified') } : {}),
    ...(r.last_poll_at ? { lastPollAt: iso(r.last_poll_at) } : {}),
    ...(r.last_success_at ? { lastSuccessAt: iso(r.last_success_at) } : {}),
    ...(lastError !== undefined ? { lastError: { reason: lastError, detail: opt('last_error_detail') ?? '', at: iso(r.last_error_at) } } : {}),
    polls: Number(r.polls),
    failures: Number(r.failures),
    articles: Number(r.articles),
  };
}

/** A `fetch_failures` row as a record. */
export function failureRecord(r: Row): FetchFailureRecord {
  return { feed: r.feed as string, url: r.url as string, reason: r.reason as string, detail: r.detail as string, transient: Boolean(r.transient), at: iso(r.at) };
}

/** A time as ISO text, whether stored as text (SQLite) or read back as a Date (PostgreSQL's timestamptz). */
function iso(v: unknown): string {
  return v instanceof Date ? v.toISOString() : String(v);
}
