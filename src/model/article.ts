import type { Span } from './span.js';
import type { SourceMap } from './source-map.js';
import type { Mention } from './actor.js';
import type { Quote } from './quote.js';
import type { CodedEvent } from './event.js';
import type { ParsedSentence } from './syntax.js';

/** How a metadata value was found, so `entente show` can say why it believes it. */
export type FoundBy =
  | 'given' // supplied by the user or the JSON line
  | 'json-ld'
  | 'meta'
  | 'time-element'
  | 'html-title'
  | 'heading'
  | 'first-line'
  | 'dateline'
  | 'url-path'
  | 'relative-date'
  | 'promo-line'
  | 'original-url-line'
  | 'domain'
  | 'byline'
  | 'file-name'
  | 'detected';

/** A metadata value with its provenance. `evidence` quotes the input that gave it. */
export interface Found<T> {
  value: T;
  by: FoundBy;
  evidence?: string;
  /** the rule id that produced it */
  rule?: string;
  /** why the value is not all the input gave: it was cut to a length limit (see `META_LIMITS`) */
  cut?: string;
}

export interface ArticleMeta {
  title?: Found<string>;
  /** ISO date `YYYY-MM-DD` (or a full ISO timestamp when the page gives one) */
  date?: Found<string>;
  /**
   * A date the input gave that is not one (`value` as given, `evidence` says where and why, for
   * every one rejected): the date then comes from the text's own clues (see `model/date.ts`).
   */
  rejectedDate?: Found<string>;
  /** the outlet, e.g. "Fox News" */
  source?: Found<string>;
  url?: Found<string>;
  author?: Found<string>;
  language?: Found<string>;
  /** a page fetched from the web (`entente watch`): the URL asked for, which `url` is where its redirects ended */
  fetchedFrom?: Found<string>;
  /** when it was fetched, an ISO time */
  fetchedAt?: Found<string>;
  /** the summary the feed gave with it */
  summary?: Found<string>;
}

/** Something the cleaner took out of the body, with the rule that took it and why. */
export interface Removal {
  rule: string;
  reason: string;
  text: string;
  inputStart: number;
  inputEnd: number;
}

/** A photo caption kept apart from the body (never a body paragraph). */
export interface Caption {
  text: string;
  credit?: string;
  inputStart: number;
  inputEnd: number;
  /** how many times the page printed it (the seeds print each twice) */
  copies: number;
}

export type InputFormat = 'html' | 'markdown' | 'text';

/** What a cleaner hands on: the body text and everything derived from reading the raw input. */
export interface Cleaned {
  format: InputFormat;
  /** the clean body: paragraphs separated by a blank line */
  text: string;
  paragraphs: Span[];
  sourceMap: SourceMap;
  meta: ArticleMeta;
  captions: Caption[];
  removed: Removal[];
}

/** Span layers, each added by one stage (`spans.sentences` by nlp, later `spans.mentions` …). */
export interface SpanLayers {
  paragraphs: Span[];
  sentences: Span[];
  tokens: Span[];
  /** actor mentions, sorted and non-overlapping (the actors stage) */
  mentions: Mention[];
  /**
   * dependency parses of the sentences the syntax stage chose to parse, in text order (absent on
   * articles stored before the stage existed)
   */
  syntax?: ParsedSentence[];
}

/** What the stages after nlp read of an article: its text, metadata and text layers. */
export interface ArticleText {
  text: string;
  meta: ArticleMeta;
  spans: Pick<SpanLayers, 'paragraphs' | 'sentences' | 'tokens'>;
}

/**
 * The one record every stage reads and extends: an article, its clean text, and span layers
 * into that text.
 */
export interface Article {
  /** content-derived: the same story ingested twice is one article */
  id: string;
  /** where it came from: a path, `path#line` for a JSON line, or `-` for standard input */
  origin: string;
  format: InputFormat;
  encoding: string;
  /** length of the decoded input the source map points into */
  inputLength: number;
  text: string;
  meta: ArticleMeta;
  spans: SpanLayers;
  captions: Caption[];
  removed: Removal[];
  sourceMap: SourceMap;
  /** attributed statements, in text order (the quotes stage) */
  quotes: Quote[];
  /** coded events, in text order (the events stage) */
  events: CodedEvent[];
}
