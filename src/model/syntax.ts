import type { Span } from './span.js';

/**
 * One word of a parsed sentence as Universal Dependencies sees it: a span of the cleaned text (the
 * syntax stage maps entente's tokens to UD words, so "n't" or "’s" is a word of its own, as it is a
 * token), its UPOS tag, lemma, and its head and relation in the sentence's tree.
 */
export interface SyntaxWord extends Span {
  /** UPOS tag, e.g. `PROPN`. */
  upos: string;
  /** Dictionary form, lower-cased for everything but proper nouns: "accused" → "accuse". */
  lemma: string;
  /** Index of the head word in the sentence's `words` (0-based), or -1 for the root. */
  head: number;
  /** UD relation to the head, e.g. `nsubj`, `obl`, `acl:relcl`; `root` for the root. */
  deprel: string;
}

/** A parsed sentence: its span, its index in `spans.sentences`, and its words in text order. */
export interface ParsedSentence extends Span {
  sentence: number;
  words: SyntaxWord[];
}
