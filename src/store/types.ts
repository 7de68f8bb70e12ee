import type { Article } from '../model/article.js';
import type { PackedArticle } from './codec.js';
import type { SkipReason, Skipped } from '../model/errors.js';
import type { ActorStore } from './actor-types.js';
import type { Correction, CorrectionStore } from './correction-types.js';

export type { Correction, CorrectionFilter, CorrectionStore, CorrectionTarget } from './correction-types.js';

/** What storing one article did: `unchanged` when the same content was already stored. */
export type PutResult = 'stored' | 'unchanged';

export interface ArticleSummary {
  id: string;
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  origins: string[];
}

/**
 * Which stored events to read. Codes are matched as prefixes ("RUS" matches "RUSGOV");
 * `actor` matches either side; dates are inclusive ISO days.
 */
export interface EventFilter {
  actor?: string;
  source?: string;
  target?: string;
  /** either direction when `undirected` */
  dyad?: [string, string];
  undirected?: boolean;
  /** CAMEO code prefix ("19", "163") */
  code?: string;
  /** PLOVER type ("ASSAULT") */
  plover?: string;
  quad?: 1 | 2 | 3 | 4;
  from?: string;
  to?: string;
  /** negated events are left out unless asked for */
  negated?: boolean;
  /** events an analyst marked wrong (`putCorrection`) are left out unless asked for */
  wrong?: boolean;
  limit?: number;
  offset?: number;
}

/** A stored event with where it came from; `group` is shared by the same event in other articles. */
export interface StoredEvent {
  articleId: string;
  /** index in the article's `events` */
  index: number;
  /** de-duplication key: dyad, code and date window */
  group: string;
  source: string;
  sourceCountry: string;
  target?: string;
  targetCountry?: string;
  code: string;
  root: string;
  plover?: string;
  /** null for a code outside CAMEO that a user's dictionary gave (see CodedEvent.goldstein) */
  goldstein: number | null;
  quad: 1 | 2 | 3 | 4 | null;
  date?: string;
  negated: boolean;
  modality: string;
  rule: string;
  confidence: number;
  /** the article's outlet, for counting sources */
  outlet?: string;
  /** the article's address and publication day, for exports that cite it */
  url?: string;
  articleDate?: string;
  /** the evidence sentence */
  sentence: string;
  /** the whole record as coded */
  event: import('../model/event.js').CodedEvent;
  /** an analyst's verdict on it, when one was given (`listEvents` and the dyad explorer's pages) */
  correction?: Correction;
}

/**
 * Which stored articles to read: `q` is searched in title and body (words and "quoted phrases",
 * all required; a trailing `*` matches a prefix); dates are inclusive ISO days.
 */
export interface ArticleFilter {
  q?: string;
  /** the outlet, case-insensitive */
  source?: string;
  /** articles with an event that has this country or organisation code on either side */
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** An article found by `searchArticles`: best match first with `q`, else newest first. */
export interface ArticleHit {
  id: string;
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  /** with `q`: a passage of the title or body around the match, as plain text */
  snippet?: string;
  /** where the matched words are in `snippet` */
  snippetMatches?: import('../model/span.js').Span[];
}

/**
 * Which stored quotes to read: `speaker` is a part of the speaker's name (case-insensitive),
 * `actor` a prefix of the speaker's actor code or its country, `q` a part of the quote's text;
 * dates (the quote's own, else the article's) are inclusive ISO days.
 */
export interface QuoteFilter {
  speaker?: string;
  /** exactly this speaker's name, as a facet gives it */
  speakerName?: string;
  actor?: string;
  /** exactly this speaker's country code */
  country?: string;
  /** the article's outlet, exactly as stored */
  outlet?: string;
  kind?: import('../model/quote.js').QuoteKind;
  /**
   * quotes about this country or organisation code: an event coded inside the quote has it on
   * either side, and the speaker is not its (the `actor` test fails)
   */
  about?: string;
  q?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** A stored quote with its text and the article it came from; newest first. */
export interface StoredQuote {
  articleId: string;
  /** index in the article's `quotes` */
  index: number;
  start: number;
  end: number;
  kind: import('../model/quote.js').QuoteKind;
  text: string;
  speaker?: string;
  speakerCode?: string;
  cue?: string;
  medium?: string;
  confidence: number;
  rule: string;
  /** the day it was said when the text says, else the article's day */
  date?: string;
  /** an analyst's verdict on it, when one was given */
  correction?: Correction;
  article: { title?: string; source?: string; date?: string };
}

export interface StoreStats {
  articles: number;
  sentences: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
}

/** `StoreStats` with the stored quotes and events (negated ones included), all as at one moment. */
export interface StoreTotals extends StoreStats {
  quotes: number;
  events: number;
}

/** A feed a watcher follows, and how its polls have gone (`entente feeds list`). */
export interface FeedState {
  url: string;
  title?: string;
  addedAt: string;
  /** validators of the last full answer, sent back as If-None-Match and If-Modified-Since */
  etag?: string;
  lastModified?: string;
  lastPollAt?: string;
  /** the last poll answered with a feed or a 304 */
  lastSuccessAt?: string;
  /** the last poll's failure, cleared by a success */
  lastError?: { reason: string; detail: string; at: string };
  polls: number;
  /** failures recorded for the feed and its articles, all polls together */
  failures: number;
  /** articles stored from its entries (not those already stored from elsewhere) */
  articles: number;
}

/** What one poll of a feed gave: a feed (with its validators), a 304, or a failure. */
export type FeedPoll =
  | { at: string; outcome: 'ok'; etag?: string; lastModified?: string; stored: number }
  | { at: string; outcome: 'not-modified' }
  | { at: string; outcome: 'failed'; reason: string; detail: string };

/** A URL that could not be fetched or read, for the feed that led to it (the feed's own URL for the feed itself). */
export interface FetchFailureRecord {
  feed: string;
  url: string;
  /** one word (`not-found`, `robots`, `timeout`, `malformed` …) */
  reason: string;
  detail: string;
  /** the server's or the network's trouble: tried again in a later round */
  transient: boolean;
  at: string;
}

/** What the store keeps of a site (scheme, host and port) for politeness across runs. */
export interface StoredSite {
  origin: string;
  robotsTxt?: string;
  /** HTTP status of the robots.txt answer, 0 when none came */
  robotsStatus?: number;
  robotsFetchedAt?: string;
  lastRequestAt?: string;
}

/**
 * A watcher's state (`entente watch`), kept with the articles so a killed watcher resumes where
 * it stopped and several watchers on one PostgreSQL database share it.
 */
export interface WatchState {
  /** `added` the first time, `unchanged` after (a new title is kept) */
  putFeed(feed: { url: string; title?: string }): Promise<'added' | 'unchanged'>;
  /** true when the feed was there; its failures go with it */
  removeFeed(url: string): Promise<boolean>;
  /** in the order they were added */
  listFeeds(): Promise<FeedState[]>;
  /** records one poll of a feed that `putFeed` added (a poll of an unknown feed is an error) */
  recordPoll(url: string, poll: FeedPoll): Promise<void>;
  recordFetchFailure(failure: FetchFailureRecord): Promise<void>;
  /** newest first; `feed` keeps one feed's */
  listFetchFailures(opts?: { feed?: string; limit?: number }): Promise<FetchFailureRecord[]>;
  /**
   * Which of `urls` need no fetch: stored or skipped as an article's origin, the address of a
   * stored article, or failed for good (or transiently `maxTransient` times, default 3).
   */
  seenUrls(urls: readonly string[], opts?: { maxTransient?: number }): Promise<Set<string>>;
  getSite(origin: string): Promise<StoredSite | undefined>;
  putSiteRobots(origin: string, robots: { txt?: string; status: number; at: string }): Promise<void>;
  noteSiteRequest(origin: string, at: string): Promise<void>;
}

/** An event cited as evidence of a turn: enough to find it (`articleId`, `index`) and to read it. */
export interface AlertEvidence {
  articleId: string;
  index: number;
  date: string;
  code: string;
  goldstein: number;
  sentence: string;
  url?: string;
}

/**
 * A relation that turned (src/alerts): the undirected dyad (the pair in sorted order), the day its
 * daily Goldstein series changed (`when`), the day the change detector was sure (`detectedOn`),
 * the mean daily Goldstein before and after, the events since the change, and some of them as evidence.
 */
export interface Alert {
  dyad: [string, string];
  when: string;
  detectedOn: string;
  direction: 'warming' | 'cooling';
  before: number;
  after: number;
  events: number;
  evidence: AlertEvidence[];
  /** the detector and its parameters, e.g. `cusum k=0.5 h=5 warmup=14 minSigma=1` */
  method: string;
}

/** An alert as stored: its id is the same for the same turn (dyad, day, direction), so a re-run adds none. */
export interface StoredAlert extends Alert {
  id: string;
  createdAt: string;
}

/** Which alerts to read: `dyad` in either order; dates bound the turn's day, inclusive. Newest turn first. */
export interface AlertFilter {
  dyad?: [string, string];
  /** either side */
  actor?: string;
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

/** The alerts of the relations' change detector (`entente alerts`, `/api/alerts`). */
export interface AlertStore {
  /** stores the alerts not stored yet (by id) and returns those, in the order given */
  putAlerts(alerts: readonly Alert[]): Promise<StoredAlert[]>;
  listAlerts(filter?: AlertFilter): Promise<StoredAlert[]>;
  countAlerts(filter?: AlertFilter): Promise<number>;
}

/**
 * What the dyad explorer shows (`/api/dyad/…`): one dyad's dated, not negated events, directed
 * (A→B) or both directions, narrowed by day range, quad class, CAMEO code prefix, outlet (as
 * stored, exactly) and a lowest confidence. `inDyadView` (dyad-rows.ts) is the same test in code.
 */
export interface DyadViewFilter {
  dyad: [string, string];
  undirected?: boolean;
  /** inclusive ISO days */
  from?: string;
  to?: string;
  quad?: 1 | 2 | 3 | 4;
  /** CAMEO code prefix ("19", "163") */
  code?: string;
  outlet?: string;
  minConfidence?: number;
}

/** Where a row stands in the explorer's order (newest first): its day, then the store's row id. */
export interface EventKey {
  date: string;
  /** the events row's id, a whole number written in decimal */
  id: string;
}

/** A stored event with its place in the explorer's order. */
export interface KeyedEvent extends StoredEvent {
  key: EventKey;
}

/**
 * Keyset pages of a dyad's events, newest first: `before` gives the rows just older than a key,
 * `after` those just newer (still newest first); rows added meanwhile never shift a page.
 */
export interface DyadStore {
  /** up to `limit` rows, newest first; `more` says whether rows lie beyond them in the direction read */
  dyadEvents(f: DyadViewFilter, page: { limit: number; before?: EventKey; after?: EventKey }): Promise<{ items: KeyedEvent[]; more: boolean }>;
  countDyadEvents(f: DyadViewFilter): Promise<number>;
}

/**
 * Where articles and everything extracted from them live. Every write of one article is one
 * transaction: stored whole or not at all. Implementations: SQLite (embedded default); later
 * PostgreSQL. Methods are async so a networked store fits the same interface.
 */
export interface Store extends WatchState, AlertStore, DyadStore, CorrectionStore, ActorStore {
  readonly kind: string;
  /** where it is: a file path or a connection string without the password */
  readonly location: string;
  /** an article as `analyze` returns it, or packed by a worker thread */
  putArticle(article: Article | PackedArticle): Promise<PutResult>;
  /**
   * Several articles in one transaction, all or none, each with what `putArticle` would say.
   * Optional: a store whose commits cost little next to its writes need not have it.
   */
  putArticles?(articles: readonly (Article | PackedArticle)[]): Promise<PutResult[]>;
  recordSkip(item: Skipped): Promise<void>;
  /** by full id or an unambiguous prefix of at least 6 characters */
  getArticle(idOrPrefix: string): Promise<Article | undefined>;
  listArticles(opts?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  listSkipped(opts?: { limit?: number }): Promise<Skipped[]>;
  stats(): Promise<StoreStats>;
  /** `stats` and the numbers of quotes and events, read in one snapshot: never two moments of a running ingest */
  totals(): Promise<StoreTotals>;
  /** events in date order, then article and index */
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  /**
   * The events `listEvents` would return for the filter (all of them without a limit), read in one
   * snapshot however long the caller takes: articles stored meanwhile are not seen, so no event
   * comes twice or out of date order (offset paging read rows again as new ones shifted it).
   * Iterate to the end or break out: the snapshot is held open until then.
   */
  eventsInSnapshot(filter?: EventFilter): AsyncIterable<StoredEvent>;
  /** how many events the filter selects, ignoring its limit and offset */
  countEvents(filter?: EventFilter): Promise<number>;
  /** full-text search and listing of articles */
  searchArticles(filter?: ArticleFilter): Promise<ArticleHit[]>;
  countArticles(filter?: ArticleFilter): Promise<number>;
  listQuotes(filter?: QuoteFilter): Promise<StoredQuote[]>;
  countQuotes(filter?: QuoteFilter): Promise<number>;
  close(): Promise<void>;
}
