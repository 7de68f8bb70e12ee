import type pg from 'pg';
import { likeLiteral } from './postgres-search.js';
import type { EventFilter } from './types.js';
import { notMarkedWrong } from './correction-rows.js';
import { postgresJsonInt } from './postgres-corrections.js';

/*
 * The events of the PostgreSQL store: the query behind listEvents, countEvents and
 * eventsInSnapshot, and the article texts their sentences are cut from.
 */

/** SQL and parameters for an event filter (or its count), with the SQLite store's meaning (see its eventQuery). */
export function eventQuery(f: EventFilter, count = false): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  // SQLite's LIKE ignores ASCII case; ILIKE keeps prefix filters answering the same
  const prefix = (col: string, v: string) => where.push(`${col} ILIKE ${p(likeLiteral(v) + '%')}`);
  if (f.actor !== undefined) {
    const like = p(likeLiteral(f.actor) + '%');
    const eq = p(f.actor);
    where.push(`(e.source ILIKE ${like} OR e.target ILIKE ${like} OR e.source_country = ${eq} OR e.target_country = ${eq})`);
  }
  if (f.source !== undefined) prefix('e.source', f.source);
  if (f.target !== undefined) prefix('e.target', f.target);
  if (f.dyad) {
    const [a, b] = [p(f.dyad[0]), p(f.dyad[1])];
    where.push(
      f.undirected
        ? `((e.source_country = ${a} AND e.target_country = ${b}) OR (e.source_country = ${b} AND e.target_country = ${a}))`
        : `e.source_country = ${a} AND e.target_country = ${b}`,
    );
  }
  if (f.code !== undefined) prefix('e.code', f.code);
  if (f.plover !== undefined) where.push(`e.plover = ${p(f.plover)}`);
  if (f.quad !== undefined) where.push(`e.quad = ${p(f.quad)}`);
  if (f.from !== undefined) where.push(`e.date >= ${p(f.from)}`);
  if (f.to !== undefined) where.push(`e.date <= ${p(f.to)}`);
  if (!f.negated) where.push('NOT e.negated');
  if (!f.wrong) where.push(notMarkedWrong(postgresJsonInt));
  if (count) return { sql: `SELECT count(*)::int AS n FROM events e ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`, params };
  const sql = `SELECT e.*, a.source AS outlet, a.url AS url, a.date AS article_date FROM events e JOIN articles a ON a.id = e.article_id
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY e.date NULLS FIRST, e.article_id, e.n
    LIMIT ${p(f.limit ?? null)} OFFSET ${p(f.offset ?? 0)}`;
  return { sql, params };
}

/** The texts of the articles `rows` of events belong to, each once, by article id. */
export async function articleTexts(db: pg.Pool | pg.PoolClient, rows: { article_id: string }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.article_id))];
  const texts = new Map<string, string>();
  if (ids.length) for (const t of (await db.query('SELECT id, text FROM articles WHERE id = ANY($1)', [ids])).rows) texts.set(t.id, t.text);
  return texts;
}
