import type { Span } from '../model/span.js';
import { type CueWord, type QuoteDictionary, cueShapeAt } from './dictionary.js';
import type { Word } from './words.js';

const POSSESSIVE = /['’]s$/;
// the longest apposition between a speaker and its cue, in words and marks
const APPOSITION_MAX = 24;
const PRONOMINAL = new Set(['one', 'another', 'some', 'several', 'many', 'both', 'two', 'three', 'others']);
const PAST = new Set(['said', 'told', 'wrote', 'thought']);
const TIME_NOUN = /^(week|month|year|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter)$/;

// "said", "tells", "adding" are verbs; a base form ("report", "state", "post") may head a noun phrase
const isVerbForm = (w: Word, dict: QuoteDictionary) => {
  const c = dict.cues.get(w.lower);
  return c !== undefined && c.lemma !== w.lower;
};

/** A cue found among words: `[at, end)` word indices, and its verb when it is one. @example cueAt(words('he was quoted as saying', 0, 23), 1, dict) // { at: 1, end: 5, according: false, verb: say } */
export interface CueHit {
  at: number;
  end: number;
  verb?: CueWord;
  /** "according to": the speaker follows the cue */
  according: boolean;
}

/**
 * The cue starting at word `i`, if any: a listed phrase ("was quoted as saying") or a verb form.
 * "said" after "was"/"were" is passive ("was said to be") and no cue.
 *
 * @example cueAt(words('Lavrov was quoted as saying', 0, 27), 1, dict) // { at: 1, end: 5, … }
 */
export function cueAt(ws: readonly Word[], i: number, dict: QuoteDictionary): CueHit | undefined {
  const w = ws[i];
  if (!w.word || !cueShapeAt(dict.cueShapes, w.lower, 0, w.lower.length) || !dict.cueFirst.has(w.lower)) return undefined;
  const phrases = dict.phrasesByFirst.get(w.lower);
  if (phrases) for (const ph of phrases) {
    if (i + ph.length > ws.length) continue;
    let ok = true;
    for (let k = 1; k < ph.length && ok; k++) ok = ws[i + k].lower === ph[k];
    if (!ok) continue;
    const last = dict.cues.get(ph[ph.length - 1]) ?? dict.cues.get(ph[0]);
    return { at: i, end: i + ph.length, verb: last, according: ph[0] === 'according' };
  }
  const verb = dict.cues.get(w.lower);
  if (!verb) return undefined;
  // a capitalised form inside a sentence is a name: "the United States", "Post"
  if (w.cap && i > 0 && ws[i - 1].word) return undefined;
  // "the said agreement", "was told to leave": not speech
  const prev = i > 0 ? ws[i - 1].lower : '';
  if (prev === 'was' || prev === 'were' || prev === 'been' || prev === 'be' || prev === 'the' || prev === 'a') return undefined;
  // a base form after a determiner, "of" or a name is a noun: "the secretary of state said",
  // "in a post", "Trump's call"
  // ("They note …", "We say …", "Aides say …" at the start are a subject and a verb)
  // "struck a cautious note": a base form after "a/an" and a word is a noun, as no single subject takes it
  if (w.lower === verb.lemma && i > 1 && (ws[i - 2].lower === 'a' || ws[i - 2].lower === 'an') && ws[i - 1].word && !ws[i - 1].cap) return undefined;
  if (w.lower === verb.lemma && i > 0 && (prev === 'of' || (ws[i - 1].cap && !dict.pronouns.has(prev) && !(i === 1 && dict.titleNouns.has(prev))))) return undefined;
  // any form after a determiner or possessive is a noun too: "his remarks", "Trump's claims"
  // (but "he's said" is a pronoun and "has")
  // — except a determiner standing alone as the subject of a past form: "another said",
  // "several told reporters", "one added"
  const standsAlone = PRONOMINAL.has(prev) && (/ed$/.test(w.lower) || PAST.has(w.lower));
  if (i > 0 && !standsAlone && (dict.determiners.has(prev) || (POSSESSIVE.test(prev) && !dict.pronouns.has(prev.slice(0, -2))))) return undefined;
  return { at: i, end: i + 1, verb, according: false };
}

/** The last cue in `ws[lo, hi)`, scanning back. @example lastCue(ws, 0, ws.length, dict) */
export function lastCue(ws: readonly Word[], lo: number, hi: number, dict: QuoteDictionary): CueHit | undefined {
  for (let i = hi - 1; i >= lo; i--) {
    const c = cueAt(ws, i, dict);
    if (c && c.end <= hi) {
      // "was quoted as saying": prefer the whole phrase over its last word
      for (let j = Math.max(lo, i - 3); j < i; j++) {
        const longer = cueAt(ws, j, dict);
        if (longer && longer.end >= c.end) return longer;
      }
      return c;
    }
  }
  return undefined;
}

// A word that may be part of a speaker phrase read right to left from its head.
function npWord(w: Word, dict: QuoteDictionary): boolean {
  if (!w.word) return false;
  if (dict.notSpeaker.has(w.lower) || isVerbForm(w, dict)) return false;
  return w.cap || dict.titleNouns.has(w.lower) || dict.determiners.has(w.lower) || POSSESSIVE.test(w.lower) || w.lower.includes('-');
}

// the words joining a source to what it knows of or is near ("familiar with", "close to")
const SOURCE_LINK = new Set(['familiar with', 'close to']);

/**
 * The speaker phrase ending right before word `cue` (skipping "also", "on Tuesday", "has"):
 * a pronoun ("he said"), a run of names and titles ("Foreign Minister Sergei Lavrov said"), or a
 * determiner phrase ("a senior official said", "the campaign said"). `lo` bounds the search.
 *
 * @example speakerBefore(words('Lavrov also said', 0, 16), 2, 0, dict) // { start: 0, end: 6 }
 */
export function speakerBefore(ws: readonly Word[], cue: number, lo: number, dict: QuoteDictionary): Span | undefined {
  let k = cue - 1;
  // "also", "has", "reportedly", and a negated auxiliary ("The officials wouldn’t say")
  while (k >= lo && ws[k].word && !ws[k].cap && (dict.between.has(ws[k].lower) || /ly$/.test(ws[k].lower) || /n['’]t$/.test(ws[k].lower))) k--;
  while (k >= lo && ws[k].cap && dict.between.has(ws[k].lower)) k--; // "… said Tuesday"
  // "People familiar with the briefing earlier this month said": the time phrase is no speaker
  if (k - 1 >= lo && TIME_NOUN.test(ws[k].lower) && /^(this|last|next|that)$/.test(ws[k - 1].lower)) {
    k -= 2;
    while (k >= lo && ws[k].word && !ws[k].cap && dict.between.has(ws[k].lower)) k--;
  }
  if (k >= lo && ws[k].text === ',') {
    // "Suu Kyi, 70, said" / "Smith, a lawyer, said": the name before the apposition
    // and "Clinton, at a town hall in Columbus, Ohio, said": the comma opening it, past the
    // commas inside it
    // (a lowercase head too when its phrase holds a name: "Hamas's military wing, one of …, denied")
    for (let p = Math.max(lo, k - APPOSITION_MAX); p < k - 1; p++) {
      if (ws[p].text !== ',' || p - 1 < lo || !ws[p + 1].word || ws[p + 1].cap) continue;
      if (ws.slice(p + 1, k).some((w) => w.text === '.' || w.text === ';' || w.text === '“' || w.text === '"')) continue;
      const s = speakerBefore(ws, p, lo, dict);
      if (s && !ws[p - 1].cap && !ws.some((w) => w.start >= s.start && w.end <= s.end && w.cap && !dict.determiners.has(w.lower))) continue;
      // "In a piece for the Observer, her adviser, Jake Sullivan, said": a name after a
      // preposition is no subject
      const b = s ? ws.findIndex((w) => w.start === s.start) : -1;
      if (s && !(b > lo && dict.prepositions.has(ws[b - 1].lower))) return s;
    }
    for (let p = k - 1; p >= lo && k - p <= 8; p--) {
      if (ws[p].text !== ',') continue;
      // "the company's chief executive, Marillyn Hewson, has said": the name set off after a
      // lowercase title is the speaker
      const name = ws.slice(p + 1, k);
      if (p - 1 >= lo && !ws[p - 1].cap && dict.titleNouns.has(ws[p - 1].lower) && name.length > 0 && name.length <= 4 && name.every((w) => w.word && (w.cap || NAME_PARTICLE.test(w.text)))) {
        return { start: name[0].start, end: name[name.length - 1].end };
      }
      return p - 1 >= lo && ws[p - 1].cap ? speakerBefore(ws, p, lo, dict) : undefined;
    }
    return undefined;
  }
  // "Harry Reid (D-Nev.) told": the name before the brackets
  if (k >= lo && ws[k].text === ')') {
    let p = k - 1;
    while (p >= lo && k - p <= 8 && ws[p].text !== '(') p--;
    return p - 1 >= lo && ws[p].text === '(' && ws[p - 1].cap ? speakerBefore(ws, p, lo, dict) : undefined;
  }
  if (k < lo || !ws[k].word) return undefined;
  const head = ws[k];
  if (dict.pronouns.has(head.lower)) return { start: head.start, end: head.end };
  // "He’s said": the pronoun without its "’s"
  if (POSSESSIVE.test(head.lower) && dict.pronouns.has(head.lower.slice(0, -2))) return { start: head.start, end: head.end - 2 };
  if (dict.notSpeaker.has(head.lower) || isVerbForm(head, dict)) return undefined;
  const max = dict.thresholds.maxSpeakerWords;
  let first = k;
  const headOk = npWord(head, dict);
  // A lowercase head outside the lists ("the campaign said" is listed; "the group said" too) is
  // taken only with a determiner close before it: "the committee's chair said".
  for (let j = k - 1; j >= lo && k - j < max; j--) {
    const w = ws[j];
    const joins = (w.lower === 'of' || w.lower === 'and') && j > lo && npWord(ws[j - 1], dict) && (w.lower === 'of' || ws[j - 1].cap);
    // "Executive Director May Boeve said": a month before a capitalised word is a given name
    const givenMonth = w.cap && MONTH_NAMES.test(w.lower) && j + 1 <= k && ws[j + 1].cap && ws[j + 1].word;
    if (npWord(w, dict) || joins || givenMonth) {
      first = j;
      if (dict.determiners.has(w.lower)) break;
      continue;
    }
    if (w.word && !w.cap && !dict.notSpeaker.has(w.lower) && !isVerbForm(w, dict) && k - j < 4) {
      // lowercase modifier ("senior", "top"): keep only if a determiner or name comes before it
      const d = j - 1 >= lo ? ws[j - 1] : undefined;
      if (d && (dict.determiners.has(d.lower) || d.cap)) { first = j; continue; }
    }
    break;
  }
  if (!headOk && first === k) {
    // a bare lowercase noun: only with a determiner right before ("the bloc said")
    if (k - 1 >= lo && dict.determiners.has(ws[k - 1].lower)) first = k - 1;
    else return titledPhrase(ws, k, lo, dict);
  }
  while (first < k && (ws[first].lower === 'of' || ws[first].lower === 'and' || !ws[first].word)) first++;
  // "people familiar with the briefing said", "a source close to the campaign said": the
  // sources, not what they know of or are close to
  if (first - 3 >= lo && SOURCE_LINK.has(`${ws[first - 2].lower} ${ws[first - 1].lower}`) && ws[first - 3].word) {
    first -= 3;
    if (first - 1 >= lo && dict.determiners.has(ws[first - 1].lower)) first--;
  }
  return { start: ws[first].start, end: head.end };
}

// "an executive in charge of the bloc's rollout said": back from the head to a determiner whose
// phrase holds a title noun, crossing prepositions but no punctuation or verb
function titledPhrase(ws: readonly Word[], k: number, lo: number, dict: QuoteDictionary): Span | undefined {
  let titled = false;
  for (let j = k; j >= lo && k - j <= 10; j--) {
    const w = ws[j];
    if (!w.word || isVerbForm(w, dict)) return undefined;
    if (dict.titleNouns.has(w.lower)) titled = true;
    if (titled && (w.lower === 'a' || w.lower === 'an' || w.lower === 'the')) return { start: w.start, end: ws[k].end };
  }
  return undefined;
}

/**
 * The speaker phrase starting at word `i` after a cue ("said Lavrov", "according to the
 * ministry"), stopping at punctuation or a preposition.
 *
 * @example speakerAfter(words('said the minister, adding', 0, 25), 1, dict) // { start: 5, end: 17 }
 */
export function speakerAfter(ws: readonly Word[], i: number, dict: QuoteDictionary): Span | undefined {
  const max = dict.thresholds.maxSpeakerWords;
  // the phrase ends at its last name, title or pronoun: "said the new rules would …" is no speaker
  let last = -1;
  for (let j = i; j < ws.length && j - i < max; j++) {
    const w = ws[j];
    if (!w.word) break;
    if (dict.pronouns.has(w.lower)) { if (j === i) last = j; break; }
    if (w.lower === 'of' && j > i && j + 1 < ws.length && (ws[j + 1].cap || dict.determiners.has(ws[j + 1].lower))) continue;
    if (w.cap && MONTH_NAMES.test(w.lower) && j > i && ws[j - 1].cap && ws[j + 1]?.cap && ws[j + 1].word) { last = j; continue; }
    if (dict.notSpeaker.has(w.lower) || isVerbForm(w, dict)) break;
    // a name's lowercase particle before its capital ("Ashraf al-Qedra", "Abdel Fattah el-Sisi")
    if (w.cap || dict.titleNouns.has(w.lower) || POSSESSIVE.test(w.lower) || NAME_PARTICLE.test(w.text)) last = j;
    // "the prince called …": a determiner and one noun make a speaker phrase too
    else if (j === i + 1 && dict.determiners.has(ws[i].lower) && !w.lower.includes('-')) last = j;
    // a lowercase word after a name is the verb: "Petrov dismissed the report" → Petrov
    // (unless a title follows at once: "The Russian foreign minister")
    else if (last >= 0 && !dict.determiners.has(w.lower) && !w.lower.includes('-') && !(j + 1 < ws.length && dict.titleNouns.has(ws[j + 1].lower))) break;
  }
  if (last < 0) return undefined;
  // "according to a statement by the Russian foreign ministry": a document's named author speaks
  if (last - i <= 2 && dict.documents.has(ws[last].lower) && last + 2 < ws.length && /^(by|from)$/.test(ws[last + 1].lower)) {
    const author = speakerAfter(ws, last + 2, dict);
    if (author && !dict.pronouns.has(ws[last + 2].lower)) return author;
  }
  return { start: ws[i].start, end: ws[last].end };
}
const MONTH_NAMES = /^(april|may|june|august)$/;
const NAME_PARTICLE = /^\p{Ll}{1,3}-\p{Lu}\p{Ll}/u;

/**
 * The subject a participle cue hangs on ("Kyiv rejected it, noting …" → Kyiv): the first
 * speaker-like phrase of the clause `ws[lo, cue)`.
 *
 * @example sentenceSubject(words('But Kyiv rejected it, noting', 0, 28), 0, 5, dict) // { start: 4, end: 8 }
 */
export function sentenceSubject(ws: readonly Word[], lo: number, cue: number, dict: QuoteDictionary): Span | undefined {
  // the first name, pronoun or titled phrase of the clause, past an opening adverbial
  // ("But a few days later, Trump reversed himself, telling …" → Trump)
  let weak: Span | undefined;
  for (let i = lo; i < cue; i++) {
    const w = ws[i];
    if (!w.word || dict.notSpeaker.has(w.lower) || (w.cap && /ing$/.test(w.lower))) continue;
    if (dict.pronouns.has(w.lower) && w.lower !== 'it' && w.lower !== 'you') return { start: w.start, end: w.end };
    if (!w.cap && !dict.determiners.has(w.lower) && !dict.titleNouns.has(w.lower)) continue;
    const s = speakerAfter(ws, i, dict);
    if (!s || s.end > ws[cue].start) continue;
    // "The timeline shows …", "a town that …": a determiner and a plain lowercase noun is
    // rarely who speaks; a name or title later in the clause is taken before it, and the plain
    // phrase only when there is none
    const head = lastWordIn(ws, i, s.end);
    if (head.cap || dict.titleNouns.has(head.lower) || POSSESSIVE.test(head.lower) || head.lower.includes('-')) return s;
    weak ??= s;
  }
  return weak;
}

/**
 * The subject of a clause `ws[lo, cue)` past an adverbial opener before its first comma ("Instead,
 * the statement …", "Earlier this week, Clinton …", "In 2014, Pew found …" → the statement,
 * Clinton, Pew): an opener is a phrase starting with a preposition or conjunction or an -ly
 * word, or one with no capitalised word past its first. A name before the comma ("Dan Backer,
 * the attorney, …") is the subject itself.
 *
 * @example clauseSubject(words('Instead, the statement talked about', 0, 35), 5, dict) // the statement
 */
export function clauseSubject(ws: readonly Word[], cue: number, dict: QuoteDictionary, lo = 0): Span | undefined {
  const comma = ws.findIndex((w, k) => k >= lo && w.text === ',');
  if (comma > lo && comma - lo < OPENER_MAX && comma + 1 < cue) {
    const opener = ws.slice(lo, comma).filter((w) => w.word);
    const first = opener[0];
    if (first && (dict.notSpeaker.has(first.lower) || /ly$/.test(first.lower) || opener.slice(1).every((w) => !w.cap))) {
      const s = sentenceSubject(ws, comma + 1, cue, dict);
      if (s) return s;
    }
  }
  return sentenceSubject(ws, lo, cue, dict);
}
const OPENER_MAX = 12;

function lastWordIn(ws: readonly Word[], i: number, end: number): Word {
  let k = i;
  while (k + 1 < ws.length && ws[k + 1].end <= end) k++;
  return ws[k];
}
