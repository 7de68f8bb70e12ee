import type { Article } from '../../model/article.js';
import type { Span } from '../../model/span.js';
import { parseSentence, type ParsedSentence } from '../../syntax/index.js';
import { badParameter } from '../errors.js';
import type { ServerOptions } from '../options.js';
import { whole, type Param } from '../params.js';

/** Layers an article's answer leaves out unless `?layers=` asks for them: a parse is ~10 times its sentence's text. */
export const OPTIONAL_LAYERS = ['syntax'] as const;
export type OptionalLayer = (typeof OPTIONAL_LAYERS)[number];

/** One word as the API gives it: its span, its text, tags and its place in the tree (`head` -1 for the root). */
export interface WordBody extends Span {
  text: string;
  upos: string;
  lemma: string;
  head: number;
  deprel: string;
}

/** A parsed sentence as the API gives it; `stored` says whether the syntax stage kept it or it was parsed for this answer. */
export interface SentenceParseBody extends Span {
  sentence: number;
  stored: boolean;
  words: WordBody[];
}

/** `?layers=syntax`: optional layers, comma-separated. @example layersParam().parse('syntax', 'layers') // ['syntax'] */
export function layersParam(): Param<OptionalLayer[]> {
  return {
    description: `optional layers to add to the answer, comma-separated: ${OPTIONAL_LAYERS.join(', ')} (the parses the syntax stage stored)`,
    schema: { type: 'string', pattern: `^(${OPTIONAL_LAYERS.join('|')})(,(${OPTIONAL_LAYERS.join('|')}))*$` },
    example: 'syntax',
    bad: 'tokens',
    parse(raw, name) {
      const asked = raw.split(',');
      const unknown = asked.find((l) => !(OPTIONAL_LAYERS as readonly string[]).includes(l));
      if (unknown !== undefined) throw badParameter(`${name} must list layers among ${OPTIONAL_LAYERS.join(', ')}, got ${JSON.stringify(unknown.slice(0, 40))}`);
      return [...new Set(asked)] as OptionalLayer[];
    },
  };
}

/** `GET /api/articles/{id}/syntax`: which sentence. @example parseQuery(syntaxParams(), { sentence: ['3'] }) // { sentence: 3 } */
export function syntaxParams() {
  // the upper bound is the article's own sentence count, checked once the article is read
  return { sentence: { ...whole(0, 1_000_000_000, "the sentence's index in the article's sentences (0 for the first)", '0'), required: true, bad: '-1' } };
}

/** The parses the syntax stage stored, as the API gives them (none on an article stored before the stage). */
export function storedParses(a: Article): SentenceParseBody[] {
  return (a.spans.syntax ?? []).map((p) => parseBody(a.text, p, true));
}

/**
 * Sentence `n`'s parse: the stored one, or else one made now from the stored text, sentence and
 * tokens (the stage parses only the sentences later stages can use, and older articles have none).
 * A sentence longer than `layerMaxItems` tokens is refused, as no layer's answer carries more.
 *
 * @example sentenceParse(a, 0, o).words[0] // { start: 0, end: 6, text: 'Lavrov', upos: 'PROPN', lemma: 'Lavrov', head: 1, deprel: 'nsubj' }
 */
export function sentenceParse(a: Article, n: number, o: Pick<ServerOptions, 'layerMaxItems'>): SentenceParseBody {
  const count = a.spans.sentences.length;
  if (n >= count) throw badParameter(`sentence must be below ${count}, the article's number of sentences (0 is the first), got ${n}`);
  const kept = a.spans.syntax?.find((p) => p.sentence === n);
  if (kept) return parseBody(a.text, kept, true);
  const sentence = a.spans.sentences[n];
  const tokens = tokensIn(a.spans.tokens, sentence);
  if (tokens.length > o.layerMaxItems) throw badParameter(`sentence ${n} has ${tokens.length} tokens, more than the ${o.layerMaxItems} words a parse answer carries`);
  return parseBody(a.text, parseSentence(a.text, sentence, tokens, n), false);
}

function parseBody(text: string, p: ParsedSentence, stored: boolean): SentenceParseBody {
  return {
    sentence: p.sentence, start: p.start, end: p.end, stored,
    words: p.words.map((w) => ({ start: w.start, end: w.end, text: text.slice(w.start, w.end), upos: w.upos, lemma: w.lemma, head: w.head, deprel: w.deprel })),
  };
}

/** The tokens inside `s`; tokens are sorted, so the first is found by bisection (articles run to 10^6 tokens). */
function tokensIn(tokens: readonly Span[], s: Span): Span[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid].start < s.start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < tokens.length && tokens[end].end <= s.end) end++;
  return tokens.slice(lo, end);
}
