import type { Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import { parseSentence, type ParsedSentence } from '../syntax/index.js';
import type { Stage } from './stage.js';

/**
 * Whether the syntax stage parses a sentence, from its actor mentions `mentions[m0, m1)`: when they
 * name at least two different coded actors. An event needs a source and usually a target among
 * the actors, so these are the sentences the event coder can make a dyad of; on Reuters-21578
 * (`node dist/bench/syntax-select.js`) they are 6.5 % of the sentences and 10 % of the tokens, and
 * hold 71 % of the sentences the coder finds an event in today (77 % of those with a target).
 * Every sentence with a coded actor would keep 97 % of them but is 34 % of the tokens, three times
 * the parsing, which the ingest's speed (≥ 10,000 sentences/s) cannot pay for.
 *
 * @example wantsParse([{ actor: { code: 'RUS' } }, { actor: { code: 'EU' } }] as Mention[], 0, 2) // true
 */
export function wantsParse(mentions: readonly Mention[], m0: number, m1: number): boolean {
  let first = '';
  for (let k = m0; k < m1; k++) {
    const code = mentions[k].actor.code;
    if (code === '') continue;
    if (first === '') first = code;
    else if (code !== first) return true;
  }
  return false;
}

/**
 * The parses of the sentences `wantsParse` chooses, in text order; each sentence's tokens are
 * handed to the parser as they are (the syntax module maps them to UD words).
 *
 * @example parseChosen(a.text, a.spans.sentences, a.spans.tokens, a.spans.mentions).map((p) => p.sentence) // [0, 3]
 */
export function parseChosen(text: string, sentences: readonly Span[], tokens: readonly Span[], mentions: readonly Mention[]): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  let t = 0;
  let m = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sp = sentences[s];
    while (m < mentions.length && mentions[m].start < sp.start) m++;
    let m1 = m;
    while (m1 < mentions.length && mentions[m1].start < sp.end) m1++;
    if (!wantsParse(mentions, m, m1)) continue;
    while (t < tokens.length && tokens[t].start < sp.start) t++;
    let t1 = t;
    while (t1 < tokens.length && tokens[t1].end <= sp.end) t1++;
    if (t1 > t) out.push(parseSentence(text, sp, tokens.slice(t, t1), s));
  }
  return out;
}

/**
 * The syntax stage: UPOS tags, lemmas and a labelled dependency tree (`spans.syntax`) for the
 * sentences naming two different actors (`wantsParse`), the only ones parsed, to keep ingest fast.
 * It runs after the actors, which choose the sentences, and before quotes and events, which may read it.
 */
export const syntaxStage: Stage = {
  name: 'syntax',
  requires: ['cleaned', 'sentences', 'tokens', 'mentions'],
  assigns: ['syntax'],
  run: (d) => ({ syntax: parseChosen(d.cleaned!.text, d.sentences!, d.tokens!, d.mentions!) }),
};
