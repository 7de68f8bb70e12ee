/**
 * The syntax stage's public face: UPOS tags, lemmas and a labelled dependency tree for entente's own
 * sentences and tokens (`ParsedSentence`, spans into the cleaned text). Other stages import this file only.
 */
import type { ParsedSentence, SyntaxWord } from '../model/syntax.js';
import type { Span } from '../model/span.js';
import { splitSentences, tokenize } from '../nlp/index.js';
import { UPOS } from './tagger/features.js';
import { defaultTagger } from './tagger/model.js';
import { defaultParser } from './parser/model.js';
import { bridge } from './bridge.js';
import { defaultLemmas, lemmatize } from './lemma.js';

export type { ParsedSentence, SyntaxWord } from '../model/syntax.js';
export { bridge, spelling, type BridgeWord } from './bridge.js';

/** What the tagger, parser and lemmatiser give a sentence of UD words; `head` is 0-based, -1 for the root. */
export interface WordAnalysis {
  upos: string[];
  lemma: string[];
  head: number[];
  deprel: string[];
}

/**
 * Tag, lemmatise and parse words already in UD EWT's conventions (a treebank's words, or the bridge's forms).
 * @example analyseWords(['Talks', 'resumed', '.']).deprel // ['nsubj', 'root', 'punct']
 */
export function analyseWords(forms: readonly string[]): WordAnalysis {
  const tags = defaultTagger().tagIds(forms);
  const p = defaultParser().parse(forms, tags);
  const lemmas = defaultLemmas();
  const upos = Array.from(tags, (t) => UPOS[t]);
  return { upos, lemma: forms.map((f, i) => lemmatize(lemmas, f, upos[i])), head: p.head.map((h) => h - 1), deprel: p.deprel };
}

/**
 * Parse one sentence: `tokens` are entente's tokens of `sentence` (spans of `text`), `index` its
 * position in the article's sentences. The tokens become UD words through the bridge (hyphenated
 * words split, URLs joined, curly quotes read straight), each word a span of `text`.
 * @example parseSentence('Talks resumed.', { start: 0, end: 14 }, [{start:0,end:5},{start:6,end:13},{start:13,end:14}], 0).words.map((w) => w.deprel) // ['nsubj', 'root', 'punct']
 */
export function parseSentence(text: string, sentence: Span, tokens: readonly Span[], index: number): ParsedSentence {
  const ud = bridge(text, tokens);
  const a = analyseWords(ud.map((w) => w.form));
  const words: SyntaxWord[] = ud.map((w, i) => ({ start: w.start, end: w.end, upos: a.upos[i], lemma: a.lemma[i], head: a.head[i], deprel: a.deprel[i] }));
  return { start: sentence.start, end: sentence.end, sentence: index, words };
}

/**
 * Parse each of an article's sentences with its own tokens (both span lists in text order, as the nlp stage makes them).
 * @example parseSentences(a.text, a.spans.sentences, a.spans.tokens).length === a.spans.sentences.length // true
 */
export function parseSentences(text: string, sentences: readonly Span[], tokens: readonly Span[]): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  let k = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    while (k < tokens.length && tokens[k].start < s.start) k++;
    const from = k;
    while (k < tokens.length && tokens[k].end <= s.end) k++;
    out.push(parseSentence(text, s, tokens.slice(from, k), i));
  }
  return out;
}

/**
 * Parse every sentence of a text, as entente's nlp stage splits and tokenises it (one paragraph).
 * @example parseText('Lavrov met Wang Yi. They talked.').length // 2
 */
export function parseText(text: string): ParsedSentence[] {
  const sentences = splitSentences(text, [{ start: 0, end: text.length }]);
  return parseSentences(text, sentences, tokenize(text, sentences));
}
