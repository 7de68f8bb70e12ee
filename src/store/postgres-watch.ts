import type pg from 'pg';
import { EntenteError } from '../model/errors.js';
import { failureRecord, feedState } from './sqlite-watch.js';
import type { FeedPoll, FeedState, FetchFailureRecord, StoredSite, WatchState } from './types.js';

/** The watcher's state in the PostgreSQL store (tables of migration 7); `PostgresStore` hands these calls on. */
export class PostgresWatch implements WatchState {
  constructor(private readonly pool: pg.Pool) {}

  async putFeed(feed: { url: string; title?: string }): Promise<'added' | 'unchanged'> {
    // one statement: two watchers adding the same list at once add each feed once
    const { rows } = await this.pool.query(
      `INSERT INTO feeds (url, title, added_at) VALUES ($1, $2, now())
       ON CONFLICT (url) DO UPDATE SET title = coalesce(excluded.title, feeds.title)
       RETURNING (xmax = 0) AS added`,
      [feed.url, feed.title ?? null],
    );
    return rows[0].added ? 'added' : 'unchanged';
  }

  async removeFeed(url: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `WITH gone AS (DELETE FROM fetch_failures WHERE feed = $1) DELETE FROM feeds WHERE url = $1 RETURNING 1`,
      [url],
    );
    return rows.length === 1;
  }

  async listFeeds(): Promise<FeedState[]> {
    const { rows } = await this.pool.query(`SELECT f.*, (SELECT count(*) FROM fetch_failures x WHERE x.feed = f.url) AS failures FROM feeds f ORDER BY f.id`);
    return rows.map(feedState);
  }

  async recordPoll(url: string, poll: FeedPoll): Promise<void> {
    const r =
      poll.outcome === 'ok'
        ? await this.pool.query(
            `UPDATE feeds SET etag = $1, last_modified = $2, last_poll_at = $3, last_success_at = $3, last_error = NULL, last_error_detail = NULL,
               last_error_at = NULL, polls = polls + 1, articles = articles + $4 WHERE url = $5`,
            [poll.etag ?? null, poll.lastModified ?? null, poll.at, poll.stored, url],
          )
        : poll.outcome === 'not-modified'
          ? await this.pool.query(
              `UPDATE feeds SET last_poll_at = $1, last_success_at = $1, last_error = NULL, last_error_detail = NULL, last_error_at = NULL, polls = polls + 1 WHERE url = $2`,
              [poll.at, url],
            )
          : await this.pool.query(
              `UPDATE feeds SET last_poll_at = $1, last_error = $2, last_error_detail = $3, last_error_at = $1, polls = polls + 1 WHERE url = $4`,
              [poll.at, poll.reason, poll.detail, url],
            );
    if (r.rowCount !== 1) throw new EntenteError('E_STORE_WRITE', `no feed ${url} in the store to record a poll of (add it with \`entente feeds add\`)`);
  }

  async recordFetchFailure(f: FetchFailureRecord): Promise<void> {
    await this.pool.query('INSERT INTO fetch_failures (feed, url, reason, detail, transient, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      f.feed, f.url, f.reason, f.detail, f.transient, f.at,
    ]);
  }

  async listFetchFailures(opts: { feed?: string; limit?: number } = {}): Promise<FetchFailureRecord[]> {
    const { rows } =
      opts.feed === undefined
        ? await this.pool.query('SELECT * FROM fetch_failures ORDER BY id DESC LIMIT $1', [opts.limit ?? 1000])
        : await this.pool.query('SELECT * FROM fetch_failures WHERE feed = $1 ORDER BY id DESC LIMIT $2', [opts.feed, opts.limit ?? 1000]);
    return rows.map(failureRecord);
  }

  async seenUrls(urls: readonly string[], opts: { maxTransient?: number } = {}): Promise<Set<string>> {
    if (urls.length === 0) return new Set();
    const { rows } = await this.pool.query(
      `SELECT origin AS url FROM origins WHERE origin = ANY($1)
       UNION SELECT origin FROM skipped WHERE origin = ANY($1)
       UNION SELECT url FROM articles WHERE url = ANY($1)
       UNION SELECT url FROM fetch_failures WHERE url = ANY($1) GROUP BY url HAVING bool_and(transient) = false OR count(*) >= $2`,
      [urls, opts.maxTransient ?? 3],
    );
    return new Set(rows.map((r) => r.url as string));
  }

  async getSite(origin: string): Promise<StoredSite | undefined> {
    const { rows } = await this.pool.query('SELECT * FROM sites WHERE origin = $1', [origin]);
    const r = rows[0];
    if (!r) return undefined;
    return {
      origin,
      ...(r.robots_txt !== null ? { robotsTxt: r.robots_txt } : {}),
      ...(r.robots_status !== null ? { robotsStatus: r.robots_status } : {}),
      ...(r.robots_fetched_at !== null ? { robotsFetchedAt: (r.robots_fetched_at as Date).toISOString() } : {}),
      ...(r.last_request_at !== null ? { lastRequestAt: (r.last_request_at as Date).toISOString() } : {}),
    };
  }

  async putSiteRobots(origin: string, robots: { txt?: string; status: number; at: string }): Promise<void> {
    await this.pool.query(
      `INSERT INTO sites (origin, robots_txt, robots_status, robots_fetched_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (origin) DO UPDATE SET robots_txt = excluded.robots_txt, robots_status = excluded.robots_status, robots_fetched_at = excluded.robots_fetched_at`,
      [origin, robots.txt?.replace(/\u0000/g, '') ?? null, robots.status, robots.at],
    );
  }

  async noteSiteRequest(origin: string, at: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO sites (origin, last_request_at) VALUES ($1, $2)
       ON CONFLICT (origin) DO UPDATE SET last_request_at = greatest(sites.last_request_at, excluded.last_request_at)`,
      [origin, at],
    );
  }
}
