import type Database from 'better-sqlite3';
import { keyedPage } from './dyad-rows.js';
import { articleTexts } from './sqlite-dyad.js';
import { notMarkedWrong } from './correction-rows.js';
import { sqliteJsonInt } from './sqlite-corrections.js';
import { actorCountSql, actorPageSql, actorPartnerSql, actorPeopleSql, actorPerson, foldPartners, type ActorDialect } from './actor-rows.js';
import { FACET_COLUMNS, quoteFacetSql } from './sqlite-search.js';
import type { ActorPartner, ActorPerson, ActorRange, ActorStore, QuoteFacets } from './actor-types.js';
import type { EventKey, KeyedEvent, QuoteFilter } from './types.js';

type Row = Record<string, unknown>;

/** The actor page's reads and the quote facets in the SQLite store (actor-rows.ts); `SqliteStore` hands these calls on. */
export class SqliteActors implements ActorStore {
  private readonly textOf;

  constructor(private readonly db: Database.Database) {
    this.textOf = db.prepare('SELECT text FROM articles WHERE id = ?').pluck();
  }

  async actorEvents(f: ActorRange, page: { limit: number; before?: EventKey; after?: EventKey }): Promise<{ items: KeyedEvent[]; more: boolean }> {
    const params: unknown[] = [];
    // one row past the page says whether there is more
    const rows = this.db.prepare(actorPageSql(f, { ...page, limit: page.limit + 1 }, sqlite(params))).all(...params) as Row[];
    return keyedPage(rows, page, (kept) => articleTexts(this.textOf, kept));
  }

  async countActorEvents(f: ActorRange): Promise<number> {
    const params: unknown[] = [];
    const sql = actorCountSql(f, sqlite(params));
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }

  async actorPartners(f: ActorRange): Promise<ActorPartner[]> {
    const params: unknown[] = [];
    const sql = actorPartnerSql(f, sqlite(params));
    return foldPartners(this.db.prepare(sql).all(...params) as Row[]);
  }

  async actorPeople(f: ActorRange, limit: number): Promise<ActorPerson[]> {
    const params: unknown[] = [];
    const sql = actorPeopleSql(f, limit, sqlite(params));
    return (this.db.prepare(sql).all(...params) as Row[]).map(actorPerson);
  }

  async quoteFacets(f: QuoteFilter, limit: number): Promise<QuoteFacets> {
    const facet = (column: string) => {
      const { sql, params } = quoteFacetSql(f, column);
      return (this.db.prepare(sql).all(...params, limit) as Row[]).map((r) => ({ value: String(r.value), count: Number(r.n) }));
    };
    return { speakers: facet(FACET_COLUMNS.speakers), countries: facet(FACET_COLUMNS.countries), outlets: facet(FACET_COLUMNS.outlets), kinds: facet(FACET_COLUMNS.kinds) };
  }
}

function sqlite(params: unknown[]): ActorDialect {
  return { mark: (v) => (params.push(v), '?'), notNegated: 'e.negated = 0', id: (p) => p, like: 'LIKE', binary: '', notWrong: notMarkedWrong(sqliteJsonInt) };
}
