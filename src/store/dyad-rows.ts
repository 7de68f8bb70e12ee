import { storedEvent } from './codec.js';
import type { DyadViewFilter, EventKey, KeyedEvent, StoredEvent } from './types.js';

/*
 * The dyad explorer's query, written once for both stores: keyset pages of one dyad's events,
 * newest first by (date, row id). Each direction of an undirected dyad is read on its own, in
 * index order, and the two merged: an OR over both would make the database gather and sort every
 * event of a busy dyad to serve a page of 50.
 */

/** How one database spells what differs: placeholders, "not negated", a row id parameter. */
export interface Dialect {
  /** the placeholder for one more parameter (`?`, or `$n` as it pushes the value) */
  mark(value: unknown): string;
  notNegated: string;
  /** a row id parameter as the id column's type */
  id(placeholder: string): string;
}

/** The columns `storedEvent` (codec.ts) reads, and the row id. */
const COLUMNS = 'e.*, a.source AS outlet, a.url AS url, a.date AS article_date';

/** The WHERE conditions of the view for events from `source` to `target`, without the key bound. */
function conditions(f: DyadViewFilter, source: string, target: string, d: Dialect): string[] {
  const where = [`e.source_country = ${d.mark(source)}`, `e.target_country = ${d.mark(target)}`, 'e.date IS NOT NULL', d.notNegated];
  if (f.from !== undefined) where.push(`e.date >= ${d.mark(f.from)}`);
  if (f.to !== undefined) where.push(`e.date <= ${d.mark(f.to)}`);
  if (f.quad !== undefined) where.push(`e.quad = ${d.mark(f.quad)}`);
  // a code is digits (the API checks it), so LIKE's own characters never occur in it
  if (f.code !== undefined) where.push(`e.code LIKE ${d.mark(f.code.replace(/[\\%_]/g, '') + '%')}`);
  if (f.outlet !== undefined) where.push(`a.source = ${d.mark(f.outlet)}`);
  if (f.minConfidence !== undefined) where.push(`e.confidence >= ${d.mark(f.minConfidence)}`);
  return where;
}

/** The directions the view reads: A→B, and B→A too when undirected (once when A is B). */
function directions(f: DyadViewFilter): [string, string][] {
  const [a, b] = f.dyad;
  return f.undirected && a !== b ? [[a, b], [b, a]] : [[a, b]];
}

/**
 * SQL for up to `limit` rows past `key` (none: from the newest), older (`before`) or newer
 * (`after`); rows come newest first when reading older and oldest first when reading newer.
 */
export function dyadPageSql(f: DyadViewFilter, page: { limit: number; before?: EventKey; after?: EventKey }, d: Dialect): string {
  const newer = page.after !== undefined;
  const key = page.after ?? page.before;
  const order = newer ? 'ASC' : 'DESC';
  const branches = directions(f).map(([s, t]) => {
    const where = conditions(f, s, t, d);
    if (key) where.push(`(e.date, e.id) ${newer ? '>' : '<'} (${d.mark(key.date)}, ${d.id(d.mark(key.id))})`);
    return `SELECT ${COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id
      WHERE ${where.join(' AND ')} ORDER BY e.date ${order}, e.id ${order} LIMIT ${d.mark(page.limit)}`;
  });
  if (branches.length === 1) return branches[0];
  const [ab, ba] = branches;
  return `SELECT * FROM (SELECT * FROM (${ab}) AS ab UNION ALL SELECT * FROM (${ba}) AS ba) AS both_ways
    ORDER BY date ${order}, id ${order} LIMIT ${d.mark(page.limit)}`;
}

/** SQL counting the view's events (both directions once each). */
export function dyadCountSql(f: DyadViewFilter, d: Dialect): string {
  const either = directions(f).map(([s, t]) => `(${conditions(f, s, t, d).join(' AND ')})`);
  return `SELECT count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id WHERE ${either.join(' OR ')}`;
}

type Row = Record<string, unknown>;

/**
 * A keyset page from `rows`, read with one row past `page.limit` (newest first reading older,
 * oldest first reading newer): the page newest first, each event with its key, and whether rows
 * lie beyond it. `texts` gives the texts of the kept rows' articles, each read once.
 */
export async function keyedPage(rows: Row[], page: { limit: number; after?: EventKey }, texts: (kept: { article_id: string }[]) => Map<string, string> | Promise<Map<string, string>>): Promise<{ items: KeyedEvent[]; more: boolean }> {
  const kept = rows.slice(0, page.limit) as (Row & { article_id: string })[];
  if (page.after !== undefined) kept.reverse();
  const text = await texts(kept);
  return { items: kept.map((r) => ({ ...storedEvent(r, text.get(r.article_id)!), key: rowKey(r) })), more: rows.length > page.limit };
}

/** A row's key; PostgreSQL hands a bigint over as a string, SQLite as a number. */
export function rowKey(r: Record<string, unknown>): EventKey {
  return { date: String(r.date), id: String(r.id) };
}

/**
 * The view's test on a stored event (as `listEvents` and `eventsInSnapshot` give them): what the
 * SQL above selects, for the routes that read a dyad's events whole and narrow them here.
 *
 * @example inDyadView(e, { dyad: ['RUS', 'EU'], undirected: true, quad: 4 })
 */
export function inDyadView(e: StoredEvent, f: DyadViewFilter): boolean {
  const [a, b] = f.dyad;
  const ab = e.sourceCountry === a && e.targetCountry === b;
  const ba = f.undirected === true && e.sourceCountry === b && e.targetCountry === a;
  return (ab || ba) && e.date !== undefined && !e.negated
    && (f.from === undefined || e.date >= f.from) && (f.to === undefined || e.date <= f.to)
    && (f.quad === undefined || e.quad === f.quad) && (f.code === undefined || e.code.startsWith(f.code))
    && (f.outlet === undefined || e.outlet === f.outlet) && (f.minConfidence === undefined || e.confidence >= f.minConfidence);
}
