/**
 * Repairs the dates of a store written before every date was read by `readDate`: a value that
 * reads as a date is rewritten in its ISO form ("20190301" → "2019-03-01"), one that does not
 * ("2019-13-01", "0000-00-00", "soon", a far-future day) becomes NULL, and the article's
 * metadata says so. Both stores run it as a migration; running it again changes nothing.
 */
import type { ArticleMeta } from '../model/article.js';
import { dayOfDate, readDate } from '../model/date.js';

/** The tables with a date column: what it holds, and the JSON column that repeats it. */
export const DATED_TABLES = [
  { table: 'articles', key: 'id', json: 'meta', day: false },
  { table: 'events', key: 'id', json: 'data', day: true },
  { table: 'quotes', key: 'id', json: 'data', day: true },
] as const;
export type DatedTable = (typeof DATED_TABLES)[number];

/** What to store for `value`: `keep`, or the repaired value (null: no date) and why. */
export type Repair = { keep: true } | { keep: false; value: string | null; reason: string };

/**
 * @example repairOf('20190301', true, now) // { keep: false, value: '2019-03-01', reason: … }
 * @example repairOf('2019-13-01', true, now) // { keep: false, value: null, reason: 'there is no month 13' }
 */
export function repairOf(value: string, day: boolean, now: number): Repair {
  const r = readDate(value, now);
  if (!r.ok) return { keep: false, value: null, reason: r.reason };
  const fixed = day ? dayOfDate(r.value) : r.value;
  return fixed === value ? { keep: true } : { keep: false, value: fixed, reason: `rewritten as ${fixed}` };
}

/** A row's JSON column with the repaired date in it, or the column unchanged when it is not JSON. */
export function repairedJson(t: DatedTable, json: string, was: string, fix: Exclude<Repair, { keep: true }>): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  if (o === null || typeof o !== 'object') return json;
  if (t.table !== 'articles') {
    if (fix.value === null) delete o.date;
    else if ('date' in o) o.date = fix.value;
    return JSON.stringify(o);
  }
  const meta = o as ArticleMeta;
  if (fix.value !== null) {
    meta.date = { ...(meta.date ?? { by: 'given' }), value: fix.value };
  } else {
    const by = meta.date?.by ?? 'given';
    delete meta.date;
    meta.rejectedDate = { value: was, by, evidence: `the stored date ${JSON.stringify(was)} rejected by the store's date repair: ${fix.reason}`, rule: 'date-repair' };
  }
  return JSON.stringify(meta);
}

/** An event's de-duplication key (`…@day`) with the repaired day. */
export function repairedGroup(grp: string, day: string | null): string {
  const at = grp.lastIndexOf('@');
  return at < 0 ? grp : grp.slice(0, at + 1) + (day ?? '');
}

/** The statements a repair runs, for a store's placeholder style (`?` or `$n`). */
export function repairSql(t: DatedTable, p: (n: number) => string) {
  const grp = t.table === 'events' ? `, grp = ${p(3)}` : '';
  return {
    values: `SELECT DISTINCT date FROM ${t.table} WHERE date IS NOT NULL`,
    rows: `SELECT ${t.key} AS key, ${t.json} AS json${t.table === 'events' ? ', grp' : ''} FROM ${t.table} WHERE date = ${p(1)}`,
    update: `UPDATE ${t.table} SET date = ${p(1)}, ${t.json} = ${p(2)}${grp} WHERE ${t.key} = ${p(t.table === 'events' ? 4 : 3)}`,
  };
}

/** The new values of one row: date, JSON column and (events) group key, then the row's key. */
export function repairedRow(t: DatedTable, row: { key: unknown; json: string; grp?: string }, was: string, fix: Exclude<Repair, { keep: true }>): unknown[] {
  const out: unknown[] = [fix.value, repairedJson(t, row.json, was, fix)];
  if (t.table === 'events') out.push(repairedGroup(row.grp ?? '', fix.value));
  out.push(row.key);
  return out;
}
