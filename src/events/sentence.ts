/**
 * A sentence as the coder reads it: its tokens' lower-case words, which mention (if any) each
 * token belongs to, and where clauses break.
 */
import type { Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import type { EventGrammar } from './grammar.js';

export interface SentenceView {
  /** index into the article's sentences */
  index: number;
  span: Span;
  /** token spans of the sentence */
  toks: readonly Span[];
  /** lower-case token texts, curly apostrophes made straight */
  words: readonly string[];
  /** per token: index into the article's mentions, or −1 */
  mention: Int32Array;
  /** per token: 1 where a clause break word stands */
  breaks: Uint8Array;
}

/**
 * Build the view of sentence `index` whose tokens are `tokens[t0..t1)` and whose mentions are
 * `mentions[m0..m1)`.
 */
export function sentenceView(
  text: string,
  index: number,
  span: Span,
  tokens: readonly Span[],
  t0: number,
  t1: number,
  mentions: readonly Mention[],
  m0: number,
  m1: number,
  g: EventGrammar,
): SentenceView {
  const n = t1 - t0;
  const toks = tokens.slice(t0, t1);
  const words = new Array<string>(n);
  const mention = new Int32Array(n).fill(-1);
  const breaks = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const lower = text.slice(toks[i].start, toks[i].end).toLowerCase();
    const w = lower.includes('’') ? lower.replace(/’/g, "'") : lower;
    words[i] = w;
    if (g.clauseBreaks.words.has(w)) breaks[i] = 1;
  }
  let t = 0;
  for (let m = m0; m < m1; m++) {
    const { start, end } = mentions[m];
    while (t < n && toks[t].end <= start) t++;
    for (let k = t; k < n && toks[k].start < end; k++) mention[k] = m;
  }
  // "Bosnian Serbs", "Iraqi Kurds": a people named right after a country word are that country's (as CAMEO codes them)
  for (let k = 1; k < n; k++) {
    const a = mention[k - 1];
    const b = mention[k];
    if (a < 0 || b < 0 || a === b) continue;
    const mb = mentions[b];
    if (mb.kind === 'demonym' && mb.actor.code === mb.actor.country && mentions[a].actor.kind === 'country' && mentions[a].actor.country !== mb.actor.country) {
      for (let j = k; j < n && mention[j] === b; j++) mention[j] = a;
    }
  }
  // "Bulgarian President Todor Zhivkov": the title belongs to the name's mention (the actor stage
  // makes the name the mention), so that compounds and subjects see one actor, not a gap
  for (let k = 1; k < n; k++) {
    const m = mention[k];
    if (m < 0 || mention[k - 1] === m || !mentions[m].rule.startsWith('title+name/')) continue;
    let j = k - 1;
    while (j >= 0 && mention[j] < 0 && k - j <= 4 && /^\p{Lu}/u.test(text[toks[j].start]) && !breaks[j]) j--;
    // the country word before the title ("Bulgarian"), when it is the same country's
    if (j >= 0 && mention[j] >= 0 && mention[j] !== m && mentions[mention[j]].kind === 'demonym' && mentions[mention[j]].actor.country === mentions[m].actor.country) {
      const d = mention[j];
      while (j >= 0 && mention[j] === d) j--;
    }
    for (let x = j + 1; x < k; x++) mention[x] = m;
  }
  return { index, span, toks, words, mention, breaks };
}

/** Whether token `k` is a compass word outside any mention ("southern" in "of southern Serbia"), which leaves the place after it a place. */
export function isDirection(v: SentenceView, k: number): boolean {
  return /ern$/.test(v.words[k]) && v.mention[k] < 0;
}

/** Token range `[from, to)` of the mention at token `i`. */
export function mentionRange(v: SentenceView, i: number): [number, number] {
  const m = v.mention[i];
  let a = i;
  let b = i + 1;
  while (a > 0 && v.mention[a - 1] === m) a--;
  while (b < v.words.length && v.mention[b] === m) b++;
  return [a, b];
}
