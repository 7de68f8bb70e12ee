/**
 * The event stage: who did what to whom. For each sentence with actor mentions,
 *
 * 1. find triggers: verb forms of the pattern dictionary and verbless phrase patterns (lexicon);
 * 2. match the trigger's patterns, most specific first; a pattern coded `---` discards (match);
 * 3. fill source and target: pattern slots, else the subject before and the object after, the
 *    agent of a passive, compounds, a quote's speaker for "we", the earlier actor an anaphoric
 *    phrase points to (parties);
 * 4. read negation and modality (mood), recode an act the speaker announces (03x intent, 13x
 *    threat), and attach CAMEO and PLOVER coding, date and evidence.
 *
 * Pure: the dictionaries are loaded once; the date comes from the article, never the clock.
 */
import type { Actor, Mention } from '../model/actor.js';
import type { ArticleText } from '../model/article.js';
import type { CodedEvent, EventParty, Modality } from '../model/event.js';
import type { Quote } from '../model/quote.js';
import type { Span } from '../model/span.js';
import { loadEventDictionary, type EventDictionary } from './dictionary.js';
import { endsAt, loadGrammar, type EventGrammar } from './grammar.js';
import { candidates, compileLexicon, type CompiledPattern, type Lexicon } from './lexicon.js';
import { matchPattern, matchPhrase, usable, type PatternMatch, type Slot } from './match.js';
import { readMood, type Mood } from './mood.js';
import { resolveEventDate, type SentenceDate } from './when.js';
import { compound, earlierActor, groupObjectAfter, objectAfter, subjectBefore } from './parties.js';
import { isDirection, mentionRange, sentenceView, type SentenceView } from './sentence.js';
import { withAdjectives } from './adjectives.js';
import { placeAt } from './places.js';
import { checkArguments, type ArgumentRules } from './argument-check.js';
import { loadArgumentRules } from './argument-rules.js';
import type { ParsedSentence } from '../model/syntax.js';

export { loadEventDictionary, goldstein, quadClass, toPlover, cameoName } from './dictionary.js';
export type { EventDictionary } from './dictionary.js';
export { loadGrammar, parseGrammar } from './grammar.js';

interface Trigger {
  from: number;
  to: number;
  code: string | null;
  reverse?: string;
  /** PLOVER coding the pattern gives apart from its CAMEO code's row */
  plover?: { event: string; mode?: string };
  rule: string;
  source?: Slot;
  target?: Slot;
  /** a pattern (not just the bare verb) matched */
  patterned: boolean;
  passive: boolean;
  /** inside an accusation's complement */
  alleged: boolean;
  /** a verbless phrase ("no more joint projects with"): a state of affairs, not an act someone announces */
  nominal?: boolean;
  /** index (among the sentence's triggers) of the demand or rejection whose complement holds this act ("demanded that X withdraw") */
  embeddedIn?: number;
}

interface Ctx {
  text: string;
  mentions: readonly Mention[];
  quotes: readonly Quote[];
  sentences: readonly Span[];
  dict: EventDictionary;
  g: EventGrammar;
  lex: Lexicon;
  date: string | undefined;
}

/**
 * Code the events of an article whose actor mentions and quotes are known.
 *
 * @example
 * const a = analyze({ text: 'Talks\n\nRussia accused the European Union of waging a hybrid war.' }) as Article;
 * codeEvents(a, a.spans.mentions, a.quotes)[0] // { source: {country: 'RUS'}, target: {country: 'EU'}, code: '112', rule: 'en:accuse-of', … }
 */
export function codeEvents(
  article: ArticleText,
  actorMentions: readonly Mention[],
  quotes: readonly Quote[] = [],
  dict: EventDictionary = loadEventDictionary(),
  g: EventGrammar = loadGrammar(),
  syntax: readonly ParsedSentence[] = [],
  argumentRules: ArgumentRules = loadArgumentRules(),
): CodedEvent[] {
  const parsed = new Map<number, ParsedSentence>();
  for (const p of syntax) parsed.set(p.sentence, p);
  const { text } = article;
  const { sentences, tokens } = article.spans;
  const mentions = withAdjectives(text, tokens, actorMentions);
  const ctx: Ctx = { text, mentions, quotes, sentences, dict, g, lex: compileLexicon(dict), date: article.meta.date?.value?.slice(0, 10) };
  const out: CodedEvent[] = [];
  const seen = new Set<string>();
  let t = 0;
  let m = 0;
  for (let s = 0; s < sentences.length; s++) {
    const sp = sentences[s];
    while (t < tokens.length && tokens[t].start < sp.start) t++;
    let t1 = t;
    while (t1 < tokens.length && tokens[t1].end <= sp.end) t1++;
    while (m < mentions.length && mentions[m].start < sp.start) m++;
    let m1 = m;
    let coded = 0;
    while (m1 < mentions.length && mentions[m1].start < sp.end) if (mentions[m1++].actor.code !== '') coded++;
    // a sentence with no actor named codes nothing, unless people of a place may act ("protesters in Caracas")
    if (coded === 0 && !namesPeople(text, tokens, t, t1, g)) continue;
    const v = sentenceView(text, s, sp, tokens, t, t1, mentions, m, m1, g);
    const first = out.length;
    const parse = parsed.get(s);
    let open = false;
    const trs = triggers(v, ctx);
    /** per trigger, the countries its kept events have for source */
    const actedBy: Set<string>[] = [];
    const embeds = new Uint8Array(trs.length);
    for (const x of trs) if (x.embeddedIn !== undefined) embeds[x.embeddedIn] = 1;
    for (const tr of trs) {
      const by = new Set<string>();
      actedBy.push(by);
      // the one who demands or refuses, even when its own act has no one named as acted on ("declined to resign")
      if (embeds[actedBy.length - 1]) {
        const k = subjectBefore(v, tr.from, mentions, text, g);
        if (k >= 0) by.add(mentions[v.mention[k]].actor.country);
      }
      for (const e of eventsOf(tr, v, ctx)) {
        // "demanded that the US cancel its plans", "rejected a US offer to host talks": what one side asks of or refuses another is not done by it
        if (tr.embeddedIn !== undefined && !actedBy[tr.embeddedIn].has(e.source.country)) continue;
        by.add(e.source.country);
        // "staged rallies to demand reforms": the purpose of an act its source did just before is not an act of its own
        if (tr.from > 0 && v.words[tr.from - 1] === 'to' && e.modality === 'asserted' && !e.negated && purposeOf(out, first, e)) continue;
        if (tr.from > 0 && v.words[tr.from - 1] === 'to' && tr.embeddedIn === undefined && purposeOfOther(out, first, e)) continue;
        // "agreed to US mediation in the talks with the Palestinians": a verbless phrase after an act of one of its sides is what that act is about, not a second act
        if (tr.nominal && aboutEarlier(out, first, e, v, tr.from)) continue;
        // where the sentence was parsed, its parties must be the trigger's agent and patient
        if (parse && checkArguments(e, parse, argumentRules) !== undefined) continue;
        const key = `${e.source.code}>${e.target?.code ?? ''}:${e.code}:${s}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(e);
        if (!e.target) open = true;
      }
    }
    if (open) dropSubsumed(out, first);
  }
  return out;
}

/** Whether tokens `[t0, t1)` hold a people noun ("protesters", "villagers"). */
function namesPeople(text: string, tokens: readonly Span[], t0: number, t1: number, g: EventGrammar): boolean {
  for (let k = t0; k < t1; k++) {
    const len = tokens[k].end - tokens[k].start;
    if (len >= 4 && g.peopleNouns.words.has(text.slice(tokens[k].start, tokens[k].end).toLowerCase())) return true;
  }
  return false;
}

/** Whether `out[first..]` (the sentence's events so far) holds a plain act by `e`'s source. */
function purposeOf(out: readonly CodedEvent[], first: number, e: CodedEvent): boolean {
  for (let k = first; k < out.length; k++) if (out[k].source.country === e.source.country && out[k].modality === 'asserted' && out[k].start < e.start) return true;
  return false;
}

/** Whether `out[first..]` holds an act by one of `e`'s sides earlier in the clause of token `at` (in another clause, "after X said it has no need of", the phrase is an act of its own). */
function aboutEarlier(out: readonly CodedEvent[], first: number, e: CodedEvent, v: SentenceView, at: number): boolean {
  for (let k = first; k < out.length; k++) {
    const o = out[k];
    if (o.start >= e.start || (o.source.country !== e.source.country && o.source.country !== e.target?.country)) continue;
    let t = at - 1;
    while (t >= 0 && v.toks[t].start >= o.end && !v.breaks[t]) t--;
    if (t < 0 || v.toks[t].start < o.end) return true;
  }
  return false;
}

/**
 * Whether `out[first..]` holds an earlier act done to `e`'s source by another: "will visit Mali and
 * Niger to mediate", "would blockade Paris to demand": the one who visits or blockades pursues the
 * purpose, not those it acts on (an infinitive's subject is the main verb's, bar the verbs of asking
 * that embed an act of the other side, see `embeddedIn`; "invited Mali to mediate", where the invited do act, is dropped too).
 */
function purposeOfOther(out: readonly CodedEvent[], first: number, e: CodedEvent): boolean {
  for (let k = first; k < out.length; k++) {
    const o = out[k];
    if (o.start < e.start && o.target !== undefined && o.target.country === e.source.country && o.source.country !== e.source.country) return true;
  }
  return false;
}

/**
 * Drop, from `out[first..]` (one sentence's events), each event without a target whose source has
 * an event of the same PLOVER type with a target in the sentence: "agreed to provide aid to Chad"
 * is one agreement with Chad, not also one with no one.
 */
function dropSubsumed(out: CodedEvent[], first: number): void {
  let w = first;
  for (let r = first; r < out.length; r++) {
    const e = out[r];
    let covered = false;
    if (!e.target) {
      for (let k = first; k < out.length && !covered; k++) {
        const o = out[k];
        covered = o.target !== undefined && o.source.country === e.source.country && o.plover?.event === e.plover?.event && !o.negated === !e.negated;
      }
    }
    if (!covered) out[w++] = e;
  }
  out.length = w;
}

/** How many sentences back an anaphor or a quote's unnamed recipient is looked for. */
const CONTEXT_SENTENCES = 3;

const PAST_PARTICIPLE = /(ed|en|wn|ne|lt|pt|ught|ck|ot|ung|id)$/;

function triggers(v: SentenceView, c: Ctx): Trigger[] {
  const out: Trigger[] = [];
  const { words } = v;
  const g = c.g;
  // an accusation's complement ("accused X of waging war") is a claim, not an act
  let allegedFrom = Infinity;
  /** the demand or rejection whose complement the words from here on are in (−1: none) */
  let embedding = -1;
  for (let i = 0; i < words.length; i++) {
    if (v.breaks[i]) {
      allegedFrom = Infinity;
      embedding = -1;
    }
    if (v.mention[i] >= 0) continue;
    const w = words[i];
    const phrases = c.lex.phrases.get(w);
    if (phrases) {
      const hit = best(phrases, (p) => matchPhrase(v, i, p, c.mentions, c.text, g));
      if (hit) {
        out.push({ ...fromMatch(hit, false, i >= allegedFrom), nominal: true, ...(embedding >= 0 ? { embeddedIn: embedding } : {}) });
        if (g.embeddingRoots.has((hit.pattern.code ?? '').slice(0, 2))) embedding = out.length - 1;
        i = Math.max(i, hit.to - 1);
        continue;
      }
    }
    const forms = c.lex.forms.get(w);
    if (!forms) continue;
    const prev = i > 0 ? words[i - 1] : '';
    if (g.nounMarkers.words.has(prev)) continue;
    let top: PatternMatch | undefined;
    let enTop: PatternMatch | undefined;
    let bare: { code: string; group: string; lemma: string; to: number } | undefined;
    let vTo = i + 1;
    for (const f of forms) {
      if (f.rest.some((r, k) => words[i + 1 + k] !== r)) continue;
      const to = i + 1 + f.rest.length;
      vTo = Math.max(vTo, to);
      // "air links with Serbia": a form that is as often a noun needs a verb's company even for a pattern
      if (f.rest.length === 0 && !verbal(v, i, f.lemma, g, c.mentions)) continue;
      const hit = best(candidates(c.lex, f.group, words, v.breaks, to, g.maxGap, g.compoundJoiners.words, g.maxGapJoiners), (p) => matchPattern(v, i, to, p, c.mentions, c.text, g));
      if (hit && (!top || score(hit) > score(top))) top = hit;
      if (hit && hit.pattern.id.startsWith('en:') && (!enTop || score(hit) > score(enTop))) enTop = hit;
      if (!bare && f.code !== null && !g.bareRootsIgnored.has(f.code.slice(0, 2)) && !g.bareGroupsIgnored.has(f.group) && !g.bareLemmasIgnored.has(f.lemma) && verbal(v, i, f.lemma, g, c.mentions)) bare = { code: f.code, group: f.group, lemma: f.lemma, to };
    }
    // PETRARCH's patterns expect a target: when its best has none and its words name only the subject ("minister
    // resigned"), an entente pattern matching the act without a target is the better reading (it may stand alone)
    if (top && enTop && top !== enTop && !top.target && !enTop.target && !top.pattern.after.some((e) => e.kind === 'word')) top = enTop;
    if (bare && !top && notVerb(v, i, g)) bare = undefined;
    if (bare && !top && w.endsWith('ing') && !ingIsVerb(v, i, g)) bare = undefined;
    const passive = isPassive(v, i, g);
    let tr: Trigger | undefined;
    if (top && !(passive && top.target)) tr = { ...fromMatch(top, true, i >= allegedFrom), passive };
    else if (bare) tr = { from: i, to: bare.to, code: bare.code, rule: `p2-verb:${bare.group}:${bare.lemma}`, patterned: false, passive, alleged: i >= allegedFrom };
    if (!tr) continue;
    if (embedding >= 0) tr.embeddedIn = embedding;
    out.push(tr);
    if (tr.code?.startsWith('112') || tr.code === '111') allegedFrom = tr.to;
    if (g.embeddingRoots.has((tr.code ?? '').slice(0, 2))) embedding = out.length - 1;
    // the words entente's phrase patterns match are not triggers of their own ("open to negotiating with")
    i = Math.max(i, vTo - 1, (top && tr.rule.startsWith('en:') ? top.to : 0) - 1);
  }
  return out;
}

/** Longer patterns win; a filled target and entente's own patterns (written for news prose) break ties. */
function score(m: PatternMatch): number {
  return m.pattern.weight + (m.target ? 1 : 0) + (m.pattern.id.startsWith('en:') ? 0.5 : 0);
}

function best(pats: readonly CompiledPattern[], f: (p: CompiledPattern) => PatternMatch | undefined): PatternMatch | undefined {
  let top: PatternMatch | undefined;
  for (const p of pats) {
    if (top && p.weight + 1.5 <= score(top)) break;
    const m = f(p);
    if (m && (!top || score(m) > score(top))) top = m;
  }
  return top;
}

/**
 * Whether a bare verb form is a verb here, not a noun: "-s" and base forms ("demands", "support")
 * are nouns as often as verbs, so they need a subject or an auxiliary just before them.
 */
function verbal(v: SentenceView, i: number, lemma: string, g: EventGrammar, mentions: readonly Mention[]): boolean {
  const w = v.words[i];
  const ambiguous = w === lemma.split(' ')[0] || (w.endsWith('s') && !w.endsWith('ss'));
  if (!ambiguous) return true;
  if (i === 0) return false;
  const prev = v.words[i - 1];
  if (g.verbMarkers.words.has(prev) || prev.endsWith('ly')) return true;
  const m = v.mention[i - 1];
  if (m < 0) return false;
  // "the Palestinians reject": a plural people before a base form
  if (w === lemma.split(' ')[0]) return (mentions[m].kind === 'demonym' || mentions[m].kind === 'name') && prev.endsWith('s') && !prev.endsWith("'s");
  // "Russia demands": a singular subject before an -s form; but "Israeli forces": a country adjective qualifies a noun
  return !adjectiveBefore(v, i, mentions);
}

function fromMatch(hit: PatternMatch, patterned: boolean, alleged: boolean): Trigger {
  const t: Trigger = { from: hit.from, to: hit.to, code: hit.pattern.code, rule: hit.pattern.id, patterned: true, passive: false, alleged };
  if (hit.pattern.reverse !== undefined) t.reverse = hit.pattern.reverse;
  if (hit.pattern.plover !== undefined) t.plover = hit.pattern.plover;
  if (hit.source) t.source = hit.source;
  if (hit.target) t.target = hit.target;
  return t;
}

/** Whether the mention just before token `i` is a country adjective the coder added ("Israeli", "Saudi-led"), which qualifies a noun, not a plural people ("Iraqis"). */
function adjectiveBefore(v: SentenceView, i: number, mentions: readonly Mention[]): boolean {
  const m = v.mention[i - 1];
  return m >= 0 && mentions[m].rule === 'events/adjective' && !v.words[i - 1].endsWith('s');
}

/** "according to", "including": a verb's form that joins words here */
function notVerb(v: SentenceView, i: number, g: EventGrammar): boolean {
  const w = v.words[i];
  if (g.notVerbs.words.has(w)) return true;
  const next = v.words[i + 1];
  return next !== undefined && (g.notVerbs.byLast.get(next) ?? []).some((p) => p.length === 2 && p[0] === w);
}

/** An -ing form acts as a verb after a form of "be" ("is investigating") or a word that opens a clause on it ("after meeting", "by shelling"). */
function ingIsVerb(v: SentenceView, i: number, g: EventGrammar): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    const w = v.words[k];
    if (g.beForms.words.has(w) || g.ingOpeners.words.has(w)) return true;
  }
  return false;
}

/** "was attacked", "were being sanctioned", "has been accused" */
function isPassive(v: SentenceView, i: number, g: EventGrammar): boolean {
  if (!PAST_PARTICIPLE.test(v.words[i])) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (g.beForms.words.has(v.words[k])) return v.words[k] !== "'s" || k === i - 1;
    if (v.mention[k] >= 0 || v.breaks[k]) return false;
  }
  return false;
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

function party(a: Actor, span: Span, via: string): EventParty {
  return { code: a.code, country: a.country, actor: a.id, name: a.name, span: { start: span.start, end: span.end }, via };
}

function eventsOf(tr: Trigger, v: SentenceView, c: Ctx): CodedEvent[] {
  if (tr.code === null && tr.reverse === undefined) return [];
  const { mentions, g, text } = c;
  const at = v.toks[tr.from].start;
  const qi = quoteAt(c.quotes, at);
  const quote = qi >= 0 ? c.quotes[qi] : undefined;
  let confidence = tr.patterned ? 0.8 : 0.6;

  // source and target token positions in the sentence (−1: none)
  let srcTok = -1;
  let tgtTok = -1;
  let anaphor: [number, number] | undefined;
  const tokOf = (mi: number) => v.toks.findIndex((tk) => tk.start >= mentions[mi].start);
  if (tr.passive && !tr.source) {
    // "Ukraine was attacked by Russia": the agent acts
    tgtTok = subjectBefore(v, tr.from, mentions, text, g);
    // "a camp for Congolese refugees was attacked": the people the subject is of or for
    if (tgtTok < 0) tgtTok = ownerInSubject(v, tr.from, mentions, text, g);
    for (let k = tr.to; k < v.words.length && k < tr.to + 3; k++) {
      if (v.words[k] === 'by') {
        srcTok = objectAfter(v, k + 1, mentions, text, g);
        break;
      }
    }
    confidence *= 0.9;
  } else {
    srcTok = tr.source?.mention !== undefined ? tokOf(tr.source.mention) : subjectBefore(v, tr.from, mentions, text, g);
    if (tr.target?.mention !== undefined) tgtTok = tokOf(tr.target.mention);
    else if (tr.target?.anaphor) anaphor = tr.target.anaphor;
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
  if (sources.length === 0) return [];

  let targets: EventParty[] = [];
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
  if (targets.length === 0 && sources.length >= 2 && tr.patterned && tr.code !== null && (g.reciprocalCodes.has(tr.code.slice(0, 2)) || g.reciprocalCodes.has(tr.code.slice(0, 3)))) targets = sources;

  // and, with no one named as hit, on the country it happens in
  if (unnamedAttack && targets.length === 0) targets = [countryParty(sources[0].country, sources[0].span, 'place')];

  const mood = readMood(v, tr.from, srcTok >= 0 ? mentionRange(v, srcTok)[1] : -1, g);
  // "Sudan must return the aircraft": asked of Sudan (by whoever says so), not done by it
  if (mood.obligation && !(quote?.speakerActor && quote.speakerActor.country === sources[0].country)) return [];
  if (tr.alleged && mood.modality === 'asserted') mood.modality = 'hypothetical';
  // "Kenya said it would not send troops": a reported "will", backshifted, announces as "will" does
  if (mood.modality === 'hypothetical' && srcTok > 0 && v.words[mentionRange(v, srcTok)[1]] === 'would' && g.reportingVerbs.words.has(v.words[v.words[srcTok - 1] === 'that' ? srcTok - 2 : srcTok - 1] ?? '')) mood.modality = 'future';
  const out: CodedEvent[] = [];
  const sentenceSpan = { start: v.span.start, end: v.span.end };
  const trigger = { start: v.toks[tr.from].start, end: v.toks[Math.max(tr.from, tr.to - 1)].end };
  const when = dateOf(v, c, trigger, mood.modality);
  // with no one else to act on, the act stands alone: only for entente's patterns (written for such acts: "declared a ceasefire"),
  // not for a reverse coding, nor when the pattern's own slot named its own side; PETRARCH's patterns expect a target
  // or for PETRARCH's that code a domestic act that took place ("workers stopped work": a strike against their own government)
  const mayStandAlone = tr.patterned && tr.target === undefined && (tr.rule.startsWith('en:') || homeAct(c, tr.code, mood));
  const emit = (code: string, rule: string, src: EventParty[], tgt: EventParty[], alone = false) => {
    // the pattern's own PLOVER coding, for its forward code (not a reverse or mutual one)
    const own = code === tr.code && rule === tr.rule ? tr.plover : undefined;
    for (const s of src) {
      let paired = false;
      for (const t of tgt) {
        // one actor is not both sides, nor is a country's government acting on the bare country
        let to = t;
        if (t.via !== 'domestic-group' && t.via !== 'place' && t.via !== 'ethnic-home' && s.via !== 'ethnic-home' && s.via !== 'attack-place' && (s.code === t.code || (s.country === t.country && (s.code === s.country || t.code === t.country)))) {
          // "the British government outlawed a group in Northern Ireland": a government acting on a place of its own country named as such acts at home, for the types coded domestic
          const home = t.via === 'name' && t.code === t.country && s.code !== s.country ? domestic(c, code, s, own?.event) : undefined;
          if (!home) continue;
          to = home;
        }
        paired = true;
        const e = coded(c, code, rule, s, to, src, tgt, mood, tr.nominal === true, quote, qi, confidence, v.index, sentenceSpan, trigger, when, own);
        if (e) out.push(e);
      }
      // an act with no one else acted on is an event only for PLOVER types that need no recipient ("Hizbollah declared a ceasefire")
      if (paired || !alone || !undirected(c.dict, code, own?.event)) continue;
      const e = coded(c, code, rule, s, domestic(c, code, s, own?.event), src, tgt, mood, tr.nominal === true, quote, qi, confidence * 0.8, v.index, sentenceSpan, trigger, when, own);
      if (e) out.push(e);
    }
  };
  if (tr.code !== null) emit(tr.code, tr.rule, sources, targets, mayStandAlone);
  // the act took place (a refusal is negated too): only then does the other side act back or with it
  const happened = mood.modality === 'asserted' && !mood.negated && !mood.threat;
  // the other side's act ("receives peacekeepers"): not when refused, threatened, announced or denied
  // an act paired with itself ("fought with", "shared evidence with", "established ties with") is the subject's,
  // as PLOVER codes it; only the acts that hold both ways (talks, calls) are coded back
  if (tr.reverse !== undefined && targets.length > 0) {
    if (happened && (tr.reverse !== tr.code || g.mutualCodes.has(tr.reverse))) emit(tr.reverse, `${tr.rule}:reverse`, targets, sources);
  }
  // "Peru telephoned Chile", "held talks with": a consultation holds both ways (a bare "discussed X" may have a topic for object)
  else if (tr.code !== null && tr.patterned && targets !== sources && targets.length > 0 && g.mutualCodes.has(tr.code) && happened) emit(tr.code, `${tr.rule}:mutual`, targets, sources);
  return out;
}

/** Whether a PETRARCH pattern's act may stand alone, done at home: one of `domesticAloneTypes` that took place (not announced, refused or denied). */
function homeAct(c: Ctx, code: string | null, mood: Mood): boolean {
  const type = code === null ? undefined : c.dict.cameoToPlover.get(code)?.event;
  return type !== undefined && c.g.domesticAloneTypes.has(type) && mood.modality === 'asserted' && !mood.negated && !mood.threat && !mood.refusal;
}

/** Whether CAMEO `root` is that of an intent code (03) the grammar recodes announced acts into. */
function intentRoot(g: EventGrammar, root: string): boolean {
  for (const x of g.intentCodes.values()) if (x.startsWith(root)) return true;
  return false;
}

/** Whether the PLOVER type of CAMEO `code` may stand without a recipient (`requires_recipient: false`). */
function undirected(dict: EventDictionary, code: string, type = dict.cameoToPlover.get(code)?.event): boolean {
  return type !== undefined && dict.plover.events.get(type)?.requires_recipient === false;
}

/**
 * The recipient of an act whose target is not named, for the PLOVER types `domesticTypes` lists: the
 * source's own country ("thousands demonstrated in the capital" is a protest against their own
 * government), as CAMEO codes domestic events; undefined otherwise.
 */
function domestic(c: Ctx, code: string, s: EventParty, type = c.dict.cameoToPlover.get(code)?.event): EventParty | undefined {
  if (!type || !c.g.domesticTypes.has(type) || !/^[A-Z]{3}$/.test(s.country)) return undefined;
  return countryParty(s.country, s.span, 'domestic');
}

/** A country as a party no mention names, found by `via` (its own people, a place, a domestic recipient). */
function countryParty(country: string, span: Span, via: string): EventParty {
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
    const p = at < v.words.length ? placeAt(v, at, c.text, (m) => countryOf(c, m)) : undefined;
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
    const p = at < words.length ? placeAt(v, at, c.text, (x) => countryOf(c, x)) : undefined;
    if (p && p.country !== m.actor.country) return countryParty(p.country, m, 'ethnic-home');
  }
  if (k < 1 || endsAt(c.g.ethnicMarkers, v.words, k - 1) === 0) return undefined;
  for (let i = 0; i < words.length - 1; i++) {
    if (words[i] !== 'in') continue;
    let at = pastThe(v, i + 1);
    // one lower-case word of direction or size between ("in southeastern Serbia")
    if (at < words.length - 1 && v.mention[at] < 0 && !/^\p{Lu}/u.test(c.text[v.toks[at].start])) at++;
    const p = placeAt(v, at, c.text, (x) => countryOf(c, x));
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
      const p = placeAt(v, at, c.text, (m) => (c.mentions[m].kind === 'metonym' && /^[A-Z]{3}$/.test(c.mentions[m].actor.country) ? c.mentions[m].actor.country : countryOf(c, m)));
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
    const p = placeAt(v, at, c.text, (m) => countryOf(c, m));
    if (p) return { country: p.country, span: { start: v.toks[k].start, end: v.toks[p.end - 1].end } };
  }
  return undefined;
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
    const p = at < v.words.length ? placeAt(v, at, c.text, (m) => countryOf(c, m)) : undefined;
    if (p) return { country: p.country, span: { start: v.toks[at].start, end: v.toks[p.end - 1].end } };
  }
  return undefined;
}

/**
 * The sentence's own date for the act ("on Christmas day", "last week"), unless a clause break
 * stands between it and the trigger: "accused the EU … since Russia's invasion in February" is
 * not dated February. A background clause without a date of its own has none (see `coded`).
 */
function dateOf(v: SentenceView, c: Ctx, trigger: Span, modality: Modality): SentenceDate | undefined {
  const when = resolveEventDate(c.text, v.span, c.date, { trigger, future: modality === 'future' });
  if (!when) return undefined;
  const [a, b] = when.span.start < trigger.start ? [when.span.end, trigger.start] : [trigger.end, when.span.start];
  for (let k = 0; k < v.toks.length; k++) if (v.toks[k].start >= a && v.toks[k].end <= b && v.breaks[k]) return undefined;
  return when;
}

function coded(
  c: Ctx,
  code0: string,
  rule0: string,
  s: EventParty,
  t: EventParty | undefined,
  src: EventParty[],
  tgt: EventParty[],
  mood: Mood,
  nominal: boolean,
  quote: Quote | undefined,
  qi: number,
  confidence: number,
  sentence: number,
  sentenceSpan: Span,
  trigger: Span,
  when: SentenceDate | undefined,
  plover?: { event: string; mode?: string },
): CodedEvent | undefined {
  let code = code0;
  let rule = rule0;
  let { negated } = mood;
  const { modality } = mood;
  const root = code.slice(0, 2);
  const g = c.g;
  const own = quote?.speakerActor?.country === s.country;
  // outside a quote by the actor itself, only a verb's act is announced ("will send"); "there will be no more projects" is not
  const announced = own || !nominal;
  if (mood.refusal && g.rejectCodes.has(root)) {
    // "refused to meet", "declined to lift the curfew": a rejection that happened, not an act that did not
    code = g.rejectCodes.get(root)!;
    rule += '+refusal';
    negated = false;
  } else if (mood.threat && !negated && root !== '13') {
    // "threatened to cut off supplies": the threat is the event, whatever the act threatened
    code = g.threatCodes.get(root) ?? '130';
    rule += '+threat';
  } else if ((modality === 'future' && announced) || (modality === 'hypothetical' && own)) {
    // an act announced ("will provide", "agreed to allow", "is ready to send") is, in CAMEO, a
    // statement of intent or a threat; one announced as not to be done ("will not accept") a rejection
    const intent = g.intentCodes.get(root);
    const threat = g.threatCodes.get(root);
    // an intent already (03, "will not accept refugees") is as much an act announced
    if (negated && (intent !== undefined || intentRoot(g, root)) && g.rejectCodes.has(root)) { code = g.rejectCodes.get(root)!; rule += '+refusal'; negated = false; }
    else if (negated) { /* a hostile act announced as not to be done is no event */ }
    else if (intent) { code = intent; rule += '+intent'; }
    else if (threat) { code = threat; rule += '+threat'; }
  }
  const info = c.dict.cameo.get(code);
  if (!info) return undefined;
  const e: CodedEvent = {
    start: trigger.start,
    end: trigger.end,
    source: s,
    ...(t ? { target: t } : {}),
    sources: src.map((p) => p.code),
    targets: tgt.map((p) => p.code),
    code,
    root: info.root,
    goldstein: info.goldstein,
    quad: info.quad,
    negated,
    modality,
    sentence,
    sentenceSpan,
    confidence: Math.round(confidence * 100) / 100,
    rule,
  };
  const p = c.dict.cameoToPlover.get(code);
  // the pattern's own PLOVER coding holds while the act is coded as the pattern codes it (not recoded as intent, threat or refusal)
  if (plover && code === code0) e.plover = { event: plover.event, mode: plover.mode ?? null, context: p ? [...p.context] : [] };
  else if (p) e.plover = { event: p.event, mode: p.mode, context: [...p.context] };
  if (when) {
    e.date = when.date;
    e.dateBy = 'sentence';
    e.dateSpan = when.span;
  } else if (c.date && modality !== 'historical') {
    e.date = c.date;
    e.dateBy = 'article';
  }
  if (qi >= 0) e.quote = qi;
  return e;
}
