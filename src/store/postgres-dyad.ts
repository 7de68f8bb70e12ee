import type pg from 'pg';
import { dyadCountSql, dyadPageSql, keyedPage, type Dialect } from './dyad-rows.js';
import { articleTexts } from './postgres-events.js';
import type { DyadStore, DyadViewFilter, EventKey, KeyedEvent } from './types.js';

/** The dyad explorer's keyset pages in the PostgreSQL store (dyad-rows.ts); `PostgresStore` hands these calls on. */
export class PostgresDyads implements DyadStore {
  constructor(private readonly pool: pg.Pool) {}

  async dyadEvents(f: DyadViewFilter, page: { limit: number; before?: EventKey; after?: EventKey }): Promise<{ items: KeyedEvent[]; more: boolean }> {
    const params: unknown[] = [];
    // one row past the page says whether there is more
    const sql = dyadPageSql(f, { ...page, limit: page.limit + 1 }, postgres(params));
    const { rows } = await this.pool.query(sql, params);
    return keyedPage(rows, page, (kept) => articleTexts(this.pool, kept));
  }

  async countDyadEvents(f: DyadViewFilter): Promise<number> {
    const params: unknown[] = [];
    const { rows } = await this.pool.query(dyadCountSql(f, postgres(params)), params);
    return Number(rows[0].n);
  }
}

function postgres(params: unknown[]): Dialect {
  return { mark: (v) => `$${params.push(v)}`, notNegated: 'NOT e.negated', id: (p) => `${p}::bigint` };
}
