/**
 * The syntax stage's public face: UPOS tags, lemmas and a labelled dependency tree for entente's own
 * sentences and tokens (`ParsedSentence`, spans into the cleaned text). Other stages import this file only.
 */
import type { ParsedSentence, SyntaxWord } from '../model/syntax.js';
import type { Span } from '../model/span.js';
import { UPOS } from './tagger/features.js';
import { defaultTagger } from './tagger/model.js';
import { defaultParser } from './parser/model.js';

export type { ParsedSentence, SyntaxWord } from '../model/syntax.js';

/**
 * Parse one sentence: `tokens` are entente's tokens of `sentence` (spans of `text`), `index` its
 * position in the article's sentences.
 * @example parseSentence('Talks resumed.', { start: 0, end: 14 }, [{start:0,end:5},{start:6,end:13},{start:13,end:14}], 0).words.map((w) => w.deprel) // ['nsubj', 'root', 'punct']
 */
export function parseSentence(text: string, sentence: Span, tokens: readonly Span[], index: number): ParsedSentence {
  const forms = tokens.map((t) => text.slice(t.start, t.end));
  const tags = defaultTagger().tagIds(forms);
  const p = defaultParser().parse(forms, tags);
  const words: SyntaxWord[] = tokens.map((t, i) => ({
    start: t.start, end: t.end, upos: UPOS[tags[i]], lemma: UPOS[tags[i]] === 'PROPN' ? forms[i] : forms[i].toLowerCase(),
    head: p.head[i] - 1, deprel: p.deprel[i],
  }));
  return { start: sentence.start, end: sentence.end, sentence: index, words };
}
