/**
 * Who acts and who is acted on: the subject before a verb, the object after it, the agent of a
 * passive ("was attacked by"), compound actors ("Hungary and Slovakia"), a quote's speaker for
 * "we", and the earlier actor an anaphoric phrase ("rejected these comments") points back to.
 */
import type { Mention } from '../model/actor.js';
import { endsAt, type EventGrammar } from './grammar.js';
import { usable } from './match.js';
import { isDirection, mentionRange, type SentenceView } from './sentence.js';

/** How many words into the sentence an institution's "of" phrase may end and still be its subject ("The military government of Nepal"). */
const MAX_OPENING = 7;

/**
 * The subject of the act starting at token `from`: the nearest usable mention before it in the
 * same clause that is not the object of a preposition; failing that, the sentence's first mention
 * when it opens the sentence (the main subject: "Lavrov, speaking after talks, accused …").
 * Returns the token where the mention starts, or −1.
 */
export function subjectBefore(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar): number {
  const stop = Math.max(0, from - g.maxSourceDistance);
  // "Pakistan, a key U.S. ally, has refused": the subject stands before an apposition set off by commas
  const appositive = subjectBeforeApposition(v, from, mentions, text, g);
  if (appositive >= 0) return appositive;
  // "demonstrators in Baghdad blocked a road": with no actor named, people in a country act as its own
  let located = -1;
  for (let k = from - 1; k >= stop; k--) {
    if (v.breaks[k]) break;
    const m = v.mention[k];
    if (m < 0) continue;
    const [a] = mentionRange(v, k);
    k = a;
    if (!usable(mentions[m], g, text)) continue;
    // "the bloc's vaccination rollout" is still the bloc acting; "in Moscow" is not Moscow acting
    const possessive = v.words[mentionRange(v, a)[1]] === "'s";
    // "of southern Serbia": a compass word between keeps the place a place
    const lead = a >= 2 && isDirection(v, a - 1) ? a - 1 : a;
    if (lead > 0 && g.prepositions.words.has(v.words[lead - 1]) && !possessive) {
      if (v.words[a - 1] === 'in' && a >= 2 && g.peopleNouns.words.has(v.words[a - 2])) located = a;
      continue;
    }
    return a;
  }
  // the sentence's main subject, when the act's clause has none of its own
  for (let k = 0; k < Math.min(from, 4); k++) {
    const m = v.mention[k];
    if (m >= 0) return usable(mentions[m], g, text) ? mentionRange(v, k)[0] : -1;
  }
  // "The military government of Nepal declared": a sentence opening on an institution "of" an actor is that actor's
  for (let k = 4; k < Math.min(from, MAX_OPENING); k++) {
    const m = v.mention[k];
    if (m < 0) continue;
    // only a determiner and modifiers before the institution ("The interim military government"), no verb nor other people ("Rebels fighting the government of")
    const before = v.words.slice(1, k - 2);
    const ok = v.words[k - 1] === 'of' && g.skipAfterActor.words.has(v.words[k - 2]) && g.anaphoricDeterminers.words.has(v.words[0].toLowerCase())
      && !v.breaks.slice(0, k).some(Boolean) && !before.some((w) => w === ',' || /ing$/.test(w) || g.peopleNouns.words.has(w));
    return ok && usable(mentions[m], g, text) ? mentionRange(v, k)[0] : located;
  }
  return located;
}

/**
 * When the words just before the act's verb close an apposition ("Pakistan, a key U.S. ally in the
 * war, has refused"), the mention that ends right before its opening comma, else −1.
 */
function subjectBeforeApposition(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar): number {
  let close = -1;
  // the words between the closing comma and the act: auxiliaries, "refused to" (a handful)
  for (let k = from - 1; k >= 0 && k >= from - 5; k--) {
    if (v.words[k] === ',') { close = k; break; }
    if (v.mention[k] >= 0 || v.breaks[k]) return -1;
  }
  if (close < 2) return -1;
  for (let k = close - 1; k > 0 && k > close - 20; k--) {
    if (v.breaks[k]) return -1;
    if (v.words[k] !== ',') continue;
    const m = v.mention[k - 1];
    if (m < 0 || !usable(mentions[m], g, text)) return -1;
    // an apposition opens with a determiner or a noun phrase, not a clause ("Russia, which …" is handled as a relative)
    const next = v.words[k + 1];
    if (!next || g.relativePronouns.words.has(next)) return -1;
    return mentionRange(v, k - 1)[0];
  }
  return -1;
}

/**
 * The first usable mention after token `from` within the clause, at most
 * `g.maxTargetDistance` tokens on. Returns its start token or −1.
 */
export function objectAfter(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar, skipBy = false): number {
  const n = v.words.length;
  for (let k = from; k < n && k < from + g.maxTargetDistance; k++) {
    // "approved Sputnik V, bypassing the bloc's approval": a comma ends the object's reach
    if (v.breaks[k] || v.words[k] === ',') return -1;
    const m = v.mention[k];
    if (m < 0) continue;
    const [a, b] = mentionRange(v, k);
    // "re-open its borders to the UN": a possessive is not the one acted on
    const possessive = mentions[m].kind === 'pronoun' && g.possessives.words.has(v.words[a]);
    if (!possessive && usable(mentions[m], g, text) && !(skipBy && a > 0 && v.words[a - 1] === 'by')) return a;
    k = b - 1;
  }
  return -1;
}

/**
 * An unnamed group acted on right after token `from` ("accused Darfur rebels of", "dispersed the
 * demonstrators"): the token of a people noun within the object's reach, or −1. Such a group is
 * of the acting country's own people unless named otherwise (the "domestic-group" party of `eventsOf`).
 */
export function groupObjectAfter(v: SentenceView, from: number, g: EventGrammar): number {
  const n = v.words.length;
  for (let k = from; k < n && k < from + 5; k++) {
    if (v.breaks[k] || v.words[k] === ',' || v.mention[k] >= 0 || g.prepositions.words.has(v.words[k])) return -1;
    if (g.peopleNouns.words.has(v.words[k])) return k;
  }
  return -1;
}

/**
 * Mentions joined to the one at token `at` by "and", commas, "as well as": the whole compound,
 * in text order, as mention indices.
 *
 * @example "Hungary and Slovakia have approved" at "Slovakia" → [Hungary, Slovakia]
 */
export function compound(v: SentenceView, at: number, mentions: readonly Mention[], text: string, g: EventGrammar): number[] {
  const out = [v.mention[at]];
  // "Hungary, Slovakia and Poland": a list needs a conjunction somewhere; commas alone set off an apposition ("Pakistan, a key U.S. ally,")
  let conjunction = false;
  const n = v.words.length;
  // rightwards
  let [, end] = mentionRange(v, at);
  for (;;) {
    let k = end;
    let joined = false;
    while (k < n && v.mention[k] < 0 && k < end + 3 && (g.compoundJoiners.words.has(v.words[k]) || g.skipBeforeActor.words.has(v.words[k]))) {
      if (g.compoundJoiners.words.has(v.words[k])) {
        joined = true;
        if (v.words[k] !== ',') conjunction = true;
      }
      k++;
    }
    if (!joined || k >= n || v.mention[k] < 0 || !usable(mentions[v.mention[k]], g, text) || mentions[v.mention[k]].actor.code === '') break;
    out.push(v.mention[k]);
    end = mentionRange(v, k)[1];
  }
  // leftwards
  let [start] = mentionRange(v, at);
  for (;;) {
    start = titledStart(v, start, mentions, text);
    let k = start - 1;
    let joined = false;
    while (k >= 0 && v.mention[k] < 0 && k > start - 4 && (g.compoundJoiners.words.has(v.words[k]) || g.skipBeforeActor.words.has(v.words[k]))) {
      if (g.compoundJoiners.words.has(v.words[k])) {
        joined = true;
        if (v.words[k] !== ',') conjunction = true;
      }
      k--;
    }
    if (!joined || k < 0 || v.mention[k] < 0 || !usable(mentions[v.mention[k]], g, text) || mentions[v.mention[k]].actor.code === '') break;
    out.unshift(v.mention[k]);
    start = mentionRange(v, k)[0];
  }
  if (!conjunction) return [v.mention[at]];
  // "Russia and Russia's allies" is one actor
  return out.filter((m, i) => out.findIndex((x) => mentions[x].actor.code === mentions[m].actor.code) === i);
}

/** Most lower-case words a title may take between an organisation and its officer's name ("UN chief Ban"). */
const TITLE_WORDS = 2;

/**
 * Where the party whose mention starts at token `start` begins: at an earlier mention of the same
 * actor that only a lower-case title sets apart ("UN chief Ban Ki-moon" is one party, so a
 * compound before it, "Obama and UN chief Ban Ki-moon", is still found).
 */
function titledStart(v: SentenceView, start: number, mentions: readonly Mention[], text: string): number {
  const code = mentions[v.mention[start]].actor.code;
  for (let k = start - 1; k >= 0 && k >= start - TITLE_WORDS - 1; k--) {
    const m = v.mention[k];
    if (m >= 0) return k < start - 1 && code !== '' && mentions[m].actor.code === code ? mentionRange(v, k)[0] : start;
    if (v.breaks[k] || !/^\p{Ll}[\p{Ll}-]*$/u.test(text.slice(v.toks[k].start, v.toks[k].end))) return start;
  }
  return start;
}

/**
 * The actor an anaphoric target ("these comments", "the offer") or a quote's unnamed recipient
 * points back to: the latest coded mention before `before` (a character offset) and no earlier
 * than `notBefore`, whose country differs from the source's.
 */
export function earlierActor(mentions: readonly Mention[], before: number, notBefore: number, sourceCountry: string): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].start < before) lo = mid + 1;
    else hi = mid;
  }
  for (let m = lo - 1; m >= 0 && mentions[m].start >= notBefore; m--) {
    const a = mentions[m].actor;
    // the outlet that reports the news ("Reuters reports this morning") is not what "this issue" points back to
    if (a.code !== '' && a.country !== sourceCountry && !isOutlet(a)) return m;
  }
  return -1;
}

/** Whether an actor or event party (by its dictionary id and code) is a news outlet or agency: an organisation of the media sector, narrator of the news rather than party to it. */
export function isOutlet(a: { id: string; code: string } | { actor: string; code: string }): boolean {
  return ('id' in a ? a.id : a.actor).startsWith('org/') && a.code.endsWith('MED');
}

/** How many words a fronted clause may run before its comma, and how far into the main clause its subject may start. */
const FRONTED_WORDS = 15;
const SUBJECT_REACH = 4;

/**
 * The subject of the main clause for an act told in a clause the sentence opens on ("After meeting
 * with Putin, Trump accepted", "By shelling Rafah, Israel violated"): the first usable mention right
 * after the comma that closes the clause, when the act at token `from` lies inside it; or −1.
 */
export function frontedSubject(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar): number {
  const { words } = v;
  if (!g.frontedOpeners.words.has(words[0]) || from > FRONTED_WORDS) return -1;
  let comma = -1;
  for (let k = from + 1; k < words.length && k <= FRONTED_WORDS + 1; k++) {
    if (words[k] === ',') { comma = k; break; }
    if (k > 0 && v.breaks[k]) return -1;
  }
  if (comma < 0) return -1;
  for (let k = comma + 1; k < words.length && k <= comma + SUBJECT_REACH; k++) {
    const m = v.mention[k];
    if (m >= 0) return usable(mentions[m], g, text) && mentions[m].actor.code !== '' ? mentionRange(v, k)[0] : -1;
    if (!g.skipBeforeActor.words.has(words[k]) && !/^\p{Lu}/u.test(text[v.toks[k].start])) return -1;
  }
  return -1;
}

/** Words that may stand between a relative pronoun and its verb ("which has staged", "who had already met"). */
const RELATIVE_GAP = 3;

/**
 * The antecedent of a relative pronoun that is the act's subject, set off by a comma or a dash
 * ("Israel – which has staged airstrikes", "Kerry, who met Lavrov"): the mention right before the
 * pronoun's punctuation, as a token index; or −1. The dash is a clause break, which stops `subjectBefore`.
 */
export function relativeAntecedent(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar): number {
  const { words } = v;
  let k = from - 1;
  while (k >= 0 && k >= from - RELATIVE_GAP && v.mention[k] < 0 && !g.relativePronouns.words.has(words[k]) && /^\p{Ll}/u.test(text[v.toks[k].start])) k--;
  if (k < 1 || !g.relativePronouns.words.has(words[k])) return -1;
  let a = k - 1;
  if (words[a] === ',' || words[a] === '–' || words[a] === '—' || words[a] === '-') a--;
  if (a < 0 || v.mention[a] < 0 || !usable(mentions[v.mention[a]], g, text) || mentions[v.mention[a]].actor.code === '') return -1;
  return mentionRange(v, a)[0];
}

/** Words that may stand between a pair phrase and its verb ("the two men also discussed", "both leaders had endorsed"). */
const PAIR_GAP = 2;

/**
 * A subject that stands for the two sides named last ("The two men also discussed Syria", "after
 * the countries traded fire"): the phrase's tokens and the two mentions it points back to, the
 * latest two of different countries before it and no earlier than character `notBefore`; or
 * undefined. Only right before the act, with at most a couple of lower-case words between.
 */
export function pairBefore(v: SentenceView, from: number, mentions: readonly Mention[], text: string, g: EventGrammar, notBefore: number): { from: number; to: number; members: [number, number] } | undefined {
  const { words } = v;
  for (let end = from - 1; end >= 0 && end >= from - 1 - PAIR_GAP; end--) {
    if (v.mention[end] >= 0 || v.breaks[end]) return undefined;
    const len = endsAt(g.pairPhrases, words, end);
    if (len > 0) {
      const start = end - len + 1;
      // "both Moscow and Washington": a compound follows, not a pair pointed back to
      if (v.mention[end + 1] >= 0) return undefined;
      const members = lastTwo(mentions, v.toks[start].start, notBefore);
      return members && { from: start, to: end + 1, members };
    }
    if (!/^\p{Ll}+$/u.test(text.slice(v.toks[end].start, v.toks[end].end))) return undefined;
  }
  return undefined;
}

/** The latest two coded mentions of different countries before character `before`, none earlier than `notBefore` nor of country `exclude` (the acting side's). */
export function lastTwo(mentions: readonly Mention[], before: number, notBefore: number, exclude = ''): [number, number] | undefined {
  let first = -1;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.start >= before) continue;
    if (m.start < notBefore) break;
    if (m.actor.code === '' || m.actor.country === '' || m.actor.country === exclude) continue;
    if (first < 0) first = k;
    else if (mentions[first].actor.country !== m.actor.country) return [k, first];
  }
  return undefined;
}
