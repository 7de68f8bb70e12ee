import type { Span } from '../model/span.js';
import type { Article, ArticleMeta } from '../model/article.js';
import { storedDate, storedDay } from '../model/date.js';
import type { Actor, Mention, MentionKind } from '../model/actor.js';
import type { SourceMap } from '../model/source-map.js';
import type { CodedEvent } from '../model/event.js';
import type { StoredEvent } from './types.js';
import { VarintReader, VarintWriter } from './varint.js';
import { decodeSyntax, encodeSyntax } from './syntax-codec.js';

/**
 * Span layers are stored as blobs, not rows: a Reuters story has ~300 tokens, and a row each
 * would make ingest an order of magnitude slower. Each span is written as two variable-length
 * integers, its gap from the previous span's end (zig-zag, so overlapping layers still encode)
 * and its length: about 2 bytes a token instead of 8, which on Reuters-21578 cut the database
 * from 68 MB to about a third and the commit time with it.
 *
 * @example decodeSpans(encodeSpans([{ start: 0, end: 4 }, { start: 5, end: 9 }])) // the same two spans
 */
export function encodeSpans(spans: readonly Span[]): Buffer {
  const w = new VarintWriter(spans.length * 2 + 1);
  w.uint(spans.length);
  let prev = 0;
  for (const s of spans) {
    w.int(s.start - prev);
    w.uint(s.end - s.start);
    prev = s.end;
  }
  return w.done();
}

export function decodeSpans(buf: Uint8Array): Span[] {
  const r = new VarintReader(buf);
  const n = r.uint();
  const out: Span[] = new Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const start = prev + r.int();
    const end = start + r.uint();
    out[i] = { start, end };
    prev = end;
  }
  return out;
}

/** @example decodeSourceMap(encodeSourceMap(map)) // deep-equals map */
export function encodeSourceMap(map: SourceMap): Buffer {
  const w = new VarintWriter(map.segments.length * 4 + 1);
  w.uint(map.segments.length);
  let out = 0;
  let inp = 0;
  for (const s of map.segments) {
    w.int(s.outStart - out);
    w.uint(s.outEnd - s.outStart);
    w.int(s.inStart - inp);
    w.uint(s.inEnd - s.inStart);
    out = s.outEnd;
    inp = s.inEnd;
  }
  return w.done();
}

export function decodeSourceMap(buf: Uint8Array): SourceMap {
  const r = new VarintReader(buf);
  const n = r.uint();
  const segments = new Array(n);
  let out = 0;
  let inp = 0;
  for (let i = 0; i < n; i++) {
    const outStart = out + r.int();
    const outEnd = outStart + r.uint();
    const inStart = inp + r.int();
    const inEnd = inStart + r.uint();
    segments[i] = { outStart, outEnd, inStart, inEnd };
    out = outEnd;
    inp = inEnd;
  }
  return { segments };
}

/**
 * An article with its span layers and source map already encoded: what a worker thread hands
 * to the writing thread (a few strings and byte arrays clone far faster than ~300 span objects).
 */
export interface PackedArticle extends Omit<Article, 'spans' | 'sourceMap'> {
  /** `syntax` is absent when the article has no syntax layer (the stage did not run) */
  packed: { paragraphs: Uint8Array; sentences: Uint8Array; tokens: Uint8Array; sourceMap: Uint8Array; nSentences: number; mentions: string; syntax?: Uint8Array };
}

/** @example unpackArticle(packArticle(a)) // deep-equals a */
export function packArticle(a: Article): PackedArticle {
  const { spans, sourceMap, ...rest } = a;
  return {
    ...rest,
    packed: {
      paragraphs: encodeSpans(spans.paragraphs),
      sentences: encodeSpans(spans.sentences),
      tokens: encodeSpans(spans.tokens),
      sourceMap: encodeSourceMap(sourceMap),
      nSentences: spans.sentences.length,
      mentions: encodeMentions(spans.mentions),
      ...(spans.syntax ? { syntax: encodeSyntax(a.text, spans.syntax) } : {}),
    },
  };
}

export function unpackArticle(p: PackedArticle): Article {
  const { packed, ...rest } = p;
  return {
    ...rest,
    spans: {
      paragraphs: decodeSpans(packed.paragraphs),
      sentences: decodeSpans(packed.sentences),
      tokens: decodeSpans(packed.tokens),
      mentions: decodeMentions(packed.mentions),
      ...(packed.syntax ? { syntax: decodeSyntax(packed.syntax, rest.text) } : {}),
    },
    sourceMap: decodeSourceMap(packed.sourceMap),
  };
}

/** Packs an article unless it already is. */
export function packed(a: Article | PackedArticle): PackedArticle {
  return 'packed' in a ? a : packArticle(a);
}

/** Mentions as stored: each distinct actor and rule once, then one row of numbers a mention. */
interface StoredMentions {
  actors: Actor[];
  rules: string[];
  /** per mention: start, end, kind index, actor index, rule index, antecedent (−1: none) */
  m: number[];
}

const MENTION_KINDS: readonly MentionKind[] = ['name', 'surname', 'title', 'metonym', 'demonym', 'description', 'pronoun'];

/**
 * A Reuters story has ~20 mentions of ~6 actors; writing each actor once keeps the stored form
 * near a kilobyte.
 *
 * @example decodeMentions(encodeMentions(mentions)) // deep-equals mentions
 */
export function encodeMentions(mentions: readonly Mention[]): string {
  const actors: Actor[] = [];
  const actorIndex = new Map<string, number>();
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const m: number[] = [];
  // most mentions share their actor object with others (the dictionary's): known objects skip the
  // JSON key, which on Reuters-21578 was most of the encoding's time
  const byObject = new Map<Actor, number>();
  for (const x of mentions) {
    let ai = byObject.get(x.actor);
    if (ai === undefined) {
      const akey = JSON.stringify(x.actor);
      ai = actorIndex.get(akey);
      if (ai === undefined) actorIndex.set(akey, (ai = actors.push(x.actor) - 1));
      byObject.set(x.actor, ai);
    }
    let ri = ruleIndex.get(x.rule);
    if (ri === undefined) ruleIndex.set(x.rule, (ri = rules.push(x.rule) - 1));
    m.push(x.start, x.end, MENTION_KINDS.indexOf(x.kind), ai, ri, x.antecedent ?? -1);
  }
  return JSON.stringify({ actors, rules, m } satisfies StoredMentions);
}

export function decodeMentions(s: string): Mention[] {
  if (!s) return [];
  const { actors, rules, m } = JSON.parse(s) as StoredMentions;
  const out: Mention[] = [];
  for (let i = 0; i < m.length; i += 6) {
    const x: Mention = { start: m[i], end: m[i + 1], kind: MENTION_KINDS[m[i + 2]], actor: actors[m[i + 3]], rule: rules[m[i + 4]] };
    if (m[i + 5] >= 0) x.antecedent = m[i + 5];
    out.push(x);
  }
  return out;
}

/**
 * An article row as both stores keep it (same column names), back to the article without its
 * quotes and events, which each store reads its own way.
 */
export function articleFromColumns(r: Record<string, unknown>, origin: string): Omit<Article, 'quotes' | 'events'> {
  return {
    id: r.id as string,
    origin,
    format: r.format as Article['format'],
    encoding: r.encoding as string,
    inputLength: r.input_length as number,
    text: r.text as string,
    meta: storedMeta(JSON.parse(r.meta as string) as ArticleMeta),
    captions: JSON.parse(r.captions as string),
    removed: JSON.parse(r.removed as string),
    sourceMap: decodeSourceMap(r.source_map as Buffer),
    spans: {
      paragraphs: decodeSpans(r.paragraphs as Buffer),
      sentences: decodeSpans(r.sentences as Buffer),
      tokens: decodeSpans(r.tokens as Buffer),
      mentions: decodeMentions(r.mentions as string),
      // NULL on articles stored before the syntax stage (or ingested without it)
      ...(r.syntax ? { syntax: decodeSyntax(r.syntax as Buffer, r.text as string) } : {}),
    },
  };
}

/**
 * The same event in several articles: same dyad, same CAMEO code, same day.
 * @example eventGroup(e) // 'RUS>EU:112@2021-03-23'
 */
export function eventGroup(e: CodedEvent): string {
  return `${e.source.country}>${e.target?.country ?? ''}:${e.code}@${e.date ?? ''}`;
}

/** The stored metadata, a date that is not one entente writes (put there by other means) left out. */
function storedMeta(meta: ArticleMeta): ArticleMeta {
  if (meta.date === undefined || storedDate(meta.date.value) !== undefined) return meta;
  const { date: _bad, ...rest } = meta;
  return rest;
}

/**
 * A row of the events query (an event joined to its article's outlet, address and day) as a stored
 * event, its sentence cut from `text`, the article's text (read once per article, not per row);
 * both stores' columns are alike.
 */
export function storedEvent(r: Record<string, unknown>, text: string): StoredEvent {
  const event = JSON.parse(r.data as string) as CodedEvent;
  const e: StoredEvent = {
    articleId: r.article_id as string, index: r.n as number, group: r.grp as string,
    source: r.source as string, sourceCountry: r.source_country as string,
    code: r.code as string, root: r.root as string, goldstein: (r.goldstein ?? null) as number | null, quad: (r.quad ?? null) as StoredEvent['quad'],
    // SQLite keeps booleans as 0 and 1
    negated: r.negated === true || r.negated === 1, modality: r.modality as string, rule: r.rule as string, confidence: r.confidence as number,
    // sliced here, not in SQL: offsets count UTF-16 units, PostgreSQL counts code points
    sentence: text.slice(event.sentenceSpan.start, event.sentenceSpan.end), event,
  };
  const optional = [['target', 'target'], ['targetCountry', 'target_country'], ['plover', 'plover'], ['outlet', 'outlet'], ['url', 'url']] as const;
  for (const [k, col] of optional) if (r[col] !== null && r[col] !== undefined) e[k] = r[col] as string;
  const day = storedDay(r.date); // a bad stored value is undated, never an error
  if (day) e.date = day;
  const articleDate = storedDate(r.article_date);
  if (articleDate) e.articleDate = articleDate;
  return e;
}
