import type { PackedArticle } from './codec.js';
import { eventGroup } from './codec.js';

/*
 * How the PostgreSQL store writes one article: the statement and its parameters (postgres.ts runs it).
 */

/** One statement an article: a rerun or a concurrent writer finds the row and adds no child rows. */
export const PUT_SQL = `WITH a AS (
    INSERT INTO articles (id, format, encoding, input_length, title, date, source, url, author, language,
      text, meta, captions, removed, source_map, paragraphs, sentences, tokens, n_sentences, mentions, syntax, ingested_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $52, now())
    ON CONFLICT (id) DO NOTHING RETURNING id
  ), q AS (
    INSERT INTO quotes (article_id, n, start, "end", kind, speaker, speaker_code, speaker_country, cue, medium, confidence, rule, date, data)
    SELECT a.id, x.* FROM a, unnest($22::int[], $23::int[], $24::int[], $25::text[], $26::text[], $27::text[], $28::text[],
      $29::text[], $30::text[], $31::float8[], $32::text[], $33::text[], $34::text[]) AS x
  ), e AS (
    INSERT INTO events (article_id, n, grp, source, source_country, target, target_country, code, root, plover, goldstein, quad,
      date, negated, modality, rule, confidence, data)
    SELECT a.id, x.* FROM a, unnest($35::int[], $36::text[], $37::text[], $38::text[], $39::text[], $40::text[], $41::text[], $42::text[],
      $43::text[], $44::float8[], $45::smallint[], $46::text[], $47::bool[], $48::text[], $49::text[], $50::float8[], $51::text[]) AS x
  ), o AS (
    INSERT INTO origins (origin, article_id, seen_at) VALUES ($21, $1, now())
    ON CONFLICT (origin) DO UPDATE SET article_id = excluded.article_id, seen_at = excluded.seen_at
  ), d AS (
    DELETE FROM skipped WHERE origin = $21
  )
  SELECT count(*)::int AS stored FROM a`;

/** PostgreSQL text cannot hold NUL; the columns made from metadata are for listing, the JSON keeps the original. */
export function noNul<T extends string | null | undefined>(s: T): T {
  return (typeof s === 'string' && s.includes('\u0000') ? s.replace(/\u0000/g, '\uFFFD') : s) as T;
}

export function putParams(a: PackedArticle): unknown[] {
  const m = a.meta;
  const q = a.quotes;
  const ev = a.events;
  return [
    a.id, a.format, a.encoding, a.inputLength,
    noNul(m.title?.value ?? null), noNul(m.date?.value ?? null), noNul(m.source?.value ?? null), noNul(m.url?.value ?? null),
    noNul(m.author?.value ?? null), noNul(m.language?.value ?? null),
    a.text, JSON.stringify(m), JSON.stringify(a.captions), JSON.stringify(a.removed),
    a.packed.sourceMap, a.packed.paragraphs, a.packed.sentences, a.packed.tokens, a.packed.nSentences, a.packed.mentions,
    noNul(a.origin),
    q.map((_, n) => n), q.map((x) => x.start), q.map((x) => x.end), q.map((x) => x.kind),
    q.map((x) => noNul(x.speaker ?? null)), q.map((x) => x.speakerActor?.code ?? null), q.map((x) => x.speakerActor?.country ?? null),
    q.map((x) => noNul(x.cue ?? null)), q.map((x) => noNul(x.medium ?? null)), q.map((x) => x.confidence), q.map((x) => x.rule),
    q.map((x) => x.date ?? null), q.map((x) => JSON.stringify(x)),
    ev.map((_, n) => n), ev.map(eventGroup), ev.map((e) => e.source.code), ev.map((e) => e.source.country),
    ev.map((e) => e.target?.code ?? null), ev.map((e) => e.target?.country ?? null), ev.map((e) => e.code), ev.map((e) => e.root),
    ev.map((e) => e.plover?.event ?? null), ev.map((e) => e.goldstein), ev.map((e) => e.quad), ev.map((e) => e.date ?? null),
    ev.map((e) => e.negated), ev.map((e) => e.modality), ev.map((e) => e.rule), ev.map((e) => e.confidence), ev.map((e) => JSON.stringify(e)),
    // $52, numbered after the child rows' arrays so that adding the layer renumbered none of them
    a.packed.syntax ?? null,
  ];
}
