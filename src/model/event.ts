import type { Span } from './span.js';

/**
 * PLOVER's auxiliary modes for an event that is not plainly reported as having happened:
 * `future` ("will impose"), `hypothetical` ("could attack", "if … would"), `historical`
 * (a background clause about an earlier event). `asserted` is the plain case.
 */
export type Modality = 'asserted' | 'future' | 'hypothetical' | 'historical';

/** One side of an event: the actor code and the mention that gave it. */
export interface EventParty {
  /** CAMEO actor code for the article's date, e.g. "RUSGOV", "IGOEUREEC", "UKR" */
  code: string;
  /** the country (ISO alpha-3) or organisation short code, e.g. "RUS", "EU": what dyads are made of */
  country: string;
  /** actor dictionary id, e.g. "person/sergei-lavrov" */
  actor: string;
  /** a name a person can read */
  name: string;
  /** the mention in the cleaned text (for a quote's speaker standing in for "we": the speaker span) */
  span: Span;
  /** how the mention referred to the actor, or `speaker` when a quote's speaker stands in */
  via: string;
}

/** How the event's date was found. */
export type EventDateBy = 'article' | 'sentence' | 'quote' | 'earlier';

/**
 * One coded event: who did what to whom, with its CAMEO and PLOVER coding and the sentence it
 * came from. Compound actors ("Hungary and Slovakia") give one event per dyad; `sources` and
 * `targets` keep the whole lists for PLOVER output.
 *
 * `start`/`end` bound the trigger (the verb phrase or nominal that the pattern matched) in the
 * cleaned text.
 */
export interface CodedEvent extends Span {
  source: EventParty;
  /** absent for events that need no recipient (PLOVER MOBILIZE, some PROTEST) */
  target?: EventParty;
  /** every source and target code of the compound, in text order */
  sources: string[];
  targets: string[];
  /** CAMEO event code, 2–4 digits */
  code: string;
  /** CAMEO root (first two digits) */
  root: string;
  /** PLOVER type, mode and context; absent for CAMEO 01x/02x, which PLOVER does not code */
  plover?: { event: string; mode: string | null; context: string[] };
  /**
   * Goldstein score of the code; null when a user's PETRARCH-2 dictionary (`--dictionaries`)
   * gives a code outside the CAMEO table, which has none (then `plover` is absent too). Every
   * built-in code has a score.
   */
  goldstein: number | null;
  /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; null for a user's code whose root is not a CAMEO root */
  quad: 1 | 2 | 3 | 4 | null;
  negated: boolean;
  modality: Modality;
  /** ISO date `YYYY-MM-DD` the event happened (or will), and how it was found */
  date?: string;
  dateBy?: EventDateBy;
  /** the words that gave the date ("on Christmas day"), in the cleaned text */
  dateSpan?: Span;
  /** index into `article.spans.sentences` */
  sentence: number;
  /** the sentence in the cleaned text (repeated from the sentence layer for self-contained evidence) */
  sentenceSpan: Span;
  /** index into `article.quotes` when the event was said inside a quote and attributed through its speaker */
  quote?: number;
  confidence: number;
  /** the pattern id (`p2:…` PETRARCH-2, `en:…` entente) or rule that coded it */
  rule: string;
}

/**
 * The same event reported by several articles: a dyad, a type and a date window, with every
 * mention (each keeping its own article and evidence).
 */
export interface EventGroup {
  key: string;
  source: string;
  target?: string;
  code: string;
  date?: string;
  mentions: { articleId: string; index: number }[];
}
