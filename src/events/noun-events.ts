/**
 * Events named by a noun, read off a sentence's dependency parse: "Russia's annexation of Crimea",
 * "U.S. airstrikes against ISIS", "talks between Iran and the EU", "during a meeting with
 * Uzbekistan's president". The verb patterns of steps 1-4 code acts told by a verb; in news the
 * same acts are as often told by a noun, with the one acting as its possessor, compound, country
 * adjective or "by" phrase and the one acted on behind a preposition the noun takes (the frames of
 * data/events/noun-frames.json).
 *
 * Only where both sides are actors of different countries, the noun's own clause reports the act as
 * done (not planned, threatened, called for, denied or to come: "plans for talks", "will impose
 * sanctions", "ahead of the summit"), and no event of the same dyad is already coded for the
 * sentence: a noun is the second way of telling an act, and its verb's coding, where there is one,
 * says more.
 */
import type { Mention } from '../model/actor.js';
import type { CodedEvent, EventParty } from '../model/event.js';
import type { ParsedSentence } from '../model/syntax.js';
import { base, caseOf, headOf, inClauseOf, under } from './clause.js';
import type { NounFrame, NounFrames } from './noun-frames.js';
import { party } from './steps/2-arguments.js';
import type { Ctx } from './steps/context.js';
import { resolveEventDate } from './when.js';
import { eventPlover } from './dictionary.js';

/** Relations by which a mention's word climbs to the phrase it is part of ("Uzbekistan's president", "Iran and the EU"). */
const CLIMB = new Set(['conj', 'appos', 'flat', 'nmod:poss', 'nmod:desc', 'compound', 'amod']);
/** Relations by which a noun's clause governs it: the words above it whose mood is the noun's. */
const GOVERNED = new Set(['obj', 'obl', 'nmod', 'xcomp', 'conj', 'nsubj', 'compound', 'appos']);
/** How a noun is a verb's complement: its object, or a phrase with the preposition of what is asked for, warned of or talked about. */
const COMPLEMENT = new Set(['obj', 'xcomp', 'nsubj:pass', 'for', 'to', 'of', 'on', 'about']);
/** Determiners and adverbs that deny the act ("no talks", "never met"). */
const DENIAL = new Set(['no', 'not', 'never', "n't"]);

interface Attached { m: number; rel: string; case: string }

/**
 * The noun events of parsed sentence `p` (index `s`), whose mentions are `mentions`; `coded` are
 * the events the verb steps kept for it.
 */
export function nounEvents(p: ParsedSentence, s: number, mentions: readonly Mention[], coded: readonly CodedEvent[], c: Ctx, f: NounFrames): CodedEvent[] {
  const out: CodedEvent[] = [];
  const ms = mentions.filter((m) => m.actor.code !== '' && m.start >= p.start && m.end <= p.end);
  if (ms.length < 2) return out;
  const heads = ms.map((m) => headOf(p, m));
  // a statement (01) says nothing of what was done: it does not stand for the act a noun tells ("Lavrov said … in a phone call with Pompeo")
  // keyed by quad class for an act that took place: "Kerry said during a visit to Seoul the U.S. would defend" is a
  // visit and a pledge; an act planned, announced or supposed ("Brazil plans sanctions": an intent, 03) covers its dyad in every class
  const quad = (code: string) => c.dict.cameo.get(code)?.quad;
  const announcing = new Set([...c.g.intentCodes.values(), ...c.g.threatCodes.values()].map((x) => x.slice(0, 2)));
  const dyads = new Set<string>();
  for (const e of coded) {
    if (e.sentence !== s || !e.target || e.root === '01') continue;
    const key = `${e.source.country}>${e.target.country}`;
    if (e.modality === 'asserted' && !e.negated && !announcing.has(e.root)) dyads.add(`${key}:${e.quad}`);
    else for (const q of [1, 2, 3, 4]) dyads.add(`${key}:${q}`);
  }
  for (let i = 0; i < p.words.length; i++) {
    const w = p.words[i];
    const frame = w.upos === 'NOUN' ? f.nouns.get(w.lemma.toLowerCase()) : undefined;
    if (!frame || (frame.compound && !p.words.some((d) => d.head === i && d.deprel === 'compound' && frame.compound!.has(d.lemma.toLowerCase())))) continue;
    const gov = governors(p, i, f);
    if (!gov) continue;
    const about = aboutActs(p, i, coded, s);
    const sources: number[] = [];
    const targets: number[] = [];
    const between: number[] = [];
    for (let k = 0; k < ms.length; k++) {
      // a pronoun stands for its antecedent only where it is itself the noun's dependent ("its detention of"), not inside another phrase ("in its eighth month")
      const a = ms[k].kind === 'pronoun' ? direct(p, heads[k], i, k) : attach(p, heads[k], i, k);
      if (!a) continue;
      const rel = base(a.rel);
      if (f.sourceRelations.has(a.rel) || ((rel === 'nmod' || rel === 'obl') && f.agentCases.has(a.case))) sources.push(k);
      else if ((rel === 'nmod' || rel === 'obl') && a.case === 'between' && frame.reciprocal) between.push(k);
      else if ((rel === 'nmod' || rel === 'obl') && frame.targetCases.has(a.case)) targets.push(k);
    }
    // "between Iran, the United States and five other powers": the list goes on in the text where the parse lost it
    if (between.length === 1) between.push(...listedAfter(c.text, ms, between[0]));
    if (between.length >= 2 && sources.length === 0) sources.push(between.shift()!);
    targets.push(...between);
    if (sources.length === 0) sources.push(...subjectsOf(p, i, heads, frame.reciprocal || frame.reverse !== undefined ? undefined : f.supportVerbs));
    for (const a of sources) for (const b of targets) {
      const x = ms[a].actor;
      const y = ms[b].actor;
      if (x.country === y.country || x.country === '' || y.country === '' || about.has(x.country) || about.has(y.country)) continue;
      // a meeting holds both ways: where a verb coded it one way ("signed agreements with"), the verb's coding says whether it goes back
      const q = quad(frame.code);
      if (frame.reciprocal && (dyads.has(`${x.country}>${y.country}:${q}`) || dyads.has(`${y.country}>${x.country}:${q}`))) continue;
      const emit = (code: string, rule: string, from: Mention, to: Mention) => {
        const key = `${from.actor.country}>${to.actor.country}:${quad(code)}`;
        if (dyads.has(key)) return;
        const e = event(c, code, rule, party(from.actor, from, 'noun'), party(to.actor, to, 'noun'), s, p, i, gov);
        if (!e) return;
        dyads.add(key);
        out.push(e);
      };
      emit(frame.code, `noun:${frame.id}`, ms[a], ms[b]);
      if (frame.reciprocal) emit(frame.code, `noun:${frame.id}:mutual`, ms[b], ms[a]);
      else if (frame.reverse) emit(frame.reverse, `noun:${frame.id}:reverse`, ms[b], ms[a]);
    }
  }
  return out;
}

/** Text that may join the members of a list of actors ("Iran, the United States and"). */
const LIST_JOIN = /^(?:\s*(?:,|\band\b|\bthe\b)\s*)+$/;

/** The mentions of `ms` listed right after mention `first` (by index), joined only by commas, "and" and "the". */
function listedAfter(text: string, ms: readonly Mention[], first: number): number[] {
  const out: number[] = [];
  for (let k = first + 1; k < ms.length && LIST_JOIN.test(text.slice(ms[k - 1].end, ms[k].start)); k++) out.push(k);
  return out;
}

/** How mention `m`'s word `h` attaches to noun `n`: the relation and case of the last link of its phrase, climbing through names, titles and conjuncts. */
function attach(p: ParsedSentence, h: number, n: number, m: number): Attached | undefined {
  let k = h;
  for (let steps = 0; k >= 0 && steps < 4; steps++) {
    const w = p.words[k];
    if (w.head === n) return { m, rel: w.deprel, case: caseOf(p, k) };
    // "a summit in Helsinki between Trump and Putin": a "between" phrase the parser hung on the noun's own modifier is the noun's
    // (a name, the place: "an agreement for peace between" is the peace's)
    if (w.head >= 0 && p.words[w.head].head === n && p.words[w.head].upos === 'PROPN' && base(w.deprel) === 'nmod' && caseOf(p, k) === 'between') return { m, rel: w.deprel, case: 'between' };
    if (k === n || !CLIMB.has(w.deprel) || w.head < 0) return undefined;
    k = w.head;
  }
  return undefined;
}

/**
 * The sources of the sentence's coded acts whose clause holds noun `n` ("Chile agreed to Swiss
 * mediation in its talks with Bolivia"): a noun inside an act of one of its sides is what that act is
 * about, not a second act (as step 5 keeps a verbless phrase; a statement, 01, is about anything).
 */
function aboutActs(p: ParsedSentence, n: number, coded: readonly CodedEvent[], s: number): Set<string> {
  const out = new Set<string>();
  for (const e of coded) {
    if (e.sentence !== s || e.root === '01') continue;
    const t = headOf(p, e);
    // the act's own object or adjunct is an act of its own ("criticized China's invasion of", "imposed sanctions over its detention of"); one inside them is what the act is about
    if (t >= 0 && t !== n && p.words[n].head !== t && inClauseOf(p, n, t)) out.add(e.source.country);
  }
  return out;
}

/** How mention `m`'s word `h` is itself a dependent of noun `n`. */
function direct(p: ParsedSentence, h: number, n: number, m: number): Attached | undefined {
  return h >= 0 && p.words[h].head === n ? { m, rel: p.words[h].deprel, case: caseOf(p, h) } : undefined;
}

/**
 * The words that govern noun `n`'s act (the noun, then the words it is the object or complement
 * of, up to its clause), when they report it as done: no modal or denial on the way up, no head
 * that plans, asks for, threatens or cancels it ("called for talks", "the threat of sanctions"), no
 * preposition that puts it later ("ahead of"), no condition ("if"); undefined otherwise.
 */
function governors(p: ParsedSentence, n: number, f: NounFrames): number[] | undefined {
  const chain: number[] = [];
  let k = n;
  for (let steps = 0; steps < 6; steps++) {
    chain.push(k);
    for (let d = 0; d < p.words.length; d++) {
      const w = p.words[d];
      if (d === k || w.head !== k) continue;
      const l = w.lemma.toLowerCase();
      if (w.deprel.startsWith('aux') && f.modals.has(l)) return undefined;
      if ((w.deprel === 'det' || w.deprel === 'advmod') && DENIAL.has(l)) return undefined;
      if (k === n && w.deprel === 'amod' && f.unrealised.has(l)) return undefined;
      if ((w.deprel === 'mark' || w.deprel === 'case') && f.blockingCases.has(l)) return undefined;
    }
    const w = p.words[k];
    const rel = base(w.deprel);
    // the predicate a phrase inside the noun's subject is said of tells nothing of the noun's act ("the outcome of the deal is that X won't escalate")
    if (w.head < 0 || !GOVERNED.has(rel) || (rel === 'nsubj' && k !== n)) return chain;
    // "sanctions were lifted" is lifted sanctions, "talks ended" talks that took place
    const via = rel === 'obl' ? caseOf(p, k) : w.deprel;
    k = w.head;
    const h = p.words[k];
    const l = h.lemma.toLowerCase();
    // a verb governs its act's mood through its object or complement ("called for talks", "warned of sanctions"), not through a time or place ("discussed it during the summit")
    if (h.upos === 'VERB' && f.blockingVerbs.has(l) && COMPLEMENT.has(via)) return undefined;
    if (h.upos === 'NOUN' && f.blockingNouns.has(l)) return undefined;
  }
  return chain;
}

/**
 * The mentions that are the subject of the clause governing noun `n`: for a meeting or visit, whatever
 * the verb ("Hagel said during a press conference with …", "Kerry said during a visit to Seoul");
 * for another act, only a verb in `support` whose object it is ("imposed sanctions on", "retaliated
 * with airstrikes against").
 */
function subjectsOf(p: ParsedSentence, n: number, heads: readonly number[], support?: ReadonlySet<string>): number[] {
  let k = n;
  let last = n;
  // (and through an apposition the parser hangs a phrase on: "On Friday, during a visit to Seoul, Kerry said")
  while (k >= 0 && p.words[k].upos !== 'VERB' && ['obj', 'obl', 'nmod', 'appos'].includes(base(p.words[k].deprel))) { last = k; k = p.words[k].head; }
  // "Lavrov, in a phone call with Pompeo, said": the parser may hang the meeting on the actor it is of
  if (!support && k >= 0 && k !== n && base(p.words[last].deprel) === 'nmod' && heads.includes(k)) return [heads.indexOf(k)];
  if (k < 0 || p.words[k].upos !== 'VERB') return [];
  // "launched two rounds of airstrikes", "retaliated with airstrikes": the act is what the verb does, through its object or "with"
  const how = p.words[last].deprel === 'obj' || (base(p.words[last].deprel) === 'obl' && caseOf(p, last) === 'with');
  if (support && (!support.has(p.words[k].lemma.toLowerCase()) || !how)) return [];
  const out: number[] = [];
  for (let m = 0; m < heads.length; m++) {
    const a = heads[m] >= 0 ? attach(p, heads[m], k, m) : undefined;
    if (a && base(a.rel) === 'nsubj') out.push(m);
  }
  return out;
}

function event(c: Ctx, code: string, rule: string, s: EventParty, t: EventParty, sentence: number, p: ParsedSentence, n: number, gov: readonly number[]): CodedEvent | undefined {
  const trigger = { start: p.words[n].start, end: p.words[n].end };
  const info = c.dict.cameo.get(code);
  if (!info) return undefined;
  const sentenceSpan = c.sentences[sentence] ? { start: c.sentences[sentence].start, end: c.sentences[sentence].end } : { start: p.start, end: p.end };
  const e: CodedEvent = {
    start: trigger.start,
    end: trigger.end,
    source: s,
    target: t,
    sources: [s.code],
    targets: [t.code],
    code,
    root: info.root,
    goldstein: info.goldstein,
    quad: info.quad,
    negated: false,
    modality: 'asserted',
    sentence,
    sentenceSpan,
    // a noun's parties are read off the parse alone, with no pattern behind them
    confidence: 0.5,
    rule,
  };
  // "since Russia's invasion of Ukraine": an act the clause gives as background (the grammar's historical markers, as the verb steps read them)
  if (gov.some((g) => p.words.some((d) => d.head === g && ['case', 'mark', 'advmod'].includes(d.deprel) && c.g.historicalMarkers.words.has(d.lemma.toLowerCase())))) e.modality = 'historical';
  const pl = eventPlover(c.dict, code);
  if (pl) e.plover = pl;
  const when = resolveEventDate(c.text, sentenceSpan, c.date, { trigger, words: c.dateWords });
  // a date of the sentence dates the noun's act only inside its phrase or the clause governing it ("his meeting Friday with Putin", "held talks on Friday with"), not another clause ("the outcome of the deal is that X won't escalate … on January 1")
  const dw = when ? headOf(p, when.span) : -1;
  if (when && dw >= 0 && gov.some((g) => under(p, dw, g))) Object.assign(e, { date: when.date, dateBy: 'sentence', dateSpan: when.span });
  else if (c.date && e.modality !== 'historical') Object.assign(e, { date: c.date, dateBy: 'article' });
  return e;
}
