import pg from 'pg';
import type { Article } from '../model/article.js';
import type { Quote } from '../model/quote.js';
import type { CodedEvent } from '../model/event.js';
import { EntenteError, type SkipReason, type Skipped } from '../model/errors.js';
import { storedDate } from '../model/date.js';
import { articleFromColumns, packed, storedEvent, type PackedArticle } from './codec.js';
import { noNul, putParams, PUT_SQL } from './postgres-put.js';
import { articleTexts, eventQuery } from './postgres-events.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { articleSql, likeLiteral, quoteSql, type FilterSql } from './postgres-search.js';
import { articleHit, storedQuote } from './sqlite-search.js';
import { PostgresWatch } from './postgres-watch.js';
import { PostgresAlerts } from './postgres-alerts.js';
import { PostgresDyads } from './postgres-dyad.js';
import { PostgresCorrections } from './postgres-corrections.js';
import { articleIdsOf, withCorrections } from './correction-rows.js';
import { isConnectionError, isRetryableConflict, redactUrl } from './postgres-errors.js';
import { PostgresActors } from './postgres-actor.js';
import type { ActorRange } from './actor-types.js';
import type { Alert, AlertFilter, ArticleFilter, Correction, CorrectionFilter, DyadViewFilter, EventKey, ArticleHit, ArticleSummary, EventFilter, FeedPoll, FetchFailureRecord, PutResult, QuoteFilter, Store, StoreStats, StoreTotals, StoredEvent, StoredQuote } from './types.js';

type Row = Record<string, unknown>;
/** a pool or one checked-out client: what a statement runs on */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

export { redactUrl, isConnectionError, isRetryableConflict } from './postgres-errors.js';

export interface PostgresOptions {
  /** connections in the pool */
  max?: number;
  /** how the connections are named in the server's pg_stat_activity (default "entente") */
  applicationName?: string;
}

/**
 * Opens (and migrates) the PostgreSQL store at a `postgres://` URL. The schema is the first one on
 * the connection's search path (`?options=-c%20search_path%3Dname` to choose one).
 *
 * @example const store = await openPostgresStore('postgres://entente@db.example/news');
 */
export async function openPostgresStore(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
  const location = redactUrl(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 4,
    connectionTimeoutMillis: 10_000,
    // PostgreSQL keeps 63 bytes of it; an operator reads it to tell the workers' sessions apart
    application_name: (opts.applicationName ?? 'entente').slice(0, 63),
  });
  // an idle connection dropped by a server restart is the pool's to replace; the next query reports
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (cause) {
    await pool.end().catch(() => {});
    const why = isConnectionError(cause) ? 'the server does not answer' : 'the schema could not be prepared';
    throw new EntenteError('E_STORE_OPEN', `cannot open the database ${location} (${why}): ${(cause as Error).message}`, { cause });
  }
  return new PostgresStore(pool, location);
}

/**
 * Runs the migrations not yet recorded, under an advisory lock held for the transaction: two
 * processes starting at once take turns, and the second finds nothing left to do.
 */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  client.on('error', () => {});
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('entente.migrate.' || coalesce(current_schema(), '')))`);
    await client.query('CREATE TABLE IF NOT EXISTS entente_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query('SELECT coalesce(max(version), 0) AS v FROM entente_schema');
    const version = Number(rows[0].v);
    if (version > POSTGRES_MIGRATIONS.length) {
      throw new Error(`the database is at schema version ${version}, newer than this entente (${POSTGRES_MIGRATIONS.length}): upgrade entente`);
    }
    for (let v = version; v < POSTGRES_MIGRATIONS.length; v++) {
      const m = POSTGRES_MIGRATIONS[v];
      if (typeof m === 'string') await client.query(m);
      else await m(client);
      await client.query('INSERT INTO entente_schema (version) VALUES ($1)', [v + 1]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

const SKIP_SQL = `INSERT INTO skipped (origin, reason, detail, seen_at) VALUES ($1, $2, $3, now())
  ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, seen_at = excluded.seen_at`;

const GET_SQL = `SELECT a.id, a.format, a.encoding, a.input_length, a.text, a.meta, a.captions, a.removed, a.source_map,
    a.paragraphs, a.sentences, a.tokens, a.mentions, a.syntax,
    (SELECT array_agg(origin ORDER BY origin) FROM origins WHERE article_id = a.id) AS origins,
    (SELECT array_agg(data ORDER BY n) FROM quotes WHERE article_id = a.id) AS quotes,
    (SELECT array_agg(data ORDER BY n) FROM events WHERE article_id = a.id) AS events
  FROM articles a WHERE a.id = $1`;

/**
 * The PostgreSQL store: the same records as SQLite, for several processes on several machines at
 * once. Each article is one statement (so one transaction); `putOn` lets the job queue write it in
 * the transaction that also marks its job done.
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  private closed = false;
  private readonly watch: PostgresWatch;
  private readonly alerts: PostgresAlerts;
  private readonly dyads: PostgresDyads;
  private readonly corrections: PostgresCorrections;
  private readonly actors: PostgresActors;

  constructor(readonly pool: pg.Pool, readonly location: string) {
    this.watch = new PostgresWatch(pool);
    this.alerts = new PostgresAlerts(pool);
    this.dyads = new PostgresDyads(pool);
    this.corrections = new PostgresCorrections(pool);
    this.actors = new PostgresActors(pool);
  }

  // the watcher's state (postgres-watch.ts)
  putFeed(feed: { url: string; title?: string }) { return this.watch.putFeed(feed); }
  removeFeed(url: string) { return this.watch.removeFeed(url); }
  listFeeds() { return this.watch.listFeeds(); }
  recordPoll(url: string, poll: FeedPoll) { return this.watch.recordPoll(url, poll); }
  recordFetchFailure(f: FetchFailureRecord) { return this.watch.recordFetchFailure(f); }
  listFetchFailures(opts?: { feed?: string; limit?: number }) { return this.watch.listFetchFailures(opts); }
  seenUrls(urls: readonly string[], opts?: { maxTransient?: number }) { return this.watch.seenUrls(urls, opts); }
  getSite(origin: string) { return this.watch.getSite(origin); }
  putSiteRobots(origin: string, robots: { txt?: string; status: number; at: string }) { return this.watch.putSiteRobots(origin, robots); }
  noteSiteRequest(origin: string, at: string) { return this.watch.noteSiteRequest(origin, at); }
  // the change detector's alerts (postgres-alerts.ts)
  putAlerts(alerts: readonly Alert[]) { return this.alerts.putAlerts(alerts); }
  listAlerts(f?: AlertFilter) { return this.alerts.listAlerts(f); }
  countAlerts(f?: AlertFilter) { return this.alerts.countAlerts(f); }
  // the dyad explorer's keyset pages (postgres-dyad.ts)
  async dyadEvents(f: DyadViewFilter, page: { limit: number; before?: EventKey; after?: EventKey }) {
    // events marked wrong stay on the explorer's evidence pages, with their correction shown
    const got = await this.dyads.dyadEvents(f, page);
    return { ...got, items: withCorrections(got.items, await this.corrections.ofArticles(this.pool, articleIdsOf(got.items))) };
  }
  countDyadEvents(f: DyadViewFilter) { return this.dyads.countDyadEvents(f); }
  // analysts' corrections (postgres-corrections.ts)
  putCorrection(c: Omit<Correction, 'key'> & { key?: string }) { return this.corrections.putCorrection(c); }
  removeCorrection(key: string) { return this.corrections.removeCorrection(key); }
  listCorrections(f?: CorrectionFilter) { return this.corrections.listCorrections(f); }
  countCorrections(f?: CorrectionFilter) { return this.corrections.countCorrections(f); }
  // the actor page and the quote facets (postgres-actor.ts)
  actorEvents(f: ActorRange, page: { limit: number; before?: EventKey; after?: EventKey }) { return this.actors.actorEvents(f, page); }
  countActorEvents(f: ActorRange) { return this.actors.countActorEvents(f); }
  actorPartners(f: ActorRange) { return this.actors.actorPartners(f); }
  actorPeople(f: ActorRange, limit: number) { return this.actors.actorPeople(f, limit); }
  quoteFacets(f: QuoteFilter, limit: number) { return this.actors.quoteFacets(f, limit); }

  async putArticle(article: Article | PackedArticle): Promise<PutResult> {
    return this.putOn(this.pool, packed(article));
  }

  /**
   * One transaction for the lot: ingest's time otherwise goes in a round trip and a commit an
   * article. Two writers whose batches share articles may deadlock on each other's rows; the
   * one PostgreSQL picks to fail simply runs its batch again.
   */
  async putArticles(articles: readonly (Article | PackedArticle)[]): Promise<PutResult[]> {
    const list = articles.map(packed);
    if (list.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await inTransaction(this.pool, async (client) => {
          const out: PutResult[] = [];
          // one after another on one connection: an article repeated in the batch finds its first copy
          for (const a of list) out.push(await this.putOn(client, a));
          return out;
        });
      } catch (e) {
        if (!isRetryableConflict(e) || attempt >= 5) throw e;
      }
    }
  }

  /** Writes one article on the given connection (inside the caller's transaction, if any). */
  async putOn(db: Queryable, a: PackedArticle): Promise<PutResult> {
    if (a.text.includes('\u0000')) {
      throw new EntenteError('E_STORE_WRITE', `${a.origin}: the article text holds a NUL character, which PostgreSQL text cannot store`);
    }
    // named: each connection parses and plans it once, not once an article
    const { rows } = await db.query({ name: 'entente-put-article', text: PUT_SQL, values: putParams(a) });
    return rows[0].stored === 1 ? 'stored' : 'unchanged';
  }

  async recordSkip(item: Skipped): Promise<void> {
    await this.skipOn(this.pool, item);
  }

  async skipOn(db: Queryable, item: Skipped): Promise<void> {
    // an origin stored before keeps its article; the skip is still recorded for the report
    await db.query(SKIP_SQL, [noNul(item.origin), item.reason, noNul(item.detail)]);
  }

  async getArticle(idOrPrefix: string): Promise<Article | undefined> {
    let { rows } = await this.pool.query(GET_SQL, [idOrPrefix]);
    if (rows.length === 0) {
      if (idOrPrefix.length < 6) return undefined;
      // ids are lower-case hex; SQLite's LIKE ignores ASCII case, and so does this
      const ids = await this.pool.query(`SELECT id FROM articles WHERE id LIKE $1 || '%' LIMIT 2`, [likeLiteral(idOrPrefix.toLowerCase())]);
      if (ids.rows.length !== 1) return undefined;
      ({ rows } = await this.pool.query(GET_SQL, [ids.rows[0].id]));
      if (rows.length === 0) return undefined;
    }
    return fromRow(rows[0]);
  }

  async listArticles(opts: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const { rows } = await this.pool.query(
      `SELECT a.id, a.title, a.date, a.source, a.url,
         coalesce((SELECT array_agg(origin ORDER BY origin) FROM origins o WHERE o.article_id = a.id), '{}') AS origins
       FROM articles a ORDER BY a.date NULLS FIRST, a.id LIMIT $1 OFFSET $2`,
      [opts.limit ?? 100, opts.offset ?? 0],
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title ?? undefined,
      date: storedDate(r.date),
      source: r.source ?? undefined,
      url: r.url ?? undefined,
      origins: r.origins,
    }));
  }

  async listSkipped(opts: { limit?: number } = {}): Promise<Skipped[]> {
    const { rows } = await this.pool.query('SELECT origin, reason, detail FROM skipped ORDER BY origin LIMIT $1', [opts.limit ?? 1000]);
    return rows.map((r) => ({ skipped: true, origin: r.origin, reason: r.reason as SkipReason, detail: r.detail }));
  }

  async stats(): Promise<StoreStats> {
    const { quotes: _q, events: _e, ...stats } = await this.totals();
    return stats;
  }

  /** One statement: PostgreSQL reads all of it in one snapshot. */
  async totals(): Promise<StoreTotals> {
    const { rows } = await this.pool.query(`SELECT
        (SELECT count(*) FROM quotes) AS quotes,
        (SELECT count(*) FROM events) AS events,
        (SELECT count(*) FROM articles) AS articles,
        (SELECT coalesce(sum(n_sentences), 0) FROM articles) AS sentences,
        (SELECT coalesce(json_object_agg(reason, n), '{}') FROM (SELECT reason, count(*) AS n FROM skipped GROUP BY reason) s) AS by_reason`);
    const byReason = rows[0].by_reason as StoreStats['skippedByReason'];
    const skipped = Object.values(byReason).reduce((n, x) => n + (x ?? 0), 0);
    return { articles: Number(rows[0].articles), sentences: Number(rows[0].sentences), skipped, skippedByReason: byReason, quotes: Number(rows[0].quotes), events: Number(rows[0].events) };
  }

  async listEvents(f: EventFilter = {}): Promise<StoredEvent[]> {
    const { sql, params } = eventQuery(f);
    const { rows } = await this.pool.query(sql, params);
    // each article's text comes once, not once per event: a long article with thousands of
    // events sent (and held) a copy of its whole text per row
    const texts = await articleTexts(this.pool, rows);
    const events = rows.map((r) => storedEvent(r, texts.get(r.article_id)!));
    return withCorrections(events, await this.corrections.ofArticles(this.pool, articleIdsOf(events)));
  }

  async *eventsInSnapshot(f: EventFilter = {}, fetch = 2000): AsyncGenerator<StoredEvent> {
    const client = await this.pool.connect();
    let ended = false;
    try {
      // a cursor reads the snapshot its transaction took, one batch at a time, never the whole result
      // at once; the batch's article texts are read in the same snapshot
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { sql, params } = eventQuery(f);
      await client.query(`DECLARE entente_events NO SCROLL CURSOR FOR ${sql}`, params);
      for (;;) {
        const { rows } = await client.query(`FETCH ${fetch} FROM entente_events`);
        const texts = await articleTexts(client, rows);
        for (const r of rows) yield storedEvent(r, texts.get(r.article_id)!);
        if (rows.length < fetch) break;
      }
      await client.query('COMMIT');
      ended = true;
    } finally {
      // a caller that stopped early (or a failed fetch) leaves the transaction open: end it, or drop a connection that cannot
      const rolledBack = ended || (await client.query('ROLLBACK').then(() => true, () => false));
      client.release(rolledBack ? undefined : true);
    }
  }

  async countEvents(f: EventFilter = {}): Promise<number> {
    const { sql, params } = eventQuery(f, true);
    return (await this.pool.query(sql, params)).rows[0].n;
  }

  async searchArticles(f: ArticleFilter = {}): Promise<ArticleHit[]> {
    return (await this.rows(articleSql(f))).map(articleHit);
  }

  async countArticles(f: ArticleFilter = {}): Promise<number> {
    return this.count(articleSql(f));
  }

  async listQuotes(f: QuoteFilter = {}): Promise<StoredQuote[]> {
    const quotes = (await this.rows(quoteSql(f))).map(storedQuote);
    return withCorrections(quotes, await this.corrections.ofArticles(this.pool, articleIdsOf(quotes)));
  }

  async countQuotes(f: QuoteFilter = {}): Promise<number> {
    return this.count(quoteSql(f));
  }

  private async rows(q: FilterSql): Promise<Row[]> {
    return (await this.pool.query(q.sql, q.params)).rows;
  }

  /** the count shares the rows' WHERE clause; the page's limit and offset come last and are left out */
  private async count(q: FilterSql): Promise<number> {
    const used = Math.max(0, ...[...q.count.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
    return (await this.pool.query(q.count, q.params.slice(0, used))).rows[0].n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/** Runs `f` in a transaction on one connection of the pool: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, f: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  // a connection dropped between statements is reported by the next statement, not as a crash
  const onError = () => {};
  c.on('error', onError);
  let broken: Error | undefined;
  try {
    await c.query('BEGIN');
    const out = await f(c);
    await c.query('COMMIT');
    return out;
  } catch (e) {
    if (isConnectionError(e)) broken = e as Error;
    else await c.query('ROLLBACK').catch((err) => (broken = err));
    throw e;
  } finally {
    c.off('error', onError);
    c.release(broken);
  }
}

function fromRow(r: Row): Article {
  return {
    ...articleFromColumns(r, ((r.origins as string[] | null) ?? [])[0] ?? ''),
    quotes: ((r.quotes as string[] | null) ?? []).map((d) => JSON.parse(d) as Quote),
    events: ((r.events as string[] | null) ?? []).map((d) => JSON.parse(d) as CodedEvent),
  };
}
