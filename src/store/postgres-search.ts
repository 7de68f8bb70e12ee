import type { ArticleFilter, QuoteFilter } from './types.js';

/**
 * SQL for the article and quote filters of the PostgreSQL store, with the meaning the SQLite store
 * gives them (src/store/sqlite-search.ts): rows come out in the same shape, so its `articleHit`
 * and `storedQuote` read them. Placeholders only, never values in the text.
 */
export interface FilterSql {
  sql: string;
  count: string;
  params: unknown[];
}

/** The marks `ts_headline` puts around matches: the private-use characters `articleHit` expects. */
const HEADLINE = 'StartSel=\uE000, StopSel=\uE001, MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "';

/**
 * A user's words as a tsquery expression that cannot be a syntax error: each word or "quoted
 * phrase" is required; a word ending in `*` matches as a prefix; operators are words like any
 * other. Undefined when nothing searchable is left.
 *
 * @example tsQuery('"rail link" Pol*', (v) => `$${v}`) // "(phraseto_tsquery('english', $rail link) && to_tsquery('english', $'pol':*))"
 */
export function tsQuery(q: string, p: (v: unknown) => string): string | undefined {
  const parts: string[] = [];
  for (const m of q.matchAll(/"([^"]*)"|([^\s"]+)/g)) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      if (phrase) parts.push(`phraseto_tsquery('english', ${p(phrase)})`);
      continue;
    }
    for (const w of m[2].split(/[^\p{L}\p{N}*]+/u)) {
      const word = w.replace(/\*/g, '');
      if (!word) continue;
      parts.push(w.endsWith('*') ? `to_tsquery('english', ${p(`'${word.toLowerCase()}':*`)})` : `plainto_tsquery('english', ${p(word)})`);
    }
  }
  return parts.length ? `(${parts.join(' && ')})` : undefined;
}

/** The articles a filter selects; with `q`, best match first, else newest first. */
export function articleSql(f: ArticleFilter): FilterSql {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const query = f.q === undefined ? undefined : tsQuery(f.q, p);
  // words that hold nothing searchable match nothing rather than everything
  if (f.q !== undefined && query === undefined) where.push('FALSE');
  if (query !== undefined) where.push(`a.search @@ ${query}`);
  if (f.source !== undefined) where.push(`lower(a.source) = lower(${p(f.source)})`);
  if (f.actor !== undefined) {
    const x = p(f.actor);
    where.push(`EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND (e.source_country = ${x} OR e.target_country = ${x}))`);
  }
  // dates may be full timestamps: compare their day
  if (f.from !== undefined) where.push(`substr(a.date, 1, 10) >= ${p(f.from)}`);
  if (f.to !== undefined) where.push(`substr(a.date, 1, 10) <= ${p(f.to)}`);
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = `SELECT count(*)::int AS n FROM articles a ${cond}`;
  const page = `LIMIT ${p(f.limit ?? null)} OFFSET ${p(f.offset ?? 0)}`;
  if (query === undefined) {
    return { sql: `SELECT a.id, a.title, a.date, a.source, a.url FROM articles a ${cond} ORDER BY a.date DESC NULLS LAST, a.id ${page}`, count, params };
  }
  // the passage is made for the page's rows only: ts_headline reads the whole body
  const sql = `SELECT h.id, h.title, h.date, h.source, h.url, ts_headline('english', a.text, ${query}, ${p(HEADLINE)}) AS snippet
    FROM (SELECT a.id, a.title, a.date, a.source, a.url, ts_rank(a.search, ${query}) AS rank FROM articles a ${cond}
          ORDER BY rank DESC, a.id ${page}) h
    JOIN articles a ON a.id = h.id ORDER BY h.rank DESC, h.id`;
  return { sql, count, params };
}

/** The WHERE conditions of a quote filter (SQLite's meaning: see its quoteWhere), its values pushed through `p`. */
function quoteWhere(f: QuoteFilter, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  const day = 'substr(coalesce(q.date, a.date), 1, 10)';
  if (f.speaker !== undefined) where.push(`q.speaker ILIKE ${p(`%${likeLiteral(f.speaker)}%`)}`);
  if (f.speakerName !== undefined) where.push(`q.speaker = ${p(f.speakerName)}`);
  if (f.actor !== undefined) where.push(`(q.speaker_code ILIKE ${p(`${likeLiteral(f.actor)}%`)} OR q.speaker_country = ${p(f.actor)})`);
  if (f.country !== undefined) where.push(`q.speaker_country = ${p(f.country)}`);
  if (f.kind !== undefined) where.push(`q.kind = ${p(f.kind)}`);
  if (f.about !== undefined) {
    const x = p(f.about);
    where.push(`EXISTS (SELECT 1 FROM events e WHERE e.article_id = q.article_id AND (e.data::jsonb ->> 'quote')::int = q.n
        AND (e.source_country = ${x} OR e.target_country = ${x}))
      AND NOT (coalesce(q.speaker_code, '') ILIKE ${p(`${likeLiteral(f.about)}%`)} OR coalesce(q.speaker_country, '') = ${x})`);
  }
  // substr counts code points, as SQLite's does: the same tolerance after an emoji
  if (f.q !== undefined) where.push(`strpos(lower(substr(a.text, q.start + 1, q."end" - q.start)), lower(${p(f.q)})) > 0`);
  if (f.outlet !== undefined) where.push(`a.source = ${p(f.outlet)}`);
  if (f.from !== undefined) where.push(`${day} >= ${p(f.from)}`);
  if (f.to !== undefined) where.push(`${day} <= ${p(f.to)}`);
  return where;
}

/** The quotes a filter selects, newest first. */
export function quoteSql(f: QuoteFilter): FilterSql {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = quoteWhere(f, p);
  const day = 'substr(coalesce(q.date, a.date), 1, 10)';
  const from = 'quotes q JOIN articles a ON a.id = q.article_id';
  const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const count = `SELECT count(*)::int AS n FROM ${from} ${cond}`;
  const sql = `SELECT q.article_id, q.n, q.start, q."end", q.kind, q.speaker, q.speaker_code, q.cue, q.medium, q.confidence, q.rule,
      ${day} AS day, a.text, a.title, a.source, a.date AS article_date
    FROM ${from} ${cond} ORDER BY day DESC NULLS LAST, q.article_id, q.n LIMIT ${p(f.limit ?? null)} OFFSET ${p(f.offset ?? 0)}`;
  return { sql, count, params };
}

/** SQL counting one facet's values over the quotes a filter selects, most first, then by value (byte order, as SQLite's). */
export function quoteFacetSql(f: QuoteFilter, column: string, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = [...quoteWhere(f, p), `${column} IS NOT NULL`];
  return {
    sql: `SELECT ${column} AS value, count(*)::int AS n FROM quotes q JOIN articles a ON a.id = q.article_id
      WHERE ${where.join(' AND ')} GROUP BY ${column} ORDER BY n DESC, ${column} COLLATE "C" LIMIT ${p(limit)}`,
    params,
  };
}

/** A string matched literally by LIKE (whose escape character is the backslash). */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
