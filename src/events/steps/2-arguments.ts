/**
 * Step 2, arguments: who acts and who is acted on. Pattern slots, else the subject before and the
 * object after, the agent of a passive, compounds, a quote's speaker for "we", the earlier actor an
 * anaphoric phrase points to; failing a named actor, people of a place, the place an attack or an
 * act happens in, and the other readings below.
 */
import type { Actor, Mention } from '../../model/actor.js';
import type { EventParty } from '../../model/event.js';
import type { Quote } from '../../model/quote.js';
import type { Span } from '../../model/span.js';
import { endsAt, type EventGrammar } from '../grammar.js';
import { reciprocalAt, usable } from '../match.js';
import { compound, earlierActor, frontedSubject, groupObjectAfter, lastTwo, objectAfter, pairBefore, relativeAntecedent, subjectBefore } from '../parties.js';
import { placeAt } from '../places.js';
import { isDirection, mentionRange, type SentenceView } from '../sentence.js';
import type { Ctx, Trigger } from './context.js';

/** The parties of a trigger's act and what later steps need of how they were found. */
export interface Arguments {
  /** the quote whose content holds the trigger, and its index (−1: none) */
  quote: Quote | undefined;
  qi: number;
  /** the source's and the target's token in the sentence (−1: none) */
  srcTok: number;
  tgtTok: number;
  sources: EventParty[];
  targets: EventParty[];
  /** lowered for a passive and for a target found in the sentences before */
  confidence: number;
}

/** How many sentences back an anaphor or a quote's unnamed recipient is looked for. */
const CONTEXT_SENTENCES = 3;

/** The parties of trigger `tr`; undefined when no one is found to act. */
export function argumentsOf(tr: Trigger, v: SentenceView, c: Ctx): Arguments | undefined {
  const { mentions, g, text } = c;
  const at = v.toks[tr.from].start;
  const qi = quoteAt(c.quotes, at);
  const quote = qi >= 0 ? c.quotes[qi] : undefined;
  let confidence = tr.patterned ? 0.8 : 0.6;

  // source and target token positions in the sentence (−1: none)
  let srcTok = -1;
  let tgtTok = -1;
  let anaphor: [number, number] | undefined;
  let pairSlot: [number, number] | undefined;
  const tokOf = (mi: number) => v.toks.findIndex((tk) => tk.start >= mentions[mi].start);
  if (tr.passive && !tr.source) {
    // "Ukraine was attacked by Russia": the agent acts
    // (a reduced passive's noun is right before it, "Iran's assets frozen by", not the clause's subject)
    tgtTok = tr.reduced ? actorJustBefore(v, tr.from) : subjectBefore(v, tr.from, mentions, text, g);
    // "a camp for Congolese refugees was attacked": the people the subject is of or for
    if (tgtTok < 0 && !tr.reduced) tgtTok = ownerInSubject(v, tr.from, mentions, text, g);
    for (let k = tr.to; k < v.words.length && k < tr.to + 3; k++) {
      if (v.words[k] === 'by') {
        srcTok = objectAfter(v, k + 1, mentions, text, g);
        // "sanctions imposed by the U.S. on Iran", "loans approved by the bank for Bolivia": the one acted on follows the agent
        if (tr.reduced && tgtTok < 0 && srcTok >= 0) {
          const agents = compound(v, srcTok, mentions, text, g);
          const end = Math.max(...agents.map((mi) => mentionRange(v, v.toks.findIndex((tk) => tk.start >= mentions[mi].start))[1]));
          tgtTok = objectAfter(v, end, mentions, text, g);
        }
        break;
      }
    }
    // with no one named around it, the reduced passive's noun is the clause's business: its subject's
    if (tr.reduced && tgtTok < 0) tgtTok = subjectBefore(v, tr.from, mentions, text, g);
    confidence *= 0.9;
  } else {
    srcTok = tr.source?.mention !== undefined ? tokOf(tr.source.mention) : subjectBefore(v, tr.from, mentions, text, g);
    if (srcTok < 0 && !tr.source) srcTok = frontedSubject(v, tr.from, mentions, text, g);
    if (srcTok < 0 && !tr.source) srcTok = relativeAntecedent(v, tr.from, mentions, text, g);
    // "he told reporters before meeting the crown prince": an -ing clause's doer is the subject of the clause it hangs on
    if (srcTok < 0 && !tr.source && tr.from > 0 && v.words[tr.from].endsWith('ing') && g.ingOpeners.words.has(v.words[tr.from - 1])) srcTok = subjectBefore(v, tr.from - 1, mentions, text, g);
    if (tr.target?.mention !== undefined) tgtTok = tokOf(tr.target.mention);
    else if (tr.target?.anaphor) anaphor = tr.target.anaphor;
    else if (tr.target?.reciprocal) {
      // the subjects act on each other (below): no one else is the object
    } else if (tr.target?.pair) pairSlot = tr.target.pair;
    // a pattern without a target slot ("killed … in a gunbattle") still acts on the verb's object, which may sit inside the pattern's words
    else tgtTok = objectAfter(v, tr.patterned && !tr.nominal ? tr.from + 1 : tr.to, mentions, text, g, true);
  }

  // sources: a compound, or a quote's speaker standing in for "we"
  let sources: EventParty[] = [];
  if (srcTok >= 0) {
    const sm = mentions[v.mention[srcTok]];
    if (sm.actor.code !== '') sources = partiesAt(v, srcTok, c);
    else if (quote?.speakerActor && quote.speakerActor.code !== '') sources = [party(quote.speakerActor, quote.speakerSpan ?? sm, 'speaker')];
  }
  // "the two men also discussed Syria": the two sides named last, each a party (each with the other below, for a consultation)
  if (sources.length === 0 && srcTok < 0 && !tr.passive && !tr.source) {
    const notBefore = c.sentences[Math.max(0, v.index - CONTEXT_SENTENCES)].start;
    const pair = pairBefore(v, tr.from, mentions, text, g, notBefore);
    if (pair) {
      const span = { start: v.toks[pair.from].start, end: v.toks[pair.to - 1].end };
      sources = pair.members.map((mi) => party(mentions[mi].actor, span, 'pair'));
    }
  }
  // "demonstrators in Baghdad blocked a road": people of a place, with no actor named, act as its country
  if (sources.length === 0 && srcTok < 0 && !tr.passive) {
    const p = groupInPlace(v, tr.from, c) ?? groupActingIn(v, tr, c);
    if (p) sources = [countryParty(p.country, p.span, 'located-group')];
  }
  // "a roadside bombing near Samarra killed …", "were killed in a car bomb explosion in Beirut": an attack no one is named for is coded by the country it happens in
  let unnamedAttack = false;
  if (sources.length === 0 && srcTok < 0 && tr.code !== null && g.attackRoots.has(tr.code.slice(0, 2))) {
    const p = attackPlace(v, tr, c);
    if (p) {
      sources = [countryParty(p.country, p.span, 'attack-place')];
      unnamedAttack = true;
    }
  }
  if (sources.length === 0) return undefined;

  let targets: EventParty[] = [];
  // "has been in touch with both countries": the two sides named last before the phrase, other than the source's
  if (pairSlot) {
    const [a, b] = pairSlot;
    const span = { start: v.toks[a].start, end: v.toks[b - 1].end };
    const two = lastTwo(mentions, span.start, c.sentences[Math.max(0, v.index - CONTEXT_SENTENCES)].start, sources[0].country);
    if (two) targets = two.map((mi) => party(mentions[mi].actor, span, 'pair'));
  }
  if (tgtTok >= 0) {
    const tm = mentions[v.mention[tgtTok]];
    if (tm.actor.code !== '') targets = partiesAt(v, tgtTok, c);
  } else if (anaphor || (quote && quote.kind !== 'indirect' && tr.patterned)) {
    // "Kyiv rejected these comments": whoever made them, in the sentences just before
    const notBefore = c.sentences[Math.max(0, v.index - CONTEXT_SENTENCES)].start;
    const before = anaphor ? v.toks[anaphor[0]].start : at;
    const mi = earlierActor(mentions, before, Math.min(notBefore, quote?.start ?? notBefore), sources[0].country);
    if (mi >= 0) {
      const span = anaphor ? { start: v.toks[anaphor[0]].start, end: v.toks[anaphor[1] - 1].end } : mentions[mi];
      targets = [party(mentions[mi].actor, span, anaphor ? 'anaphor' : 'context')];
      confidence *= 0.7;
    }
  }
  // "investigating war crimes by Croatian extremists against Serb civilians": an inquiry is into those said to have done it, not their victims
  if (!tr.passive && tr.code !== null && g.inquiryRoots.has(tr.code.slice(0, 2))) {
    const k = perpetratorAfter(v, tr.to, c);
    if (k >= 0) targets = partiesAt(v, k, c);
  }
  // "condemned the killing of the Israeli soldiers": a condemnation or demand on a harm is aimed at its doer ("by"), not its victims
  if (!tr.passive && tgtTok >= 0 && tr.code !== null && g.blameRoots.has(tr.code.slice(0, 2)) && harmOf(v, tr.from, tgtTok, g)) {
    const k = perpetratorAfter(v, tgtTok, c);
    targets = k >= 0 ? partiesAt(v, k, c) : [];
  }
  // "blocked roads in Hong Kong in defiance of Chinese authorities": whom the act defies or protests against (against_phrases)
  // (over an object found by distance alone, which may be the place the act happened in)
  if (!tr.target && !tr.passive) {
    const k = defiedAfter(v, tr.to, c);
    if (k >= 0) targets = partiesAt(v, k, c);
  }
  // "demanded an admission by Moscow": a demand with no one named is made of whoever is to act
  if (targets.length === 0 && tgtTok < 0 && !tr.passive && tr.code !== null && g.demandByRoots.has(tr.code.slice(0, 2))) {
    const k = perpetratorAfter(v, tr.to, c);
    if (k >= 0) targets = partiesAt(v, k, c);
  }
  // "the government accused rebels of …": an unnamed group acted on is of the source's own country
  // (only for a source that is an institution of its country, "the Malian government", "Liberian police", or its people at home: a country's forces fighting "guerrillas" may be abroad)
  if (targets.length === 0 && tgtTok < 0 && !anaphor && !tr.passive && /^[A-Z]{3}$/.test(sources[0].country) && ((sources[0].code.length > 3 && sources[0].code.startsWith(sources[0].country)) || sources[0].via === 'located-group')) {
    const k = groupObjectAfter(v, tr.to, g);
    if (k >= 0) targets = [countryParty(sources[0].country, v.toks[k], 'domestic-group')];
  }
  // "arrived in Amman", "evacuate settlements in the Gaza Strip": with no one named as acted on, the country acted in
  if (targets.length === 0 && tgtTok < 0 && !anaphor && !tr.passive && !tr.nominal) {
    const p = placeAfter(v, tr.from + 1, c); // from the verb: a pattern may end inside the place phrase ("arrived in $")
    if (p && p.country !== sources[0].country) targets = [countryParty(p.country, p.span, 'place')];
  }
  // "The United States and Jordan have agreed": each with the other (for a pattern's act: a bare verb may be a participle, "with strings attached")
  // (a bare verb only for a consultation, "Chile and Peru discussed the border": a bare participle after a list is no act of its members, "with strings attached")
  if (targets.length === 0 && sources.length >= 2 && tr.code !== null && (tr.patterned ? g.reciprocalCodes.has(tr.code.slice(0, 2)) || g.reciprocalCodes.has(tr.code.slice(0, 3)) : tr.code.startsWith('04') && !tr.passive)) targets = sources;
  // "the two men also discussed Syria": a plain consultation (040) by two sides is with each other; what it names is its topic
  else if (sources.length >= 2 && !tr.patterned && !tr.passive && tr.code === '040' && !targets.some((t) => sources.some((s) => s.country === t.country))) targets = sources;

  // "Israel and Hamas accused each other", "… each accused the other": every member on every other
  if (targets.length === 0 && sources.length >= 2 && !tr.passive && (tr.target?.reciprocal || (tgtTok < 0 && !tr.target && reciprocalAt(v, tr.to, g) > 0))) targets = sources;

  // and, with no one named as hit, on the country it happens in
  if (unnamedAttack && targets.length === 0) targets = [countryParty(sources[0].country, sources[0].span, 'place')];
  return { quote, qi, srcTok, tgtTok, sources, targets, confidence };
}

/** The nearest usable mention before token `from` in its clause that follows "of" or "for" ("a camp for Congolese refugees"), or −1. */
function ownerInSubject(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar): number {
  for (let k = from - 1; k > 0; k--) {
    if (v.breaks[k] || v.words[k] === ',') return -1;
    const m = v.mention[k];
    if (m < 0) continue;
    const [a] = mentionRange(v, k);
    if ((v.words[a - 1] === 'of' || v.words[a - 1] === 'for') && usable(mentions[m], g, text)) return a;
    k = a;
  }
  return -1;
}

/** The quote whose content holds character `at`, as an index, or −1. */
function quoteAt(quotes: readonly Quote[], at: number): number {
  for (let q = 0; q < quotes.length; q++) {
    const x = quotes[q];
    if (x.start > at) break;
    if (at < x.end && x.spans.some((s) => s.start <= at && at < s.end)) return q;
  }
  return -1;
}

export function party(a: Actor, span: Span, via: string): EventParty {
  return { code: a.code, country: a.country, actor: a.id, name: a.name, span: { start: span.start, end: span.end }, via };
}

/** A country as a party no mention names, found by `via` (its own people, a place, a domestic recipient). */
export function countryParty(country: string, span: Span, via: string): EventParty {
  return { code: country, country, actor: `country/${country}`, name: country, span: { start: span.start, end: span.end }, via };
}

/** The country mention `m` names, when it names one ("Sudan", "Sudanese"), for a place. */
function countryOf(c: Ctx, m: number): string | undefined {
  const a = c.mentions[m].actor;
  return a.kind === 'country' && /^[A-Z]{3}$/.test(a.country) ? a.country : undefined;
}

/** Token `at`, or the one after it when it is a "the" no mention covers ("in the Gaza Strip"). */
function pastThe(v: SentenceView, at: number): number {
  return v.words[at] === 'the' && v.mention[at] < 0 ? at + 1 : at;
}

/** Words that put a place after an act ("arrived in", "withdrew from", "sent troops to"). */
const PLACE_PREPOSITIONS = new Set(['in', 'into', 'to', 'at', 'from', 'inside', 'near', 'outside', 'across', 'throughout']);

/** The place the act starting before token `from` happens in, within its clause and a few words of it. */
function placeAfter(v: SentenceView, from: number, c: Ctx): { country: string; span: Span } | undefined {
  for (let k = from; k < v.words.length - 1 && k < from + 8; k++) {
    if (v.breaks[k] || v.words[k] === ',') return undefined;
    if (!PLACE_PREPOSITIONS.has(v.words[k])) continue;
    const at = pastThe(v, k + 1);
    const p = at < v.words.length ? placeAt(v, at, c.text, (m) => countryOf(c, m), c.places) : undefined;
    if (p) return { country: p.country, span: { start: v.toks[at].start, end: v.toks[p.end - 1].end } };
  }
  return undefined;
}

/** The parties of the mention at token `k` and those compounded with it ("Hungary and Slovakia"), an ethnic group as the country it lives in. */
function partiesAt(v: SentenceView, k: number, c: Ctx): EventParty[] {
  return compound(v, k, c.mentions, c.text, c.g).map((mi) => ethnicHome(v, mi, c) ?? party(c.mentions[mi].actor, c.mentions[mi], c.mentions[mi].kind));
}

/**
 * An ethnic group named by a people word ("ethnic Albanians", after `ethnic_markers`) where the
 * sentence says it is "in" another country ("in Serbia", "in southeastern Serbia") is a people of
 * that country, as CAMEO codes a minority by where it lives; undefined when it is not such a group.
 */
function ethnicHome(v: SentenceView, mi: number, c: Ctx): EventParty | undefined {
  const m = c.mentions[mi];
  if (m.kind !== 'demonym') return undefined;
  const k = v.toks.findIndex((tk) => tk.start >= m.start);
  const { words } = v;
  // "the Albanians of southern Serbia": the people word followed by where they live
  const end = mentionRange(v, k)[1];
  if (words[end] === 'of') {
    const at = end + 1 < words.length - 1 && isDirection(v, end + 1) ? end + 2 : end + 1;
    const p = at < words.length ? placeAt(v, at, c.text, (x) => countryOf(c, x), c.places) : undefined;
    if (p && p.country !== m.actor.country) return countryParty(p.country, m, 'ethnic-home');
  }
  if (k < 1 || endsAt(c.g.ethnicMarkers, v.words, k - 1) === 0) return undefined;
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== 'in') continue;
    let at = pastThe(v, i + 1);
    // one lower-case word of direction or size between ("in southeastern Serbia")
    if (at < words.length - 1 && v.mention[at] < 0 && !/^\p{Lu}/u.test(c.text[v.toks[at].start])) at++;
    const p = placeAt(v, at, c.text, (x) => countryOf(c, x), c.places);
    if (p && p.country !== m.actor.country) return countryParty(p.country, m, 'ethnic-home');
  }
  return undefined;
}

/** The actor named right after "by" in the object of an inquiry ("crimes committed by Croat forces"), within its clause, as a token index, or −1. */
function perpetratorAfter(v: SentenceView, from: number, c: Ctx): number {
  for (let k = from; k < v.words.length - 1 && k < from + c.g.maxTargetDistance; k++) {
    if (v.breaks[k] || v.words[k] === ',') return -1;
    if (v.words[k] !== 'by') continue;
    const a = objectAfter(v, k + 1, c.mentions, c.text, c.g);
    return a >= 0 && a <= k + 3 && c.mentions[v.mention[a]].actor.code !== '' ? a : -1;
  }
  return -1;
}

/** How many words after "in", "near" a place may sit ("near the town of Samarra", "in a residential sector of … Beirut"). */
const ATTACK_PLACE_WINDOW = 8;

/**
 * The place of an attack named by its weapon or blast in the act's own clause: before an active
 * verb ("a roadside bombing near Samarra killed"), after a passive one ("were killed in a car bomb
 * explosion in Beirut"). The attack noun comes first, then a preposition of place, then the place.
 */
function attackPlace(v: SentenceView, tr: Trigger, c: Ctx): { country: string; span: Span } | undefined {
  const { words } = v;
  let a = tr.to;
  let b = words.length;
  if (!tr.passive) {
    a = tr.from;
    while (a > 0 && !v.breaks[a - 1] && words[a - 1] !== ',') a--;
    b = tr.from;
  }
  let noun = false;
  for (let k = a; k < b; k++) {
    if (k > a && (v.breaks[k] || words[k] === ',')) return undefined;
    if (v.mention[k] < 0 && endsAt(c.g.attackNouns, words, k) > 0) noun = true;
    if (!noun || !PLACE_PREPOSITIONS.has(words[k])) continue;
    for (let at = k + 1; at < b && at <= k + ATTACK_PLACE_WINDOW; at++) {
      if (v.breaks[at] || words[at] === ',') return undefined;
      // a capital the actor stage read as its government ("Beirut") is here the place
      const p = placeAt(v, at, c.text, (m) => (c.mentions[m].kind === 'metonym' && /^[A-Z]{3}$/.test(c.mentions[m].actor.country) ? c.mentions[m].actor.country : countryOf(c, m)), c.places);
      if (p) return { country: p.country, span: { start: v.toks[at].start, end: v.toks[p.end - 1].end } };
    }
  }
  return undefined;
}

/** People named by a noun and a place before token `from` in its clause ("demonstrators in Baghdad", "people … in Hong Kong"). */
function groupInPlace(v: SentenceView, from: number, c: Ctx): { country: string; span: Span } | undefined {
  for (let k = from - 1; k >= 0; k--) {
    if (v.breaks[k]) return undefined;
    if (!c.g.peopleNouns.words.has(v.words[k]) || v.words[k + 1] !== 'in') continue;
    const at = pastThe(v, k + 2);
    if (at >= from) return undefined;
    const p = placeAt(v, at, c.text, (m) => countryOf(c, m), c.places);
    if (p) return { country: p.country, span: { start: v.toks[k].start, end: v.toks[p.end - 1].end } };
  }
  return undefined;
}

/** Whether the target at token `at`, after the act starting at `from`, is the victim of a harm noun just before it ("the killing of [the Israeli soldiers]"). */
function harmOf(v: SentenceView, from: number, at: number, g: EventGrammar): boolean {
  let k = at - 1;
  if (k >= from && v.words[k] === 'the') k--;
  if (k <= from + 1 || !['of', 'on', 'against'].includes(v.words[k])) return false;
  return endsAt(g.harmNouns, v.words, k - 1) > 0;
}

/** The actor, as a token, right after an "in defiance of" or "in protest against" a few words after token `from`, in its clause; or −1. */
function defiedAfter(v: SentenceView, from: number, c: Ctx): number {
  for (let j = from; j < v.words.length - 1 && j < from + 8; j++) {
    if (v.breaks[j] || v.words[j] === ',') return -1;
    if (endsAt(c.g.againstPhrases, v.words, j) === 0) continue;
    const at = pastThe(v, j + 1);
    const m = v.mention[at];
    return m !== undefined && m >= 0 && usable(c.mentions[m], c.g, c.text) && c.mentions[m].actor.code !== '' ? at : -1;
  }
  return -1;
}

/**
 * "Thousands of people blocked roads in Nairobi": unnamed people just before the act (a people noun,
 * no actor between) who act in a named place are of the place's country, as "people in Nairobi" are.
 */
function groupActingIn(v: SentenceView, tr: Trigger, c: Ctx): { country: string; span: Span } | undefined {
  let k = tr.from - 1;
  while (k >= 0 && k >= tr.from - 3 && !v.breaks[k] && v.mention[k] < 0 && !c.g.peopleNouns.words.has(v.words[k])) k--;
  if (k < 0 || k < tr.from - 3 || v.breaks[k] || !c.g.peopleNouns.words.has(v.words[k])) return undefined;
  for (let j = tr.to; j < v.words.length - 1 && j < tr.to + 6; j++) {
    if (v.breaks[j] || v.words[j] === ',' || v.mention[j] >= 0) return undefined;
    if (!c.g.whereDone.words.has(v.words[j])) continue;
    const at = pastThe(v, j + 1);
    const p = at < v.words.length ? placeAt(v, at, c.text, (m) => countryOf(c, m), c.places) : undefined;
    if (p) return { country: p.country, span: { start: v.toks[at].start, end: v.toks[p.end - 1].end } };
  }
  return undefined;
}

/** The token of an actor mention ending at most two words before `i` ("Iran's assets frozen by"), or -1. */
function actorJustBefore(v: SentenceView, i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (v.breaks[k]) return -1;
    if (v.mention[k] >= 0) return mentionRange(v, k)[0];
  }
  return -1;
}
