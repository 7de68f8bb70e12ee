/**
 * Step 1, triggers: in one sentence, the verb forms of the pattern dictionary and the verbless
 * phrase patterns of the lexicon, each with its best matching pattern, most specific first (a
 * pattern coded `---` discards), or the bare verb's code; and whether a sentence with no actor
 * named may still hold one (people of a place may act).
 */
import type { Mention } from '../../model/actor.js';
import type { Span } from '../../model/span.js';
import type { EventGrammar } from '../grammar.js';
import { candidates, type CompiledPattern } from '../lexicon.js';
import { matchPattern, matchPhrase, type PatternMatch } from '../match.js';
import type { SentenceView } from '../sentence.js';
import type { Ctx, Trigger } from './context.js';

/** Whether tokens `[t0, t1)` hold a people noun ("protesters", "villagers"). */
export function namesPeople(text: string, tokens: readonly Span[], t0: number, t1: number, g: EventGrammar): boolean {
  const people = g.peopleNouns.words;
  const ends = lastLetters(people);
  for (let k = t0; k < t1; k++) {
    const len = tokens[k].end - tokens[k].start;
    if (len < 4) continue;
    // most sentences name no actor and this reads all their words: a word whose last letter ends no people noun is passed over unread
    const c = text.charCodeAt(tokens[k].end - 1);
    if (c < 128 && !ends[c >= 65 && c <= 90 ? c + 32 : c]) continue;
    if (people.has(text.slice(tokens[k].start, tokens[k].end).toLowerCase())) return true;
  }
  return false;
}

const lastLetterCache = new WeakMap<ReadonlySet<string>, Uint8Array>();

/** Per ASCII code: 1 when a word of `words` ends in it. */
function lastLetters(words: ReadonlySet<string>): Uint8Array {
  let ends = lastLetterCache.get(words);
  if (!ends) {
    ends = new Uint8Array(128);
    for (const w of words) if (w.length > 0 && w.charCodeAt(w.length - 1) < 128) ends[w.charCodeAt(w.length - 1)] = 1;
    lastLetterCache.set(words, ends);
  }
  return ends;
}

const PAST_PARTICIPLE = /(ed|en|wn|ne|lt|pt|ught|ck|ot|ung|id)$/;

export function triggers(v: SentenceView, c: Ctx): Trigger[] {
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
    const start = c.lex.starts.get(w);
    if (!start) continue;
    const { phrases, forms } = start;
    if (phrases) {
      const hit = best(phrases, (p) => matchPhrase(v, i, p, c.mentions, c.text, g));
      if (hit) {
        out.push({ ...fromMatch(hit, false, i >= allegedFrom), nominal: true, ...(embedding >= 0 ? { embeddedIn: embedding } : {}) });
        if (g.embeddingRoots.has((hit.pattern.code ?? '').slice(0, 2))) embedding = out.length - 1;
        i = Math.max(i, hit.to - 1);
        continue;
      }
    }
    if (!forms) continue;
    const prev = i > 0 ? words[i - 1] : '';
    if (g.nounMarkers.words.has(prev) && !(g.floatingQuantifiers.words.has(prev) && i >= 2 && v.mention[i - 2] >= 0)) continue;
    let top: PatternMatch | undefined;
    let enTop: PatternMatch | undefined;
    let bare: { code: string; group: string; lemma: string; to: number } | undefined;
    let vTo = i + 1;
    for (const f of forms) {
      if (!restFollows(words, i + 1, f.rest)) continue;
      const to = i + 1 + f.rest.length;
      vTo = Math.max(vTo, to);
      // "air links with Serbia": a form that is as often a noun needs a verb's company even for a pattern
      if (f.rest.length === 0 && !verbal(v, i, f.head, g, c.mentions)) continue;
      const hit = best(candidates(c.lex, f.group, words, v.breaks, to, g.maxGap, g.compoundJoiners.words, g.maxGapJoiners), (p) => matchPattern(v, i, to, p, c.mentions, c.text, g));
      if (hit && (!top || score(hit) > score(top))) top = hit;
      if (hit && hit.pattern.id.startsWith('en:') && (!enTop || score(hit) > score(enTop))) enTop = hit;
      if (!bare && f.code !== null && !g.bareRootsIgnored.has(f.code.slice(0, 2)) && !g.bareGroupsIgnored.has(f.group) && !g.bareLemmasIgnored.has(f.lemma) && verbal(v, i, f.head, g, c.mentions)) bare = { code: f.code, group: f.group, lemma: f.lemma, to };
    }
    // PETRARCH's patterns expect a target: when its best has none and its words name only the subject ("minister
    // resigned"), an entente pattern matching the act without a target is the better reading (it may stand alone)
    if (top && enTop && top !== enTop && !top.target && !enTop.target && !top.pattern.after.some((e) => e.kind === 'word')) top = enTop;
    if (bare && !top && notVerb(v, i, g)) bare = undefined;
    if (bare && !top && w.endsWith('ing') && !ingIsVerb(v, i, g)) bare = undefined;
    if (!top && !bare) continue;
    const passive = isPassive(v, i, g);
    let tr: Trigger | undefined;
    if (top && !(passive && top.target)) tr = { ...fromMatch(top, true, i >= allegedFrom), passive };
    else if (bare) tr = { from: i, to: bare.to, code: bare.code, rule: `p2-verb:${bare.group}:${bare.lemma}`, patterned: false, passive, alleged: i >= allegedFrom };
    if (!tr) continue;
    if (passive && reducedPassive(v, i, g)) tr.reduced = true;
    if (embedding >= 0) tr.embeddedIn = embedding;
    out.push(tr);
    if (tr.code?.startsWith('112') || tr.code === '111') allegedFrom = tr.to;
    if (g.embeddingRoots.has((tr.code ?? '').slice(0, 2))) embedding = out.length - 1;
    // the words entente's phrase patterns match are not triggers of their own ("open to negotiating with")
    i = Math.max(i, vTo - 1, (top && tr.rule.startsWith('en:') ? top.to : 0) - 1);
  }
  return out;
}

/** Whether `rest` stands in `words` from `at` on (a multi-word verb form's words after its first). */
function restFollows(words: readonly string[], at: number, rest: readonly string[]): boolean {
  for (let k = 0; k < rest.length; k++) if (words[at + k] !== rest[k]) return false;
  return true;
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
function verbal(v: SentenceView, i: number, head: string, g: EventGrammar, mentions: readonly Mention[]): boolean {
  const w = v.words[i];
  const ambiguous = w === head || (w.endsWith('s') && !w.endsWith('ss'));
  if (!ambiguous) return true;
  if (i === 0) return false;
  const prev = v.words[i - 1];
  if (g.verbMarkers.words.has(prev) || prev.endsWith('ly')) return true;
  const m = v.mention[i - 1];
  if (m < 0) return false;
  // "the Palestinians reject": a plural people before a base form
  if (w === head) return (mentions[m].kind === 'demonym' || mentions[m].kind === 'name') && prev.endsWith('s') && !prev.endsWith("'s");
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
    if (v.mention[k] >= 0 || v.breaks[k]) break;
  }
  return coordinatedPassive(v, i, g) || reducedPassive(v, i, g);
}

/** How far back "and charged" may find the passive it is coordinated with ("was arrested last weekend and charged"). */
const COORDINATED_REACH = 8;

/** "was arrested last weekend and charged with": a participle after "and" coordinated with a passive in its clause is one too. */
function coordinatedPassive(v: SentenceView, i: number, g: EventGrammar): boolean {
  if (i < 3 || (v.words[i - 1] !== 'and' && v.words[i - 1] !== 'or')) return false;
  for (let k = i - 2; k >= 1 && k >= i - COORDINATED_REACH; k--) {
    if (v.mention[k] >= 0 || v.breaks[k]) return false;
    if (PAST_PARTICIPLE.test(v.words[k]) && g.beForms.words.has(v.words[k - 1])) return true;
  }
  return false;
}

/**
 * A participle after a noun with its agent right behind it, "the cease-fire brokered by the U.S.",
 * "assistance provided by Japan": a passive without its "be" (a reduced relative clause). Only when
 * an actor follows "by", and not after "have" ("had arrived by train" is active).
 */
function reducedPassive(v: SentenceView, i: number, g: EventGrammar): boolean {
  if (i === 0 || v.words[i + 1] !== 'by' || HAVE.has(v.words[i - 1]) || g.beForms.words.has(v.words[i - 1])) return false;
  const k = v.words[i + 2] === 'the' ? i + 3 : i + 2;
  return k < v.words.length && v.mention[k] >= 0;
}

const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
