import type pg from 'pg';
import { keyedPage } from './dyad-rows.js';
import { notMarkedWrong } from './correction-rows.js';
import { postgresJsonInt } from './postgres-corrections.js';
import { actorCountSql, actorPageSql, actorPartnerSql, actorPeopleSql, actorPerson, foldPartners, type ActorDialect } from './actor-rows.js';
import { articleTexts } from './postgres-events.js';
import { quoteFacetSql } from './postgres-search.js';
import { FACET_COLUMNS } from './sqlite-search.js';
import type { ActorPartner, ActorPerson, ActorRange, ActorStore, QuoteFacets } from './actor-types.js';
import type { EventKey, KeyedEvent, QuoteFilter } from './types.js';

/** The actor page's reads and the quote facets in the PostgreSQL store (actor-rows.ts); `PostgresStore` hands these calls on. */
export class PostgresActors implements ActorStore {
  constructor(private readonly pool: pg.Pool) {}

  async actorEvents(f: ActorRange, page: { limit: number; before?: EventKey; after?: EventKey }): Promise<{ items: KeyedEvent[]; more: boolean }> {
    const params: unknown[] = [];
    // one row past the page says whether there is more
    const { rows } = await this.pool.query(actorPageSql(f, { ...page, limit: page.limit + 1 }, postgres(params)), params);
    return keyedPage(rows, page, (kept) => articleTexts(this.pool, kept));
  }

  async countActorEvents(f: ActorRange): Promise<number> {
    const params: unknown[] = [];
    const { rows } = await this.pool.query(actorCountSql(f, postgres(params)), params);
    return Number(rows[0].n);
  }

  async actorPartners(f: ActorRange): Promise<ActorPartner[]> {
    const params: unknown[] = [];
    const { rows } = await this.pool.query(actorPartnerSql(f, postgres(params)), params);
    return foldPartners(rows);
  }

  async actorPeople(f: ActorRange, limit: number): Promise<ActorPerson[]> {
    const params: unknown[] = [];
    const { rows } = await this.pool.query(actorPeopleSql(f, limit, postgres(params)), params);
    return rows.map(actorPerson);
  }

  async quoteFacets(f: QuoteFilter, limit: number): Promise<QuoteFacets> {
    const facet = async (column: string) => {
      const { sql, params } = quoteFacetSql(f, column, limit);
      return (await this.pool.query(sql, params)).rows.map((r) => ({ value: String(r.value), count: Number(r.n) }));
    };
    const [speakers, countries, outlets, kinds] = await Promise.all([facet(FACET_COLUMNS.speakers), facet(FACET_COLUMNS.countries), facet(FACET_COLUMNS.outlets), facet(FACET_COLUMNS.kinds)]);
    return { speakers, countries, outlets, kinds };
  }
}

function postgres(params: unknown[]): ActorDialect {
  return { mark: (v) => `$${params.push(v)}`, notNegated: 'NOT e.negated', id: (p) => `${p}::bigint`, like: 'ILIKE', binary: ' COLLATE "C"', notWrong: notMarkedWrong(postgresJsonInt) };
}
