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
  /** elements after the verb, in order */
  after: readonly Element[];
  /** elements before the verb, nearest first */
  before: readonly Element[];
  /** literal words matched: a longer pattern wins */
  weight: number;
}

export interface VerbForm {
  /** words after the first one ("asked for" → ["for"]) */
  rest: readonly string[];
  group: string;
  /** the bare verb's code when no pattern of its group matches */
  code: string | null;
  lemma: string;
}

/**
 * A verb group's patterns, bucketed by the words their first element after the verb accepts, so a
 * verb tries only the patterns whose first word is near it (PETRARCH groups hold hundreds).
 */
export interface GroupPatterns {
  byFirstWord: ReadonlyMap<string, readonly CompiledPattern[]>;
  /** patterns whose first element after the verb is an actor slot, or that have none */
  always: readonly CompiledPattern[];
}

export interface Lexicon {
  /** verb forms by first word */
  forms: ReadonlyMap<string, readonly VerbForm[]>;
  patterns: ReadonlyMap<string, GroupPatterns>;
  /** verbless phrase patterns (entente's `group: null`) by their first word */
  phrases: ReadonlyMap<string, readonly CompiledPattern[]>;
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
  const c: CompiledPattern = { id: p.id, code: p.code, after, before, weight };
  if (p.reverse !== undefined) c.reverse = p.reverse;
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
      list.push({ rest: words.slice(1), group: v.group, code: v.code, lemma: v.lemma });
      forms.set(words[0], list);
    }
  }
  const patterns = new Map<string, { byFirstWord: Map<string, CompiledPattern[]>; always: CompiledPattern[] }>();
  const phrases = new Map<string, CompiledPattern[]>();
  const push = <K>(m: Map<K, CompiledPattern[]>, k: K, c: CompiledPattern) => {
    const l = m.get(k);
    if (l) l.push(c);
    else m.set(k, [c]);
  };
  for (const p of dict.patterns) {
    const c = compile(p, dict);
    const first = c.after[0];
    if (p.group === null) {
      if (first?.kind !== 'word') continue;
      for (const w of first.words) push(phrases, w, c);
      continue;
    }
    let g = patterns.get(p.group);
    if (!g) patterns.set(p.group, (g = { byFirstWord: new Map(), always: [] }));
    if (first?.kind === 'word') for (const w of first.words) push(g.byFirstWord, w, c);
    else g.always.push(c);
  }
  const bySpecificity = (a: CompiledPattern, b: CompiledPattern) => b.weight - a.weight;
  for (const g of patterns.values()) {
    g.always.sort(bySpecificity);
    for (const l of g.byFirstWord.values()) l.sort(bySpecificity);
  }
  for (const l of phrases.values()) l.sort(bySpecificity);
  const lex: Lexicon = { forms, patterns, phrases };
  cache.set(dict, lex);
  return lex;
}

/**
 * The patterns of `group` that can match a verb ending at token `to`: those whose first word is
 * among the next `gap + 1` words, and those that start with an actor slot.
 */
export function patternsNear(lex: Lexicon, group: string, words: readonly string[], to: number, gap: number): CompiledPattern[] {
  const g = lex.patterns.get(group);
  if (!g) return [];
  const out: CompiledPattern[] = [...g.always];
  for (let k = to; k < words.length && k <= to + gap; k++) {
    const l = g.byFirstWord.get(words[k]);
    if (l) for (const p of l) if (!out.includes(p)) out.push(p);
  }
  return out.length > 1 ? out.sort((a, b) => b.weight - a.weight) : out;
}
