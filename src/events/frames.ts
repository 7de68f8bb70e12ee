/**
 * Trigger frames: whether a verb the dictionary codes is used here in the sense its code means.
 * PETRARCH's dictionary codes a bare verb whatever its arguments, so "took a different approach"
 * is a seizure, "news broke" an act of force and "faced strained relations" a meeting. A frame
 * (data/events/frames.json) names the argument shape a lemma needs for its code: its object (none,
 * any, or one of a class), an oblique's case, a clausal complement, a particle, and the word's tag.
 * The first frame that fits decides (keep the code, code nothing, or code the frame's own code); a
 * listed lemma that fits none codes nothing. The parse is read where the sentence has one; else the
 * words right after the verb (before the first preposition) stand in for its object.
 *
 * Lemma frames apply to bare-verb triggers only: a PETRARCH or entente pattern already spells out
 * the words its code needs. Yet a pattern's words may match in a shape that means another sense
 * ("said … sanctions": "said the sanctions are hurting"; "ordered sanctions", which imposes them):
 * frames listed under a pattern's id act on that pattern, read off the parse only (unparsed, only a
 * plain recode with no conditions applies); the first that fits decides, none fitting, the code stands.
 */
import type { ParsedSentence } from '../model/syntax.js';
import type { SentenceView } from './sentence.js';
import type { Trigger } from './steps/context.js';
import { base, caseOf, headOf } from './clause.js';

export interface FrameCondition {
  upos?: ReadonlySet<string>;
  /** the trigger word's lemma (a pattern's verb group holds several verbs: "order" and "monitor" sanctions) */
  lemma?: ReadonlySet<string>;
  /** a nominal modifier of the object, or an oblique of the verb (the parse hangs "a warrant for the seizure" either way) */
  objMod?: { cases: ReadonlySet<string>; nouns?: ReadonlySet<string> };
  /** the trigger word's relation to its head (UD base relation); never holds unparsed */
  rel?: ReadonlySet<string>;
  /** 'none', 'any', or the lemmas of a class */
  obj?: 'none' | 'any' | ReadonlySet<string>;
  obl?: { cases: ReadonlySet<string>; nouns?: ReadonlySet<string> };
  xcomp?: boolean;
  prt?: ReadonlySet<string>;
}

export interface Frame extends FrameCondition {
  id: string;
  /** 'keep': the dictionary's code; null: nothing; else the CAMEO code this sense means */
  code: string | null;
}

export interface Frames {
  general: readonly Frame[];
  byLemma: ReadonlyMap<string, readonly Frame[]>;
  /** by pattern id ("p2:163:12"), the frames that act on that pattern where the sentence is parsed */
  patterns: ReadonlyMap<string, readonly Frame[]>;
  /** words passed over when reading an object off tokens */
  skip: ReadonlySet<string>;
  /** words that end an object read off tokens */
  stop: ReadonlySet<string>;
}

/** What a trigger's arguments look like, read off the parse or the tokens. */
interface Shape {
  upos?: string;
  lemma?: string;
  /** case marker and noun lemma of each nominal modifier of the object */
  objMod: { case: string; noun: string }[];
  /** the trigger word's relation to its head */
  rel?: string;
  /** lemmas of the object's head word(s); empty: no object */
  obj: string[];
  /** case marker and noun lemma of each oblique */
  obl: { case: string; noun: string }[];
  xcomp: boolean;
  prt: string[];
}

const BARE = 'p2-verb:';

/**
 * Apply the frames to a sentence's triggers: a bare verb whose arguments fit a frame coding
 * nothing loses its code, one fitting a frame with a code of its own takes it; the frame's id goes
 * into the rule (`…+frame:take-light`).
 */
export function applyFrames(trs: Trigger[], v: SentenceView, parse: ParsedSentence | undefined, f: Frames): void {
  for (const tr of trs) {
    if (tr.code === null) continue;
    if (!tr.rule.startsWith(BARE)) {
      patternFrame(tr, v, parse, f);
      continue;
    }
    const lemma = tr.rule.slice(tr.rule.lastIndexOf(':') + 1);
    const own = f.byLemma.get(lemma);
    const shape = parse ? fromParse(parse, v, tr) : fromTokens(v, tr, f);
    if (!shape) continue;
    const hit = f.general.find((fr) => fits(fr, shape)) ?? (own ? own.find((fr) => fits(fr, shape)) ?? null : undefined);
    if (hit === undefined || (hit !== null && hit.code === 'keep')) continue;
    const code = hit === null ? null : hit.code;
    tr.code = code;
    if (code === null) delete tr.reverse;
    tr.rule += `+frame:${hit === null ? `${lemma}-unframed` : hit.id}`;
  }
}

/**
 * A pattern's frames (by its id, the rule's first part): the first that fits recodes it; none fitting, it stands.
 * Unparsed, only a first frame with no conditions (a plain recode of the pattern) applies.
 */
function patternFrame(tr: Trigger, v: SentenceView, parse: ParsedSentence | undefined, f: Frames): void {
  const own = f.patterns.get(tr.rule.split('+')[0]);
  if (!own) return;
  const shape = parse ? fromParse(parse, v, tr) : undefined;
  // a parse that lost the pattern's object ("issued a warrant for the seizure" with "warrant" read as a verb) still has the words
  // after the pattern: a frame that asks only for a phrase there may read them ("for the seizure")
  const hit = shape ? own.find((fr) => fits(fr, shape)) ?? phraseOnly(own, fromTokens(v, tr, f)) : unconditional(own[0]) ? own[0] : undefined;
  if (!hit || hit.code === 'keep') return;
  tr.code = hit.code;
  // the other side's act of a pattern recoded is not the pattern's any more
  delete tr.reverse;
  delete tr.plover;
  tr.rule += `+frame:${hit.id}`;
}

/** The first of `frames` whose only conditions are a phrase after the trigger (obj_mod, obl) and that fits `s`. */
function phraseOnly(frames: readonly Frame[], s: Shape): Frame | undefined {
  return frames.find((fr) => (fr.objMod || fr.obl) && Object.keys(fr).every((k) => ['id', 'code', 'objMod', 'obl'].includes(k)) && fits(fr, s));
}

/** Whether frame `fr` has no conditions: it fits any shape, read or not. */
function unconditional(fr: Frame): boolean {
  return Object.keys(fr).every((k) => k === 'id' || k === 'code');
}

function fits(fr: FrameCondition, s: Shape): boolean {
  if (fr.upos && (s.upos === undefined || !fr.upos.has(s.upos))) return false;
  if (fr.lemma && (s.lemma === undefined || !fr.lemma.has(s.lemma))) return false;
  if (fr.objMod) {
    const { cases, nouns } = fr.objMod;
    if (![...s.objMod, ...s.obl].some((o) => cases.has(o.case) && (!nouns || nouns.has(o.noun)))) return false;
  }
  if (fr.rel && (s.rel === undefined || !fr.rel.has(s.rel))) return false;
  if (fr.obj === 'none' && s.obj.length > 0) return false;
  if (fr.obj === 'any' && s.obj.length === 0) return false;
  if (typeof fr.obj === 'object' && !s.obj.some((w) => (fr.obj as ReadonlySet<string>).has(w))) return false;
  if (fr.xcomp !== undefined && fr.xcomp !== s.xcomp) return false;
  if (fr.prt && !s.prt.some((w) => fr.prt!.has(w))) return false;
  if (fr.obl) {
    const { cases, nouns } = fr.obl;
    if (!s.obl.some((o) => cases.has(o.case) && (!nouns || nouns.has(o.noun)))) return false;
  }
  return true;
}

/** Relations under which a participle is said of the noun it modifies ("the action taken in Lahore"). */
const MODIFIER = new Set(['acl', 'amod']);

function fromParse(p: ParsedSentence, v: SentenceView, tr: Trigger): Shape | undefined {
  const t = headOf(p, { start: v.toks[tr.from].start, end: v.toks[tr.from].end });
  if (t < 0) return undefined;
  const w = p.words[t];
  const s: Shape = { upos: w.upos, lemma: w.lemma.toLowerCase(), rel: base(w.deprel), obj: [], objMod: [], obl: [], xcomp: false, prt: [] };
  const objs: number[] = [];
  for (let k = 0; k < p.words.length; k++) {
    const d = p.words[k];
    if (d.head !== t) continue;
    const rel = base(d.deprel);
    // a capitalised noun the tagger calls a name keeps its plural as its lemma ("paying Tariffs"): its singular is the lemma
    if (rel === 'obj' || d.deprel === 'nsubj:pass' || (tr.passive && rel === 'nsubj')) {
      s.obj.push(d.upos === 'PROPN' ? singular(d.lemma.toLowerCase()) : d.lemma.toLowerCase());
      objs.push(k);
    }
    // the second object of "awarded Tillerson the Order", which the parser labels a bare oblique
    else if (d.deprel === 'obl:unmarked' && s.obj.length > 0) s.obj.push(d.lemma.toLowerCase());
    else if (rel === 'obl') s.obl.push({ case: caseOf(p, k), noun: d.lemma.toLowerCase() });
    else if (rel === 'xcomp' || rel === 'ccomp') s.xcomp = true;
    else if (d.deprel === 'compound:prt') s.prt.push(d.lemma.toLowerCase());
  }
  if (MODIFIER.has(base(w.deprel)) && w.head >= 0) {
    s.obj.push(p.words[w.head].lemma.toLowerCase());
    objs.push(w.head);
  }
  // the object's modifiers, two levels down: the parse may tag the object noun a verb under its determiner ("issued a [warrant] for")
  let level = objs;
  for (let depth = 0; depth < 2 && level.length > 0; depth++) {
    const next: number[] = [];
    for (let k = 0; k < p.words.length; k++) {
      if (!level.includes(p.words[k].head)) continue;
      next.push(k);
      const rel = base(p.words[k].deprel);
      if (rel === 'nmod' || rel === 'obl') s.objMod.push({ case: caseOf(p, k), noun: p.words[k].lemma.toLowerCase() });
    }
    level = next;
  }
  return s;
}

/** Without a parse: the first words after the verb up to a preposition or a break are its object; "to" or "that" after them a complement. */
function fromTokens(v: SentenceView, tr: Trigger, f: Frames): Shape {
  const s: Shape = { obj: [], objMod: [], obl: [], xcomp: false, prt: [] };
  const { words } = v;
  const after = words[tr.to];
  if (after !== undefined) s.prt.push(after);
  let k = tr.to;
  const n = Math.min(words.length, tr.to + 4);
  while (k < n && !f.stop.has(words[k]) && !v.breaks[k]) {
    if (!f.skip.has(words[k])) s.obj.push(singular(words[k]));
    k++;
  }
  if (words[k] === 'to' || words[k] === 'that') s.xcomp = true;
  if (k < words.length && f.stop.has(words[k]) && k + 1 < words.length) {
    let j = k + 1;
    while (j < words.length && f.skip.has(words[j])) j++;
    if (j < words.length) s.obl.push({ case: words[k], noun: singular(words[j]) });
  }
  // a passive is said of the words before it ("the action was taken")
  if (tr.passive) for (let j = tr.from - 1; j >= 0 && j >= tr.from - 4; j--) s.obj.push(singular(words[j]));
  return s;
}

/** A rough lemma of a noun read off tokens: its singular. */
function singular(w: string): string {
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(w)) return w;
  return w.endsWith('s') ? w.slice(0, -1) : w;
}
