/**
 * Helpers of the event tests that read the coder's pieces on hand-made input: a parse written word
 * by word (the reading whatever the parser does), a sentence view of plain words, a bare-verb trigger.
 */
import type { ParsedSentence } from '../../src/model/syntax.js';
import type { SentenceView } from '../../src/events/sentence.js';
import type { Trigger } from '../../src/events/steps/context.js';

/** A hand-made parse: one "word/lemma/UPOS/head/deprel" a word (head 1-based, 0 the root), words one space apart. */
export function parse(spec: string): ParsedSentence {
  let at = 0;
  const words = spec.split(' ').map((w) => {
    const [form, lemma, upos, head, deprel] = w.split('/');
    const word = { start: at, end: at + form.length, upos, lemma, head: Number(head) - 1, deprel };
    at += form.length + 1;
    return word;
  });
  return { start: 0, end: at - 1, sentence: 0, words };
}

/** The span of the `n`-th word (0-based). */
export const word = (p: ParsedSentence, n: number) => ({ start: p.words[n].start, end: p.words[n].end });

/** A sentence view of plain words, as step 1 sees one (no mentions, no breaks). */
export function view(text: string): SentenceView {
  const toks: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\S+/g)) toks.push({ start: m.index, end: m.index + m[0].length });
  return { index: 0, span: { start: 0, end: text.length }, toks, words: toks.map((t) => text.slice(t.start, t.end).toLowerCase()), mention: new Int32Array(toks.length).fill(-1), breaks: new Uint8Array(toks.length) };
}

/** A bare-verb trigger at word `from`. */
export const bare = (from: number, rule: string, code: string): Trigger => ({ from, to: from + 1, code, rule, patterned: false, passive: false, alleged: false });
