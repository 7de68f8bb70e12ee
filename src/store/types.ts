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
  close(): Promise<void>;
}
