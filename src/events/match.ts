/**
 * Matching one compiled pattern at a verb (or a phrase's first word) of a sentence: literal words
 * and synsets in order, a few words allowed between them, `+` and `$` filled by actor mentions
 * or, for `+`, by an anaphoric noun phrase ("these comments") resolved later from context.
 */
import type { Mention } from '../model/actor.js';
import { endsAt, type EventGrammar } from './grammar.js';
import type { CompiledPattern, Element } from './lexicon.js';
import { mentionRange, type SentenceView } from './sentence.js';

/** An actor slot filled by a mention (token index in the sentence) or by an anaphoric phrase. */
export interface Slot {
  /** index into the article's mentions */
  mention?: number;
  /** token range of "these comments" when the slot points back in the text */
  anaphor?: [number, number];
  /** token range of "each other", "the other": the subjects act on each other */
  reciprocal?: [number, number];
  /** token range of "both countries", "the two sides": the two sides named last */
  pair?: [number, number];
}

export interface PatternMatch {
  pattern: CompiledPattern;
  target?: Slot;
  source?: Slot;
  /** token range the pattern covered */
  from: number;
  to: number;
}

/** A mention that can fill a slot: coded, or a first-person pronoun a quote's speaker may stand in for. */
export function usable(m: Mention, g: EventGrammar, text: string): boolean {
  if (m.actor.code !== '') return true;
  return g.firstPerson.words.has(text.slice(m.start, m.end).toLowerCase());
}

function findSlot(v: SentenceView, p: number, mentions: readonly Mention[], text: string, g: EventGrammar): { slot: Slot; end: number } | undefined {
  const n = v.words.length;
  for (let k = p; k < n && k <= p + g.maxGap; k++) {
    if (v.breaks[k]) return undefined;
    const m = v.mention[k];
    // "with his Chinese counterpart Wang Yi": the possessive is not the actor acted on
    if (m >= 0 && mentions[m].kind === 'pronoun' && g.possessives.words.has(v.words[k])) continue;
    if (m >= 0 && usable(mentions[m], g, text)) {
      let [, end] = mentionRange(v, k);
      // "European Union leaders of …", "the U.S. and its Western allies of …"
      while (end < n && v.mention[end] < 0 && g.skipAfterActor.words.has(v.words[end])) end++;
      return { slot: { mention: m }, end };
    }
    const r = k === p ? reciprocalAt(v, k, g) : 0;
    if (r > 0) return { slot: { reciprocal: [k, k + r] }, end: k + r };
    const two = k === p ? pairAt(v, k, g) : 0;
    if (two > 0) return { slot: { pair: [k, k + two] }, end: k + two };
    if (g.anaphoricDeterminers.words.has(v.words[k])) {
      for (let j = k + 1; j < n && j <= k + 3; j++) {
        if (v.mention[j] >= 0 || v.breaks[j]) break;
        if (g.anaphoricNouns.words.has(v.words[j])) return { slot: { anaphor: [k, j + 1] }, end: j + 1 };
      }
    }
  }
  return undefined;
}

/** Words before "the other" that "each" may stand in front of ("each accused the other", "each has accused the other"). */
const EACH_REACH = 4;

/**
 * How many words from token `k` say that a compound subject acts on each other ("each other",
 * "one another", or "the other" with "each" shortly before: listed as "each the other"), or 0.
 */
export function reciprocalAt(v: SentenceView, k: number, g: EventGrammar): number {
  const { words } = v;
  for (let len = 2; len >= 1; len--) {
    if (k + len <= words.length && endsAt(g.reciprocalObjects, words, k + len - 1) === len) return len;
  }
  if (k + 2 > words.length || !words.slice(Math.max(0, k - EACH_REACH), k).includes('each')) return 0;
  return endsAt(g.reciprocalObjects, ['each', words[k], words[k + 1]], 2) === 3 ? 2 : 0;
}

/** How many words from token `k` are a pair phrase ("both countries", "the two sides") not followed by a name ("both Moscow and Washington"), or 0. */
export function pairAt(v: SentenceView, k: number, g: EventGrammar): number {
  for (let len = 3; len >= 1; len--) {
    const end = k + len - 1;
    if (end >= v.words.length || endsAt(g.pairPhrases, v.words, end) !== len) continue;
    for (let j = k; j <= end; j++) if (v.mention[j] >= 0 || v.breaks[j]) return 0;
    return end + 1 < v.words.length && v.mention[end + 1] >= 0 ? 0 : len;
  }
  return 0;
}

/**
 * The next word of `e` within `g.maxGap` words from token `p`, or −1; the commas and conjunctions
 * of a list ("artillery, mortar and rocket fire") do not use up the gap, up to `g.maxGapJoiners` of them.
 */
function findWord(v: SentenceView, p: number, e: Element & { kind: 'word' }, g: EventGrammar): number {
  const n = v.words.length;
  let free = 0;
  for (let k = p; k < n && k <= p + g.maxGap + free; k++) {
    if (e.words.has(v.words[k])) return k;
    if (v.breaks[k]) return -1;
    if (free < g.maxGapJoiners && g.compoundJoiners.words.has(v.words[k])) free++;
  }
  return -1;
}

/**
 * Match `pat` with the verb at tokens `[vFrom, vTo)`; undefined when it does not match.
 * The first element after the verb may be a few words away ("imposed new sanctions on"); so may
 * each next one.
 */
export function matchPattern(
  v: SentenceView,
  vFrom: number,
  vTo: number,
  pat: CompiledPattern,
  mentions: readonly Mention[],
  text: string,
  g: EventGrammar,
): PatternMatch | undefined {
  const out: PatternMatch = { pattern: pat, from: vFrom, to: vTo };
  let p = vTo;
  let afterBy = false;
  for (const e of pat.after) {
    if (e.kind === 'word') {
      const k = findWord(v, p, e, g);
      if (k < 0) return undefined;
      // "decided by the Russian army": the agent's mention acts
      const m = v.mention[k];
      if (m >= 0 && afterBy && !out.source && usable(mentions[m], g, text)) out.source = { mention: m };
      afterBy = g.by.words.has(v.words[k]);
      p = k + 1;
    } else {
      const s = findSlot(v, p, mentions, text, g);
      if (!s) return undefined;
      if (e.kind === 'target') out.target = s.slot;
      else out.source = s.slot;
      p = s.end;
    }
  }
  out.to = Math.max(p, vTo);
  // words before the verb: adjacent, nearest first ("market *")
  let q = vFrom - 1;
  for (const e of pat.before) {
    if (q < 0) return undefined;
    if (e.kind === 'word') {
      if (!e.words.has(v.words[q])) return undefined;
      q--;
    } else {
      const m = v.mention[q];
      if (m < 0 || !usable(mentions[m], g, text)) return undefined;
      if (e.kind === 'target') out.target = { mention: m };
      else out.source = { mention: m };
      q = mentionRange(v, q)[0] - 1;
    }
  }
  out.from = Math.min(q + 1, vFrom);
  return out;
}

/**
 * Match a verbless phrase pattern whose first word is at token `i`.
 * @example "no more joint projects with the European Union" → en:no-more-joint-projects-with
 */
export function matchPhrase(
  v: SentenceView,
  i: number,
  pat: CompiledPattern,
  mentions: readonly Mention[],
  text: string,
  g: EventGrammar,
): PatternMatch | undefined {
  const [first, ...rest] = pat.after;
  if (first?.kind !== 'word' || !first.words.has(v.words[i])) return undefined;
  const m = matchPattern(v, i, i + 1, { ...pat, after: rest, before: [] }, mentions, text, g);
  if (m) m.pattern = pat;
  return m;
}
