import type Database from 'better-sqlite3';
import { dyadCountSql, dyadPageSql, keyedPage, type Dialect } from './dyad-rows.js';
import type { DyadStore, DyadViewFilter, EventKey, KeyedEvent } from './types.js';

type Row = Record<string, unknown>;

/** The dyad explorer's keyset pages in the SQLite store (dyad-rows.ts); `SqliteStore` hands these calls on. */
export class SqliteDyads implements DyadStore {
  private readonly textOf;

  constructor(private readonly db: Database.Database) {
    this.textOf = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  }

  async dyadEvents(f: DyadViewFilter, page: { limit: number; before?: EventKey; after?: EventKey }): Promise<{ items: KeyedEvent[]; more: boolean }> {
    const params: unknown[] = [];
    // one row past the page says whether there is more
    const sql = dyadPageSql(f, { ...page, limit: page.limit + 1 }, sqlite(params));
    const rows = this.db.prepare(sql).all(...params) as Row[];
    return keyedPage(rows, page, (kept) => articleTexts(this.textOf, kept));
  }

  async countDyadEvents(f: DyadViewFilter): Promise<number> {
    const params: unknown[] = [];
    const sql = dyadCountSql(f, sqlite(params));
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }
}

function sqlite(params: unknown[]): Dialect {
  return { mark: (v) => (params.push(v), '?'), notNegated: 'e.negated = 0', id: (p) => p };
}

/** The texts of the rows' articles, each read once however many of its events are on the page. */
export function articleTexts(textOf: Database.Statement, rows: { article_id: string }[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const r of rows) if (!texts.has(r.article_id)) texts.set(r.article_id, textOf.get(r.article_id) as string);
  return texts;
}
