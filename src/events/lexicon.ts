/**
 * The verb patterns of an `EventDictionary`, compiled for matching over a sentence's words: verb
 * forms by their first word, each verb group's patterns split at the verb into the words before
 * (read backwards) and after it, most specific first.
 */
import type { EventDictionary, EventPattern } from './dictionary.js';

/** One element of a compiled pattern: words it accepts, or an actor slot. */
export type Element =
  | { kind: 'word'; words: ReadonlySet<string> }
  | { kind: 'target' }
  | { kind: 'source' };

export interface CompiledPattern {
  id: string;
  /** null: the pattern matches so that nothing is coded (PETRARCH's `---`) */
  code: string | null;
  reverse?: string;
  /** PLOVER coding apart from the CAMEO code's row (see `EventPattern.plover`) */
  plover?: { event: string; mode?: string };
  /** elements after the verb, in order */
  after: readonly Element[];
  /** elements before the verb, nearest first */
  before: readonly Element[];
  /** literal words matched: a longer pattern wins */
  weight: number;
  /** position in its group, most specific first (ties keep the dictionary's order) */
  rank: number;
}

export interface VerbForm {
  /** words after the first one ("asked for" → ["for"]) */
  rest: readonly string[];
  group: string;
  /** the bare verb's code when no pattern of its group matches */
  code: string | null;
  lemma: string;
  /** the lemma's first word, which a bare base form equals ("sign" of "sign up") */
  head: string;
}

/**
 * A verb group's patterns indexed by the first word after the verb, so that a verb only tries the
 * patterns whose first word stands within reach after it (most groups hold dozens of patterns).
 */
export interface PatternIndex {
  /** patterns whose first element after the verb is a literal or synset, by each word it accepts */
  byFirst: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** the others (a slot first, or nothing after the verb), most specific first */
  rest: readonly CompiledPattern[];
}

export interface Lexicon {
  /** verb forms by first word */
  forms: ReadonlyMap<string, readonly VerbForm[]>;
  patterns: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** `patterns` indexed by first word, per group */
  index: ReadonlyMap<string, PatternIndex>;
  /** verbless phrase patterns (entente's `group: null`) by their first word */
  phrases: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** `phrases` and `forms` together by first word: the trigger step asks of every word of a sentence, once */
  starts: ReadonlyMap<string, { phrases?: readonly CompiledPattern[]; forms?: readonly VerbForm[] }>;
}

const STRUCTURE = new Set(['(', ')', '{', '}', '^', '%']);

/** A literal also matches its plural, as PETRARCH's noun phrases do. */
function inflections(w: string): string[] {
  const out = [w];
  if (/[^aeiou]y$/.test(w)) out.push(w.slice(0, -1) + 'ies');
  else if (/(s|x|z|ch|sh)$/.test(w)) out.push(w + 'es');
  else out.push(w + 's');
  return out;
}

function element(tok: string, dict: EventDictionary): Element | undefined {
  if (STRUCTURE.has(tok)) return undefined;
  if (tok === '+') return { kind: 'target' };
  if (tok === '$') return { kind: 'source' };
  if (tok.startsWith('&')) {
    const words = new Set<string>();
    // multi-word synset members match on their last word: the rest is usually an adjective
    for (const m of dict.synsets.get(tok) ?? []) for (const w of inflections(m.toLowerCase().split(/[\s_]+/).pop()!)) words.add(w);
    return { kind: 'word', words };
  }
  return { kind: 'word', words: new Set(inflections(tok.toLowerCase())) };
}

function compile(p: EventPattern, dict: EventDictionary): CompiledPattern {
  const star = p.tokens.indexOf('*');
  const toEls = (toks: readonly string[]) => toks.map((t) => element(t, dict)).filter((e): e is Element => e !== undefined);
  const after = toEls(star < 0 ? p.tokens : p.tokens.slice(star + 1));
  const before = star < 0 ? [] : toEls(p.tokens.slice(0, star)).reverse();
  const weight = [...after, ...before].filter((e) => e.kind === 'word').length;
  const c: CompiledPattern = { id: p.id, code: p.code, after, before, weight, rank: 0 };
  if (p.reverse !== undefined) c.reverse = p.reverse;
  if (p.plover !== undefined) c.plover = p.plover;
  return c;
}

const cache = new WeakMap<EventDictionary, Lexicon>();

/**
 * Compile (once per dictionary) the patterns for matching.
 * @example compileLexicon(loadEventDictionary()).forms.get('accused')?.[0].group // 'BLAME' or 'EN_ACCUSE'
 */
export function compileLexicon(dict: EventDictionary): Lexicon {
  const hit = cache.get(dict);
  if (hit) return hit;
  const forms = new Map<string, VerbForm[]>();
  const seen = new Set<string>();
  for (const v of dict.verbs) {
    // PETRARCH lists inflected forms only; the bare lemma is what follows "will", "to", "did not"
    for (const f of new Set([v.lemma, ...v.forms])) {
      const words = f.toLowerCase().split(/\s+/);
      const key = `${words.join(' ')}|${v.group}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const list = forms.get(words[0]) ?? [];
      list.push({ rest: words.slice(1), group: v.group, code: v.code, lemma: v.lemma, head: v.lemma.split(' ')[0] });
      forms.set(words[0], list);
    }
  }
  const patterns = new Map<string, CompiledPattern[]>();
  const phrases = new Map<string, CompiledPattern[]>();
  for (const p of dict.patterns) {
    const c = compile(p, dict);
    if (p.group === null) {
      const first = c.after[0];
      if (first?.kind !== 'word') continue;
      for (const w of first.words) phrases.set(w, [...(phrases.get(w) ?? []), c]);
    } else {
      patterns.set(p.group, [...(patterns.get(p.group) ?? []), c]);
    }
  }
  const bySpecificity = (a: CompiledPattern, b: CompiledPattern) => b.weight - a.weight;
  for (const l of patterns.values()) l.sort(bySpecificity).forEach((p, i) => (p.rank = i));
  for (const l of phrases.values()) l.sort(bySpecificity);
  const index = new Map<string, PatternIndex>();
  for (const [group, list] of patterns) {
    const byFirst = new Map<string, CompiledPattern[]>();
    const rest: CompiledPattern[] = [];
    for (const p of list) {
      const first = p.after[0];
      if (first?.kind === 'word') for (const w of first.words) byFirst.set(w, [...(byFirst.get(w) ?? []), p]);
      else rest.push(p);
    }
    index.set(group, { byFirst, rest });
  }
  const starts = new Map<string, { phrases?: readonly CompiledPattern[]; forms?: readonly VerbForm[] }>();
  for (const [w, l] of phrases) starts.set(w, { phrases: l });
  for (const [w, l] of forms) starts.set(w, { ...starts.get(w), forms: l });
  const lex: Lexicon = { forms, patterns, phrases, index, starts };
  cache.set(dict, lex);
  return lex;
}

/**
 * The patterns of `group` that can match a verb ending at token `to` of `words`: those whose first
 * word stands within `gap` words after it, not counting up to `maxJoiners` list `joiners` (before a
 * clause break, as matching allows), and those
 * that start with a slot; most specific first.
 */
export function candidates(
  lex: Lexicon,
  group: string,
  words: readonly string[],
  breaks: Uint8Array,
  to: number,
  gap: number,
  joiners: ReadonlySet<string> = new Set(),
  maxJoiners = 0,
): readonly CompiledPattern[] {
  const ix = lex.index.get(group);
  if (!ix) return [];
  let out: CompiledPattern[] | undefined;
  let free = 0;
  for (let k = to; k < words.length && k <= to + gap + free; k++) {
    const l = ix.byFirst.get(words[k]);
    if (l) for (const p of l) (out ??= []).push(p);
    if (breaks[k]) break;
    if (free < maxJoiners && joiners.has(words[k])) free++;
  }
  if (!out) return ix.rest;
  for (const p of ix.rest) out.push(p);
  // a pattern's rank is its place in its group, so equal ranks are the same pattern met twice: sorted, each is kept once
  out.sort((a, b) => a.rank - b.rank);
  let n = 0;
  for (const p of out) if (n === 0 || out[n - 1] !== p) out[n++] = p;
  out.length = n;
  return out;
}
