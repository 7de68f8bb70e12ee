/**
 * Reading an event's arguments off a dependency parse: which word of a sentence a span stands for,
 * which relation ties a mention to the trigger, and which clause a word belongs to. The coder's
 * argument step asks these questions; the answers depend only on the parse.
 */
import type { ParsedSentence, SyntaxWord } from '../model/syntax.js';
import type { Span } from '../model/span.js';

/** Relations that keep a word inside the noun phrase of its head ("U.S. officials", "Iran's leader", "Putin, Russia's president"). */
const NOMINAL = new Set(['compound', 'nmod', 'nmod:poss', 'amod', 'appos', 'flat', 'conj', 'det', 'nummod', 'nmod:npmod', 'nmod:tmod', 'compound:prt', 'list', 'goeswith', 'fixed', 'dep']);

/** Relations that open a clause of its own: what is inside one is not an argument of the clause above it. */
const CLAUSAL = new Set(['ccomp', 'advcl', 'acl', 'acl:relcl', 'parataxis', 'csubj', 'root']);
/** Relations that open a clause only on a predicate: "sanctions and tariffs" is one phrase, "met and agreed" two acts. */
const CLAUSAL_ON_VERB = new Set(['conj', 'xcomp']);

/**
 * The word that stands for a span: the first word inside it whose head lies outside it (the head of
 * "Iran's supreme leader" is "leader"); -1 when no word overlaps the span.
 */
export function headOf(p: ParsedSentence, span: Span): number {
  let best = -1;
  for (let i = 0; i < p.words.length; i++) {
    const w = p.words[i];
    if (w.end <= span.start || w.start >= span.end) continue;
    const h = w.head;
    const inside = h >= 0 && p.words[h].start < span.end && p.words[h].end > span.start;
    if (!inside) return i;
    if (best < 0) best = i;
  }
  return best;
}

/** The word a noun phrase's head attaches as an argument: climbing out of `compound`, `nmod`, `appos` … to the phrase's own head. */
export function argumentWord(p: ParsedSentence, i: number): number {
  let k = i;
  while (k >= 0 && NOMINAL.has(p.words[k].deprel) && p.words[k].head >= 0) {
    // a conjunct of a verb is a clause of its own, not a noun phrase
    if (p.words[k].deprel === 'conj' && isPredicate(p.words[p.words[k].head])) break;
    k = p.words[k].head;
  }
  return k;
}

/** Whether a word heads a clause or a predication (a verb, or a noun or adjective with a copula or a subject of its own). */
export function isPredicate(w: SyntaxWord): boolean {
  return w.upos === 'VERB' || w.upos === 'AUX';
}

/** The case marker ("in", "against", "by") of a nominal, lower-cased, or '' when it has none. */
export function caseOf(p: ParsedSentence, i: number): string {
  for (let k = 0; k < p.words.length; k++) {
    const w = p.words[k];
    if (w.head === i && (w.deprel === 'case' || w.deprel === 'mark')) return w.lemma;
  }
  return '';
}

/** Whether word `i` has a dependent of relation `rel` (or one of its subtypes). */
export function hasDependent(p: ParsedSentence, i: number, rel: string): boolean {
  for (const w of p.words) if (w.head === i && (w.deprel === rel || w.deprel.startsWith(`${rel}:`))) return true;
  return false;
}

/** Whether a word is inside a clause that `ancestor` governs through no clausal relation: the words `ancestor`'s own clause holds. */
export function inClauseOf(p: ParsedSentence, i: number, ancestor: number): boolean {
  let k = i;
  while (k >= 0 && k !== ancestor) {
    const rel = base(p.words[k].deprel);
    if (CLAUSAL.has(rel) || (CLAUSAL_ON_VERB.has(rel) && isPredicate(p.words[k]))) return false;
    k = p.words[k].head;
  }
  return k === ancestor;
}

/** Whether `i` lies in the subtree of `ancestor`. */
export function under(p: ParsedSentence, i: number, ancestor: number): boolean {
  let k = i;
  for (let steps = 0; k >= 0 && steps < p.words.length; steps++) {
    if (k === ancestor) return true;
    k = p.words[k].head;
  }
  return false;
}

export function base(rel: string): string {
  const c = rel.indexOf(':');
  return c < 0 ? rel : rel === 'acl:relcl' ? rel : rel.slice(0, c);
}
