import type { Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import { parseSentence, type ParsedSentence } from '../syntax/index.js';
import type { Stage } from './stage.js';

/**
 * Whether the syntax stage parses a sentence, from its actor mentions `mentions[m0, m1)`: when they
 * name coded actors of at least two different countries (or organisations: `actor.country`). An
 * event between two of them, what the relations count, needs its source and target there. On
 * Reuters-21578 (`node dist/bench/syntax-select.js`) these are 5.3 % of the sentences and 8.4 % of the
 * tokens, and hold 79 % of the sentences the event coder finds such an event in today. Two different
 * actors (Putin and Russia's government count) keep 80 % for 21 % more parsing; every sentence with an
 * actor keeps 98 % but is 34 % of the tokens, four times the parsing, which the ingest's speed
 * (≥ 10,000 sentences/s) cannot pay for.
 *
 * @example wantsParse([{ actor: { code: 'RUS', country: 'RUS' } }, { actor: { code: 'EU', country: 'EU' } }] as Mention[], 0, 2) // true
 */
export function wantsParse(mentions: readonly Mention[], m0: number, m1: number): boolean {
  let first = '';
  for (let k = m0; k < m1; k++) {
    const { code, country } = mentions[k].actor;
    if (code === '') continue;
    if (first === '') first = country;
    else if (country !== first) return true;
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
 * sentences naming actors of two countries (`wantsParse`), the only ones parsed, to keep ingest fast.
 * It runs after the actors, which choose the sentences, and before quotes and events, which may read it.
 */
export const syntaxStage: Stage = {
  name: 'syntax',
  requires: ['cleaned', 'sentences', 'tokens', 'mentions'],
  assigns: ['syntax'],
  run: (d) => ({ syntax: parseChosen(d.cleaned!.text, d.sentences!, d.tokens!, d.mentions!) }),
};
