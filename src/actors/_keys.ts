/**
 * What the trie matches on: the kinds of dictionary entry a phrase stands for, and how phrases
 * and text tokens become keys with a case pattern, so that proper names match only at capitals
 * ("Moscow", not "moscow"; "US", not "us") while common-noun phrases match in any case.
 */
import { tokenize } from '../nlp/tokens.js';

/** The kind of dictionary entry a phrase belongs to. @example const t: HitType = 'metonym'; */
/** 'place': a name containing a country's that is not an actor ("South China Sea"), matched only to be skipped */
export type HitType = 'country' | 'adjective' | 'demonym' | 'metonym' | 'org' | 'description' | 'org-metonym' | 'person' | 'role' | 'place';

/** What a dictionary phrase stands for, with the id of the entry and of the rule. */
export interface Hit {
  type: HitType;
  id: string;
  rule: string;
  roles?: readonly string[];
  surname?: boolean;
  plural?: boolean;
}

/**
 * Case a text token must have, per phrase word, packed: bit k of the low 16 bits asks word k for an
 * initial capital, bit k of the high 16 bits for all capitals (phrases have at most 16 words).
 */
export interface PhraseHit { hit: Hit; caps: number }

/** Token case flag: an initial capital. @example caseFlags('Moscow', 0, 6) & CAP_INITIAL // 1 */
export const CAP_INITIAL = 1;
/** Token case flag: all capitals, two letters or more. @example caseFlags('NATO', 0, 4) & CAP_ALL // 2 */
export const CAP_ALL = 2;

/**
 * The normalised token keys and case pattern of a phrase, tokenised as text would be.
 * @example phraseKeys('Russia’s Foreign Ministry') // ['russia', "'s", 'foreign', 'ministry']
 */
export function phraseKeys(phrase: string): string[] {
  return phraseTokens(phrase).keys;
}

// a phrase of plain ASCII words (most names and titles) tokenises to its words: no tokenizer needed
const PLAIN_WORDS = /^[A-Za-z]+(?: [A-Za-z]+)*$/;

/** The keys of a phrase's tokens and the case each asks for (see `PhraseHit.caps`). @example phraseTokens('the EU').caps // Uint8Array [0, 2] */
export function phraseTokens(phrase: string): { keys: string[]; caps: Uint8Array } {
  if (PLAIN_WORDS.test(phrase)) {
    const words = phrase.split(' ');
    const caps = new Uint8Array(words.length);
    for (let i = 0; i < words.length; i++) caps[i] = wordCaps(caseFlags(words[i], 0, words[i].length), words[i].length);
    return { keys: phrase.toLowerCase().split(' '), caps };
  }
  return tokenizePhrase(phrase);
}

/** `phraseTokens` by the tokenizer, as text is read (the tests check the plain-word path against it). */
export function tokenizePhrase(phrase: string): { keys: string[]; caps: Uint8Array } {
  const text = phrase + ' x'; // keeps a final "U.S." from being read as a sentence stop
  const toks = tokenize(text, [{ start: 0, end: text.length }]).slice(0, -1);
  const caps = new Uint8Array(toks.length);
  toks.forEach((t, i) => {
    caps[i] = wordCaps(caseFlags(text, t.start, t.end), t.end - t.start);
  });
  return { keys: toks.map((t) => tokenKey(text, t.start, t.end)), caps };
}

/** The case a phrase word asks of the text: a capitalised word a capital, an acronym ("EU", "US") all capitals. */
function wordCaps(flags: number, length: number): number {
  return flags & CAP_ALL && length > 1 ? 2 : flags & CAP_INITIAL ? 1 : 0;
}

/** Case flags of `text[start, end)`. @example caseFlags('EU', 0, 2) // 3 */
export function caseFlags(text: string, start: number, end: number): number {
  const c = text.charCodeAt(start);
  if (c < 65 || (c > 90 && c < 128)) return 0; // ASCII lower case, digits, marks: the common case, kept fast
  if (c >= 128) return caseFlagsSlow(text, start, end);
  let letters = 1;
  for (let i = start + 1; i < end; i++) {
    const d = text.charCodeAt(i);
    if (d >= 97 && d <= 122) return CAP_INITIAL;
    if (d >= 65 && d <= 90) letters++;
    else if (d >= 128) return caseFlagsSlow(text, start, end);
  }
  return letters > 1 ? CAP_INITIAL | CAP_ALL : CAP_INITIAL;
}

function caseFlagsSlow(text: string, start: number, end: number): number {
  const first = text[start];
  if (first.toLowerCase() === first) return 0;
  let letters = 0;
  for (let i = start; i < end; i++) {
    const ch = text[i];
    if (ch.toLowerCase() !== ch.toUpperCase()) {
      letters++;
      if (ch !== ch.toUpperCase()) return CAP_INITIAL;
    }
  }
  return letters > 1 ? CAP_INITIAL | CAP_ALL : CAP_INITIAL;
}

/** The key of one token of `text`. @example tokenKey('U.S.', 0, 4) // 'u.s' */
export function tokenKey(text: string, start: number, end: number): string {
  let s = text.slice(start, end).toLowerCase();
  if (s.length > 1 && s.endsWith('.')) s = s.slice(0, -1);
  return s.includes('’') ? s.replace(/’/g, "'") : s;
}
