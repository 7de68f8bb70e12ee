import Database from 'better-sqlite3';
import type { Article } from '../model/article.js';
import type { Quote } from '../model/quote.js';
import type { CodedEvent } from '../model/event.js';
import { type SkipReason, type Skipped } from '../model/errors.js';
import { storedDate } from '../model/date.js';
import { articleFromColumns, eventGroup, packed, storedEvent, type PackedArticle } from './codec.js';
import { openDatabase, openReadOnly, type SqliteOpenOptions } from './sqlite-open.js';
import { articleHit, articleSql, quoteSql, storedQuote, type FilterSql } from './sqlite-search.js';
import { SqliteWatch } from './sqlite-watch.js';
import { SqliteAlerts } from './sqlite-alerts.js';
import { SqliteDyads } from './sqlite-dyad.js';
import { SqliteCorrections, sqliteJsonInt } from './sqlite-corrections.js';
import { articleIdsOf, notMarkedWrong, withCorrections } from './correction-rows.js';
import { SqliteActors } from './sqlite-actor.js';
import type { ActorRange } from './actor-types.js';
import type { Alert, AlertFilter, ArticleFilter, Correction, CorrectionFilter, DyadViewFilter, EventKey, ArticleHit, ArticleSummary, EventFilter, FeedPoll, FetchFailureRecord, PutResult, QuoteFilter, Store, StoreStats, StoreTotals, StoredEvent, StoredQuote } from './types.js';

type Row = Record<string, unknown>;

/**
 * The embedded default store: one SQLite file in WAL mode, so readers never block the writer
 * and a killed process leaves the last committed article, never half of one.
 *
 * @example
 * const store = openSqliteStore('/tmp/entente.db');
 * await store.putArticle(article); // 'stored', then 'unchanged' the second time
 */
export function openSqliteStore(path: string, opts: SqliteOpenOptions = {}): Store {
  return new SqliteStore(openDatabase(path, opts), path);
}

class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly q;
  private readonly put: (a: PackedArticle, now: string) => PutResult;
  private readonly catchUp: Database.Transaction<() => void>;
  private readonly readTotals: () => StoreTotals;
  private readonly putMany: (list: readonly PackedArticle[], now: string) => PutResult[];
  private anySkips: boolean;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly watch: SqliteWatch;
  private readonly alerts: SqliteAlerts;
  private readonly dyads: SqliteDyads;
  private readonly corrections: SqliteCorrections;
  private readonly actors: SqliteActors;

  constructor(private readonly db: Database.Database, readonly location: string) {
    this.watch = new SqliteWatch(db);
    this.alerts = new SqliteAlerts(db);
    this.dyads = new SqliteDyads(db);
    this.corrections = new SqliteCorrections(db);
    this.actors = new SqliteActors(db);
    this.q = {
      exists: db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck(),
      insert: db.prepare(`INSERT OR IGNORE INTO articles (id, format, encoding, input_length, title, date, source, url, author, language,
          text, meta, captions, removed, source_map, paragraphs, sentences, tokens, n_sentences, mentions, syntax, ingested_at)
        VALUES (@id, @format, @encoding, @input_length, @title, @date, @source, @url, @author, @language,
          @text, @meta, @captions, @removed, @source_map, @paragraphs, @sentences, @tokens, @n_sentences, @mentions, @syntax, @ingested_at)`),
      origin: db.prepare(`INSERT INTO origins (origin, article_id, seen_at) VALUES (?, ?, ?)
        ON CONFLICT(origin) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at`),
      quote: db.prepare(`INSERT INTO quotes (article_id, n, start, "end", kind, speaker, speaker_code, speaker_country, cue, medium, confidence, rule, date, data)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      event: db.prepare(`INSERT INTO events (article_id, n, grp, source, source_country, target, target_country, code, root, plover, goldstein, quad,
          date, negated, modality, rule, confidence, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      unindexed: db.prepare('SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_keys)').pluck(),
      lastKey: db.prepare('SELECT coalesce(max(n), 0) FROM article_keys').pluck(),
      newKeys: db.prepare('INSERT INTO article_keys (article_id) SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM article_keys) ORDER BY date, id'),
      indexNew: db.prepare('INSERT INTO article_search (rowid, title, text) SELECT n, title, text FROM article_search_content WHERE n > ?'),
      eventsOf: db.prepare('SELECT data FROM events WHERE article_id = ? ORDER BY n').pluck(),
      quotesOf: db.prepare('SELECT start, "end", kind, speaker, cue, medium, confidence, rule, date, data FROM quotes WHERE article_id = ? ORDER BY n'),
      originOf: db.prepare('SELECT article_id FROM origins WHERE origin = ?').pluck(),
      unskip: db.prepare('DELETE FROM skipped WHERE origin = ?'),
      skip: db.prepare(`INSERT INTO skipped (origin, reason, detail, seen_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(origin) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, seen_at = excluded.seen_at`),
      byId: db.prepare('SELECT * FROM articles WHERE id = ?'),
      byPrefix: db.prepare("SELECT id FROM articles WHERE id LIKE ? || '%' ESCAPE '\\' LIMIT 2").pluck(),
      originsOf: db.prepare('SELECT origin FROM origins WHERE article_id = ? ORDER BY origin').pluck(),
      list: db.prepare(`SELECT a.id, a.title, a.date, a.source, a.url, group_concat(o.origin, char(10)) AS origins
        FROM articles a LEFT JOIN origins o ON o.article_id = a.id GROUP BY a.id ORDER BY a.date, a.id LIMIT ? OFFSET ?`),
      skipped: db.prepare('SELECT origin, reason, detail FROM skipped ORDER BY origin LIMIT ?'),
      counts: db.prepare('SELECT count(*) AS articles, coalesce(sum(n_sentences), 0) AS sentences FROM articles'),
      skipCounts: db.prepare('SELECT reason, count(*) AS n FROM skipped GROUP BY reason'),
      quoteCount: db.prepare('SELECT count(*) FROM quotes').pluck(),
      textOf: db.prepare('SELECT text FROM articles WHERE id = ?').pluck(),
      eventCount: db.prepare('SELECT count(*) FROM events').pluck(),
    };
    const q = this.q;
    this.anySkips = (db.prepare('SELECT EXISTS (SELECT 1 FROM skipped)').pluck().get() as number) === 1;
    const write = (a: PackedArticle, now: string): PutResult => {
      const known = q.insert.run(toRow(a, now)).changes === 0;
      if (!known) {
        a.quotes.forEach((x, n) =>
          q.quote.run(a.id, n, x.start, x.end, x.kind, x.speaker ?? null, x.speakerActor?.code ?? null, x.speakerActor?.country ?? null,
            x.cue ?? null, x.medium ?? null, x.confidence, x.rule, x.date ?? null, JSON.stringify(quoteExtra(x))),
        );
        a.events.forEach((e, n) =>
          q.event.run(a.id, n, eventGroup(e), e.source.code, e.source.country, e.target?.code ?? null, e.target?.country ?? null, e.code, e.root,
            e.plover?.event ?? null, e.goldstein, e.quad, e.date ?? null, e.negated ? 1 : 0, e.modality, e.rule, e.confidence, JSON.stringify(e)),
        );
      }
      q.origin.run(a.origin, a.id, now);
      // an origin that now yields an article is no longer skipped
      if (this.anySkips) q.unskip.run(a.origin);
      return known ? 'unchanged' : 'stored';
    };
    this.put = db.transaction(write);
    // a transaction's reads share one snapshot: another process's commit cannot fall between them
    this.readTotals = db.transaction(() => ({
      ...this.statsNow(),
      quotes: this.q.quoteCount.get() as number,
      events: this.q.eventCount.get() as number,
    }));
    this.catchUp = db.transaction(() => {
      const last = this.q.lastKey.get() as number;
      this.q.newKeys.run();
      this.q.indexNew.run(last);
    });
    // ingest spends much of its time in SQLite's commits, more the more rows an article has
    // (its quotes and events): a run of articles shares one
    this.putMany = db.transaction((list: readonly PackedArticle[], now: string): PutResult[] => list.map((a) => write(a, now)));
  }

  async putArticle(article: Article | PackedArticle): Promise<PutResult> {
    return this.put(packed(article), new Date().toISOString());
  }

  async putArticles(articles: readonly (Article | PackedArticle)[]): Promise<PutResult[]> {
    return this.putMany(articles.map(packed), new Date().toISOString());
  }

  async recordSkip(item: Skipped): Promise<void> {
    this.anySkips = true;
    // an origin stored before keeps its article; the skip is still recorded for the report
    this.q.skip.run(item.origin, item.reason, item.detail, new Date().toISOString());
  }

  async getArticle(idOrPrefix: string): Promise<Article | undefined> {
    let id = idOrPrefix;
    if (this.q.exists.get(id) === undefined) {
      if (idOrPrefix.length < 6) return undefined;
      // a prefix is taken literally: '______' is not six wildcards
      const ids = this.q.byPrefix.all(idOrPrefix.replace(/[\\%_]/g, (c) => '\\' + c)) as string[];
      if (ids.length !== 1) return undefined;
      id = ids[0];
    }
    const row = this.q.byId.get(id) as Row | undefined;
    if (!row) return undefined;
    const origins = this.q.originsOf.all(id) as string[];
    const quotes = (this.q.quotesOf.all(id) as Row[]).map(quoteFromRow);
    const events = (this.q.eventsOf.all(id) as string[]).map((d) => JSON.parse(d) as CodedEvent);
    return { ...articleFromColumns(row, origins[0] ?? ''), quotes, events };
  }

  async listArticles(opts: { limit?: number; offset?: number } = {}): Promise<ArticleSummary[]> {
    const rows = this.q.list.all(opts.limit ?? 100, opts.offset ?? 0) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      title: (r.title as string) ?? undefined,
      date: storedDate(r.date),
      source: (r.source as string) ?? undefined,
      url: (r.url as string) ?? undefined,
      origins: r.origins ? String(r.origins).split('\n') : [],
    }));
  }

  async listSkipped(opts: { limit?: number } = {}): Promise<Skipped[]> {
    const rows = this.q.skipped.all(opts.limit ?? 1000) as Row[];
    return rows.map((r) => ({ skipped: true, origin: r.origin as string, reason: r.reason as SkipReason, detail: r.detail as string }));
  }

  async stats(): Promise<StoreStats> {
    return this.statsNow();
  }

  async totals(): Promise<StoreTotals> {
    return this.readTotals();
  }

  private statsNow(): StoreStats {
    const c = this.q.counts.get() as { articles: number; sentences: number };
    const byReason: StoreStats['skippedByReason'] = {};
    let skipped = 0;
    for (const r of this.q.skipCounts.all() as { reason: SkipReason; n: number }[]) {
      byReason[r.reason] = r.n;
      skipped += r.n;
    }
    return { articles: c.articles, sentences: c.sentences, skipped, skippedByReason: byReason };
  }

  async listEvents(f: EventFilter = {}): Promise<StoredEvent[]> {
    const { sql, params } = eventQuery(f);
    const rows = this.stmt(sql).all(...params) as Row[];
    // each article's text is read once, not once per event: a long article with thousands of
    // events gave each row its own copy, and one 9 MiB article ran the server out of memory
    const texts = new Map<string, string>();
    const textOf = (id: string) => texts.get(id) ?? texts.set(id, this.q.textOf.get(id) as string).get(id)!;
    const events = rows.map((r) => storedEvent(r, textOf(r.article_id as string)));
    return withCorrections(events, this.corrections.ofArticlesNow(articleIdsOf(events)));
  }

  async *eventsInSnapshot(f: EventFilter = {}): AsyncGenerator<StoredEvent> {
    // an in-memory database has no other connection to write it while we read
    if (this.location === ':memory:') return yield* await this.listEvents(f);
    // one read transaction is one snapshot, for the events and their articles' texts alike; on a
    // connection of its own, so this store stays free for other reads and writes meanwhile
    const reader = openReadOnly(this.location);
    try {
      reader.pragma('busy_timeout = 5000');
      reader.exec('BEGIN');
      const textOf = recentTexts(reader.prepare('SELECT text FROM articles WHERE id = ?').pluck());
      const { sql, params } = eventQuery(f);
      for (const r of reader.prepare(sql).iterate(...params) as Iterable<Row>) yield storedEvent(r, textOf(r.article_id as string));
    } finally {
      reader.close();
    }
  }

  async countEvents(f: EventFilter = {}): Promise<number> {
    const { sql, params } = eventQuery(f, true);
    return this.stmt(sql).pluck().get(...params) as number;
  }

  async searchArticles(f: ArticleFilter = {}): Promise<ArticleHit[]> {
    if (f.q !== undefined) this.catchUpSearch();
    return this.rows(articleSql(f)).map(articleHit);
  }

  async countArticles(f: ArticleFilter = {}): Promise<number> {
    if (f.q !== undefined) this.catchUpSearch();
    return this.count(articleSql(f));
  }

  /**
   * The full-text index is brought up to date before a text search, not in each article's
   * transaction: indexing a body costs as much as storing the article, and ingest runs far more
   * often than search. Articles written by another process are caught up the same way.
   * The catch-up takes the write lock first (BEGIN IMMEDIATE, waiting out the busy timeout): a
   * read transaction that turned into a write failed with "database is locked" whenever another
   * process committed in between. Should the lock stay taken, or the store be open for reading
   * only, the search answers from the index as it is, without the newest articles, rather than fail.
   */
  private catchUpSearch(): void {
    if ((this.q.unindexed.get() as number) === 0) return;
    try {
      this.catchUp.immediate();
    } catch (e) {
      // busy past the timeout, or a store opened read-only: search the index as it stands
      if (!/^SQLITE_(BUSY|READONLY)/.test(String((e as { code?: string }).code))) throw e;
    }
  }

  async listQuotes(f: QuoteFilter = {}): Promise<StoredQuote[]> {
    const quotes = this.rows(quoteSql(f)).map(storedQuote);
    return withCorrections(quotes, this.corrections.ofArticlesNow(articleIdsOf(quotes)));
  }

  async countQuotes(f: QuoteFilter = {}): Promise<number> {
    return this.count(quoteSql(f));
  }

  private rows(q: FilterSql): Row[] {
    return this.stmt(q.sql).all(...q.params, ...q.page) as Row[];
  }

  private count(q: FilterSql): number {
    return this.stmt(q.count).pluck().get(...q.params) as number;
  }

  /** Filters give a few dozen distinct queries at most: each is prepared once. */
  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  // the watcher's state (sqlite-watch.ts)
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
  // the change detector's alerts (sqlite-alerts.ts)
  putAlerts(alerts: readonly Alert[]) { return this.alerts.putAlerts(alerts); }
  listAlerts(f?: AlertFilter) { return this.alerts.listAlerts(f); }
  countAlerts(f?: AlertFilter) { return this.alerts.countAlerts(f); }
  // the dyad explorer's keyset pages (sqlite-dyad.ts)
  async dyadEvents(f: DyadViewFilter, page: { limit: number; before?: EventKey; after?: EventKey }) {
    // events marked wrong stay on the explorer's evidence pages, with their correction shown
    const got = await this.dyads.dyadEvents(f, page);
    return { ...got, items: withCorrections(got.items, this.corrections.ofArticlesNow(articleIdsOf(got.items))) };
  }
  countDyadEvents(f: DyadViewFilter) { return this.dyads.countDyadEvents(f); }
  // analysts' corrections (sqlite-corrections.ts)
  putCorrection(c: Omit<Correction, 'key'> & { key?: string }) { return this.corrections.putCorrection(c); }
  removeCorrection(key: string) { return this.corrections.removeCorrection(key); }
  listCorrections(f?: CorrectionFilter) { return this.corrections.listCorrections(f); }
  countCorrections(f?: CorrectionFilter) { return this.corrections.countCorrections(f); }
  // the actor page and the quote facets (sqlite-actor.ts)
  actorEvents(f: ActorRange, page: { limit: number; before?: EventKey; after?: EventKey }) { return this.actors.actorEvents(f, page); }
  countActorEvents(f: ActorRange) { return this.actors.countActorEvents(f); }
  actorPartners(f: ActorRange) { return this.actors.actorPartners(f); }
  actorPeople(f: ActorRange, limit: number) { return this.actors.actorPeople(f, limit); }
  quoteFacets(f: QuoteFilter, limit: number) { return this.actors.quoteFacets(f, limit); }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}


/** SQL and parameters for an event filter (or its count); placeholders only, never values in the text. */
function eventQuery(f: EventFilter, count = false): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const prefix = (col: string, v: string) => {
    where.push(`${col} LIKE ? ESCAPE '\\'`);
    params.push(v.replace(/[\\%_]/g, (c) => '\\' + c) + '%');
  };
  if (f.actor !== undefined) {
    where.push(`(e.source LIKE ? OR e.target LIKE ? OR e.source_country = ? OR e.target_country = ?)`);
    params.push(f.actor + '%', f.actor + '%', f.actor, f.actor);
  }
  if (f.source !== undefined) prefix('e.source', f.source);
  if (f.target !== undefined) prefix('e.target', f.target);
  if (f.dyad) {
    const [a, b] = f.dyad;
    if (f.undirected) {
      where.push('((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))');
      params.push(a, b, b, a);
    } else {
      where.push('e.source_country = ? AND e.target_country = ?');
      params.push(a, b);
    }
  }
  if (f.code !== undefined) prefix('e.code', f.code);
  if (f.plover !== undefined) { where.push('e.plover = ?'); params.push(f.plover); }
  if (f.quad !== undefined) { where.push('e.quad = ?'); params.push(f.quad); }
  if (f.from !== undefined) { where.push('e.date >= ?'); params.push(f.from); }
  if (f.to !== undefined) { where.push('e.date <= ?'); params.push(f.to); }
  if (!f.negated) where.push('e.negated = 0');
  if (!f.wrong) where.push(notMarkedWrong(sqliteJsonInt));
  if (count) return { sql: `SELECT count(*) FROM events e ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`, params };
  // the page is chosen from the events alone and only its rows are joined to their articles:
  // joining first made SQLite read every matching article's text to keep 50 (2x slower on Reuters)
  const sql = `SELECT e.*, a.source AS outlet, a.url AS url, a.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id
    WHERE e.id IN (SELECT e.id FROM events e ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY e.date, e.article_id, e.n LIMIT ? OFFSET ?)
    ORDER BY e.date, e.article_id, e.n`;
  params.push(f.limit ?? -1, f.offset ?? 0);
  return { sql, params };
}

/**
 * An article's text by id through `read`, the last few kept: events come in date order, so one
 * article's events are near each other but not always together.
 */
function recentTexts(read: Database.Statement): (id: string) => string {
  const kept = new Map<string, string>();
  return (id) => {
    let text = kept.get(id);
    if (text === undefined) {
      if (kept.size >= 64) kept.delete(kept.keys().next().value!);
      kept.set(id, (text = read.get(id) as string));
    }
    return text;
  };
}

function toRow(a: PackedArticle, now: string): Row {
  return {
    id: a.id,
    format: a.format,
    encoding: a.encoding,
    input_length: a.inputLength,
    title: a.meta.title?.value ?? null,
    date: a.meta.date?.value ?? null,
    source: a.meta.source?.value ?? null,
    url: a.meta.url?.value ?? null,
    author: a.meta.author?.value ?? null,
    language: a.meta.language?.value ?? null,
    text: a.text,
    meta: JSON.stringify(a.meta),
    captions: JSON.stringify(a.captions),
    removed: JSON.stringify(a.removed),
    source_map: a.packed.sourceMap,
    paragraphs: a.packed.paragraphs,
    sentences: a.packed.sentences,
    tokens: a.packed.tokens,
    n_sentences: a.packed.nSentences,
    mentions: a.packed.mentions,
    syntax: a.packed.syntax ?? null,
    ingested_at: now,
  };
}


/** What a quote row's columns do not hold: its pieces, the speaker's and cue's spans, the actor. */
function quoteExtra(q: Quote): Pick<Quote, 'spans' | 'speakerSpan' | 'speakerActor' | 'cueSpan' | 'alsoAt'> {
  return { spans: q.spans, speakerSpan: q.speakerSpan, speakerActor: q.speakerActor, cueSpan: q.cueSpan, alsoAt: q.alsoAt };
}

function quoteFromRow(r: Row): Quote {
  const extra = JSON.parse(r.data as string) as ReturnType<typeof quoteExtra>;
  const q: Quote = { start: r.start as number, end: r.end as number, kind: r.kind as Quote['kind'], spans: extra.spans, confidence: r.confidence as number, rule: r.rule as string };
  // only the fields the quote had, so a stored quote deep-equals the extracted one
  const opt = { speakerSpan: extra.speakerSpan, speaker: r.speaker, speakerActor: extra.speakerActor, cue: r.cue, cueSpan: extra.cueSpan, medium: r.medium, date: r.date, alsoAt: extra.alsoAt };
  for (const [k, v] of Object.entries(opt)) if (v !== null && v !== undefined) (q as unknown as Record<string, unknown>)[k] = v;
  return q;
}
