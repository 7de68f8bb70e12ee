import type { Span } from '../model/span.js';
import { storedDate, storedDay } from '../model/date.js';
import type { ArticleFilter, ArticleHit, QuoteFilter, StoredQuote } from './types.js';

/**
 * SQL for the article and quote filters of the SQLite store: placeholders only, never values in
 * the text. Each builder gives the rows' query and the count's, which share one WHERE clause.
 */
export interface FilterSql {
  sql: string;
  count: string;
  params: unknown[];
  /** limit and offset, for `sql` only */
  page: [number, number];
}

/** Marks FTS5's `snippet()` puts around matches: private-use characters no article contains. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * A user's words as an FTS5 query that cannot be a syntax error: each word or "quoted phrase"
 * becomes an FTS5 string (all of them required); a word ending in `*` matches as a prefix;
 * operators (AND, OR, NEAR) are words like any other.
 * Undefined when nothing searchable is left.
 *
 * @example ftsQuery('sanctions "foreign minister" Lavr*') // '"sanctions" "foreign minister" "Lavr"*'
 */
export function ftsQuery(q: string): string | undefined {
  const parts: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (phrase) parts.push(`"${phrase}"`);
      continue;
    }
    // outside quotes, punctuation separates words: "NEAR(a" is two words, not an operator
    for (const w of m[2].split(/[^\p{L}\p{N}*]+/u)) {
      const word = w.replace(/\*/g, '');
      if (word) parts.push(`"${word}"${w.endsWith('*') ? '*' : ''}`);
    }
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** The articles a filter selects; with `q`, best match first (FTS5 rank), else newest first. @example articleSql({ q: 'oil', limit: 5 }).fts // true */
export function articleSql(f: ArticleFilter): FilterSql & { fts: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  const match = f.q === undefined ? undefined : ftsQuery(f.q);
  // words that hold nothing searchable ("--", "!") match nothing rather than everything
  if (f.q !== undefined && match === undefined) where.push('0');
  if (match !== undefined) {
    where.push('article_search MATCH ?');
    params.push(match);
  }
  if (f.source !== undefined) {
    where.push('a.source = ? COLLATE NOCASE');
    params.push(f.source);
  }
  if (f.actor !== undefined) {
    where.push('EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND (e.source_country = ? OR e.target_country = ?))');
    params.push(f.actor, f.actor);
  }
  // dates may be full timestamps ("2021-03-23T09:30:00Z"): compare their day
  if (f.from !== undefined) {
    where.push('substr(a.date, 1, 10) >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    where.push('substr(a.date, 1, 10) <= ?');
    params.push(f.to);
  }
  const fts = match !== undefined;
  const from = fts
    ? 'article_search s JOIN article_keys k ON k.n = s.rowid JOIN articles a ON a.id = k.article_id'
    : 'articles a';
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // snippet of the body (column 1), about 24 tokens around the best match
  const cols = `a.id, a.title, a.date, a.source, a.url${fts ? `, snippet(article_search, 1, '${OPEN}', '${CLOSE}', '…', 24) AS snippet` : ''}`;
  return {
    sql: `SELECT ${cols} FROM ${from} ${cond} ORDER BY ${fts ? 's.rank' : 'a.date DESC, a.id'} LIMIT ? OFFSET ?`,
    count: `SELECT count(*) FROM ${from} ${cond}`,
    params,
    page: [f.limit ?? -1, f.offset ?? 0],
    fts,
  };
}

/** One row of `articleSql` as an `ArticleHit`, the snippet's marks turned into offsets. @example articleHit({ id: 'a1', title: null, date: null, source: null, url: null }) // { id: 'a1' } */
export function articleHit(r: Record<string, unknown>): ArticleHit {
  const hit: ArticleHit = { id: r.id as string };
  for (const k of ['title', 'source', 'url'] as const) if (r[k] !== null) hit[k] = r[k] as string;
  const date = storedDate(r.date); // a bad stored value is undated, never an error
  if (date) hit.date = date;
  if (typeof r.snippet === 'string') {
    const { text, matches } = unmark(r.snippet);
    hit.snippet = text;
    hit.snippetMatches = matches;
  }
  return hit;
}

/** @example unmark('a \uE000b\uE001 c') // { text: 'a b c', matches: [{ start: 2, end: 3 }] } */
function unmark(marked: string): { text: string; matches: Span[] } {
  let text = '';
  const matches: Span[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === OPEN) open = text.length;
    else if (ch === CLOSE) {
      if (open >= 0) matches.push({ start: open, end: text.length });
      open = -1;
    } else text += ch;
  }
  return { text, matches };
}

/** The WHERE conditions of a quote filter and their parameters; `own` when they read nothing of the article. */
function quoteWhere(f: QuoteFilter): { where: string[]; params: unknown[]; own: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => (where.push(cond), params.push(...values));
  const day = 'substr(coalesce(q.date, a.date), 1, 10)';
  if (f.speaker !== undefined) add(`q.speaker LIKE ? ESCAPE '\\'`, `%${likeEscape(f.speaker)}%`);
  if (f.speakerName !== undefined) add('q.speaker = ?', f.speakerName);
  if (f.actor !== undefined) add(`(q.speaker_code LIKE ? ESCAPE '\\' OR q.speaker_country = ?)`, `${likeEscape(f.actor)}%`, f.actor);
  if (f.country !== undefined) add('q.speaker_country = ?', f.country);
  if (f.kind !== undefined) add('q.kind = ?', f.kind);
  if (f.about !== undefined) {
    // an event said inside the quote names the actor, and the speaker is not the actor's
    add(`EXISTS (SELECT 1 FROM events e WHERE e.article_id = q.article_id AND json_extract(e.data, '$.quote') = q.n
        AND (e.source_country = ? OR e.target_country = ?))
      AND NOT (coalesce(q.speaker_code, '') LIKE ? ESCAPE '\\' OR coalesce(q.speaker_country, '') = ?)`, f.about, f.about, `${likeEscape(f.about)}%`, f.about);
  }
  // SQLite's substr counts code points where the offsets count UTF-16 units: a quote after an
  // emoji is searched one character off, which a part-of-text search tolerates
  if (f.q !== undefined) add(`instr(lower(substr(a.text, q.start + 1, q."end" - q.start)), lower(?)) > 0`, f.q);
  if (f.outlet !== undefined) add('a.source = ?', f.outlet);
  if (f.from !== undefined) add(`${day} >= ?`, f.from);
  if (f.to !== undefined) add(`${day} <= ?`, f.to);
  const own = f.q === undefined && f.outlet === undefined && f.from === undefined && f.to === undefined;
  return { where, params, own };
}

/** The quotes a filter selects, newest first. @example quoteSql({ speaker: 'Lavrov' }).params // ['%Lavrov%'] */
export function quoteSql(f: QuoteFilter): FilterSql {
  const { where, params, own } = quoteWhere(f);
  const day = 'substr(coalesce(q.date, a.date), 1, 10)';
  const from = 'quotes q JOIN articles a ON a.id = q.article_id';
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT q.article_id, q.n, q.start, q."end", q.kind, q.speaker, q.speaker_code, q.cue, q.medium, q.confidence, q.rule,
        ${day} AS day, a.text, a.title, a.source, a.date AS article_date
      FROM ${from} ${cond} ORDER BY day DESC, q.article_id, q.n LIMIT ? OFFSET ?`,
    // a count that needs nothing of the article reads the quotes alone
    count: `SELECT count(*) FROM ${own ? 'quotes q' : from} ${cond}`,
    params,
    page: [f.limit ?? -1, f.offset ?? 0],
  };
}

/** The columns the quote facets count. */
export const FACET_COLUMNS = { speakers: 'q.speaker', countries: 'q.speaker_country', outlets: 'a.source', kinds: 'q.kind' } as const;

/** SQL counting one facet's values over the quotes a filter selects, most first, then by value; the limit is the last parameter. */
export function quoteFacetSql(f: QuoteFilter, column: string): { sql: string; params: unknown[] } {
  const { where, params } = quoteWhere(f);
  where.push(`${column} IS NOT NULL`);
  return {
    sql: `SELECT ${column} AS value, count(*) AS n FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE ${where.join(' AND ')} GROUP BY ${column} ORDER BY n DESC, value LIMIT ?`,
    params,
  };
}

/** One row of `quoteSql` as a `StoredQuote`; the text is cut from the body here, in UTF-16 offsets. @example storedQuote(row).text === row.text.slice(row.start, row.end) */
export function storedQuote(r: Record<string, unknown>): StoredQuote {
  const start = r.start as number;
  const end = r.end as number;
  const article: StoredQuote['article'] = {};
  if (r.title !== null) article.title = r.title as string;
  if (r.source !== null) article.source = r.source as string;
  const articleDate = storedDate(r.article_date);
  if (articleDate) article.date = articleDate;
  const q: StoredQuote = {
    articleId: r.article_id as string, index: r.n as number, start, end, kind: r.kind as StoredQuote['kind'],
    text: (r.text as string).slice(start, end), confidence: r.confidence as number, rule: r.rule as string, article,
  };
  const opt = { speaker: r.speaker, speakerCode: r.speaker_code, cue: r.cue, medium: r.medium, date: storedDay(r.day) };
  for (const [k, v] of Object.entries(opt)) if (v !== null && v !== undefined) (q as unknown as Record<string, unknown>)[k] = v;
  // the article last, as the API lists the fields
  delete (q as Partial<StoredQuote>).article;
  q.article = article;
  return q;
}

function likeEscape(v: string): string {
  return v.replace(/[\\%_]/g, (c) => '\\' + c);
}
