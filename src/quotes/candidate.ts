import type { Span } from '../model/span.js';
import type { QuoteKind } from '../model/quote.js';

/**
 * A quote as a recogniser finds it, before speaker actors, medium and date are attached.
 * `rule` is the id copied onto the `Quote` ("quote/direct-trailer").
 *
 * @example { start: 0, end: 15, kind: 'direct', spans: [{ start: 0, end: 15 }], speakerSpan: { start: 16, end: 18 }, rule: 'quote/direct-trailer', confidence: 0.95 }
 */
export interface Candidate extends Span {
  kind: QuoteKind;
  spans: Span[];
  speakerSpan?: Span;
  cueSpan?: Span;
  rule: string;
  confidence: number;
}

/**
 * The confidence for a rule from `data/quotes/thresholds.json`, 0.5 when unlisted.
 * @example confidenceOf({ 'direct-trailer': 0.95 }, 'direct-trailer') // 0.95
 */
export function confidenceOf(table: Readonly<Record<string, number>>, rule: string): number {
  return table[rule] ?? 0.5;
}

const memo = new WeakMap<Readonly<Record<string, number>>, Map<string, number>>();

/**
 * `confidenceOf` for a rule id with its "quote/" prefix, remembered per table: the id is one of
 * a few constant strings, while the slice without the prefix was a new string to hash for every
 * quote.
 *
 * @example ruleConfidence({ 'direct-trailer': 0.95 }, 'quote/direct-trailer') // 0.95
 */
export function ruleConfidence(table: Readonly<Record<string, number>>, rule: string): number {
  let m = memo.get(table);
  if (!m) memo.set(table, (m = new Map()));
  let c = m.get(rule);
  if (c === undefined) m.set(rule, (c = confidenceOf(table, rule.slice('quote/'.length))));
  return c;
}
