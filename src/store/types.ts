import type { Article } from '../model/article.js';
import type { PackedArticle } from './codec.js';
import type { SkipReason, Skipped } from '../model/errors.js';

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
  goldstein: number;
  quad: 1 | 2 | 3 | 4;
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
}

export interface StoreStats {
  articles: number;
  sentences: number;
  skipped: number;
  skippedByReason: Partial<Record<SkipReason, number>>;
}

/**
 * Where articles and everything extracted from them live. Every write of one article is one
 * transaction: stored whole or not at all. Implementations: SQLite (embedded default); later
 * PostgreSQL. Methods are async so a networked store fits the same interface.
 */
export interface Store {
  readonly kind: string;
  /** where it is: a file path or a connection string without the password */
  readonly location: string;
  /** an article as `analyze` returns it, or packed by a worker thread */
  putArticle(article: Article | PackedArticle): Promise<PutResult>;
  recordSkip(item: Skipped): Promise<void>;
  /** by full id or an unambiguous prefix of at least 6 characters */
  getArticle(idOrPrefix: string): Promise<Article | undefined>;
  listArticles(opts?: { limit?: number; offset?: number }): Promise<ArticleSummary[]>;
  listSkipped(opts?: { limit?: number }): Promise<Skipped[]>;
  stats(): Promise<StoreStats>;
  /** events in date order, then article and index */
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  close(): Promise<void>;
}
