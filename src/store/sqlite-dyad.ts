import type Database from 'better-sqlite3';
import { storedEvent } from './codec.js';
import { dyadCountSql, dyadPageSql, rowKey, type Dialect } from './dyad-rows.js';
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
    const more = rows.length > page.limit;
    const kept = rows.slice(0, page.limit);
    if (page.after !== undefined) kept.reverse();
    // an article's text once, however many of its events are on the page
    const texts = new Map<string, string>();
    const text = (id: string) => texts.get(id) ?? texts.set(id, this.textOf.get(id) as string).get(id)!;
    return { items: kept.map((r) => ({ ...storedEvent(r, text(r.article_id as string)), key: rowKey(r) })), more };
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
