/**
 * People the dictionary may not know: a name after a title, a capitalised name the context calls a
 * person ("X said", "X, a spokeswoman for …"), a country's name that is a person's here ("Jim
 * Jordan", "de Lima"); and "former"/"then" before a name. Helpers of `mentions.ts`.
 */
import type { MentionKind } from '../model/actor.js';
import type { Span } from '../model/span.js';
import type { ActorDictionary } from './dictionary.js';
import type { Ref } from './mentions.js';
import { tokenKey, type Hit, type TokenIds } from './_trie.js';
import { partyTagAt, tenseBefore, yearIn, BODY_WORDS, NOT_GIVEN_NAMES, PARTICLES } from './_context.js';

const NOT_NAMES = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'on', 'in', 'and', 'the', 'said', 'says', 'told', 'of', 'for', 'to', 'who', 'has', 'had', 'was', 'is']);
const isPersonish = (h: Hit): boolean => h.type === 'person';
const isRole = (h: Hit): boolean => h.type === 'role';
const isNamed = (h: Hit): boolean => h.type === 'org' || h.type === 'person';

/** An article's tokens as the matcher sees them: key ids and case flags, key strings made on demand. */
export interface Tokens extends TokenIds { toks: readonly Span[]; keys: (string | undefined)[] }

/** The key of token `i` (`tokenKey`), made once. */
export function key(cx: Tokens, i: number): string {
  return (cx.keys[i] ??= tokenKey(cx.text, cx.toks[i].start, cx.toks[i].end));
}

export function roleAt(dict: ActorDictionary, cx: Tokens, i: number, end: number): { end: number; hit: Hit } | undefined {
  const m = dict.trie.longest(cx, i, end, isRole);
  return m ? { end: m.end, hit: m.hits[0] } : undefined;
}

export type Push = (a: number, b: number, kind: MentionKind, rule: string, ref: Ref) => void;

/** "former"/"then" before the name at `i`, and for "then" the year its sentence names (the time it speaks of). */
export function tenseAt(cx: Tokens, i: number, t: number, s: Span): { tense?: 'former' | 'then'; year?: string } {
  const tense = tenseBefore((k) => key(cx, k), i, t);
  if (!tense) return {};
  const year = tense === 'then' ? yearIn(cx.text, s.start, s.end) : undefined;
  return year ? { tense, year } : { tense };
}

/**
 * A one-word country or capital at `i` that is a person's name here: a surname seen before ("Jim
 * Jordan … Jordan asked"), after a name particle ("de Lima"), or after a given name ("Jim Jordan
 * said"). Pushes the mention it is (if any) and says whether it took the token.
 */
export function nameLike(dict: ActorDictionary, cx: Tokens, i: number, t: number, end: number, surnames: Map<string, Ref>, push: Push): boolean {
  const sn = surnames.size > 0 && !nameFollows(cx, i + 1, end) ? surnames.get(key(cx, i)) : undefined;
  if (sn) {
    push(i, i + 1, 'surname', 'coref/surname', sn);
    return true;
  }
  if (i <= t) return false;
  const prev = key(cx, i - 1);
  if (PARTICLES.has(prev) && !(cx.flags[i - 1] & 1)) return true; // "de Lima": part of a name, no actor
  if (!givenName(dict, cx, i - 1, t, end) || nameFollows(cx, i + 1, end)) return false; // not "Brookings Doha Center"
  const ref: Ref = { type: 'new-person', name: cx.text.slice(cx.toks[i - 1].start, cx.toks[i].end), roles: [] };
  push(i - 1, i + 1, 'name', 'given-name+name/new-person', ref);
  learnSurname(surnames, ref.name, ref);
  return true;
}

/** Whether a capitalised word (a name going on) is token `j`. */
export function nameFollows(cx: Tokens, j: number, end: number): boolean {
  return j < end && (cx.flags[j] & 3) === 1 && /^\p{Lu}\p{Ll}/u.test(cx.text.slice(cx.toks[j].start, cx.toks[j].start + 2));
}

/**
 * Whether token `g` reads as a given name before a surname: one capitalised word of letters, no
 * clause opener or adjective ("When", "Neighbouring"), starting no dictionary phrase, and the
 * first word of its name (the word before it is no capitalised word).
 */
function givenName(dict: ActorDictionary, cx: Tokens, g: number, t: number, end: number): boolean {
  const { text, toks, flags } = cx;
  if ((flags[g] & 3) !== 1) return false;
  const w = text.slice(toks[g].start, toks[g].end);
  if (!/^\p{Lu}\p{Ll}+$/u.test(w) || NOT_GIVEN_NAMES.has(w.toLowerCase())) return false;
  if ((w.length > 4 && /(?:ing|ly)$/.test(w)) || (w.length > 6 && /ed$/.test(w))) return false; // "Neighbouring", "Predominantly"
  if (g > t && flags[g - 1] & 1 && /^\p{L}/u.test(text[toks[g - 1].start])) return false;
  return !dict.trie.longest(cx, g, end);
}

/**
 * An unknown capitalised name at `i` that the context says is a person: "X, a spokeswoman for …"
 * (a title in apposition), "X (R-Ohio)". Its country: a country in the apposition, the US for a
 * party-state tag, else the article's context (coref). "X said" alone is not enough: as actors,
 * such speakers became the parties of what they report ("Altman said Naseer and Khalid traveled
 * to Pakistan": GBR→PAK), and real-news events precision fell.
 */
export function personByCue(dict: ActorDictionary, cx: Tokens, i: number, t: number, end: number): { end: number; ref: Ref } | undefined {
  const { text, toks, flags } = cx;
  if (i > t && flags[i - 1] & 1 && /^\p{L}/u.test(text[toks[i - 1].start])) return undefined; // inside a name
  let j = i;
  while (j < end && j < i + 3 && (flags[j] & 3) === 1 && /^\p{Lu}[\p{L}'’-]*\.?$/u.test(text.slice(toks[j].start, toks[j].end)) && !NOT_GIVEN_NAMES.has(key(cx, j)) && (j === i || !dict.trie.longest(cx, j, end))) j++;
  if (j - i < 2 || j >= end || BODY_WORDS.has(key(cx, j - 1))) return undefined;
  const name = text.slice(toks[i].start, toks[j - 1].end);
  if (partyTagAt(text, toks[j - 1].end)) return { end: j, ref: { type: 'new-person', name, country: 'USA', roles: ['LEG'] } };
  const next = key(cx, j);
  if (next !== ',' || j + 2 >= end || !APPOSITION.has(key(cx, j + 1))) return undefined;
  // "X, a spokeswoman for the Irish government,": the first title within a few words
  for (let k = j + 2; k < end && k < j + 6 && key(cx, k) !== ','; k++) {
    const role = roleAt(dict, cx, k, end);
    if (!role) continue;
    const entry = dict.roles.get(role.hit.id)!;
    if (!entry.person) return undefined;
    let country: string | undefined;
    for (let c = j + 2; c < end && c < j + 12 && key(cx, c) !== ',' && !country; c++) country = dict.trie.longest(cx, c, end, isCountryWord)?.hits[0].id;
    return { end: j, ref: { type: 'new-person', name, ...(country ? { country } : {}), roles: entry.roles, gender: entry.gender, title: entry.phrase } };
  }
  return undefined;
}

const APPOSITION = new Set(['a', 'an', 'the']);
const RANKS = new Set(['lt', 'col', 'gen', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'rear', 'vice', 'brig', 'cmdr', 'dr', 'mr', 'mrs', 'ms', 'prof', 'sir', 'dame', 'lord', 'lady', 'sheikh', 'rabbi', 'rev']);
const isCountryWord = (h: Hit): boolean => h.type === 'country' || h.type === 'adjective';

/** A person's name right after a title: a dictionary name, or one to three capitalised words. */
export function nameAfter(dict: ActorDictionary, cx: Tokens, i: number, end: number, orgs = false): { end: number; id?: string; name: string; rule: string } | undefined {
  const { text, toks, flags } = cx;
  if (i >= end || !(flags[i] & 1)) return undefined;
  const m = dict.trie.longest(cx, i, end, orgs ? isNamed : isPersonish);
  if (orgs) return m ? { end: m.end, name: '', rule: m.hits[0].rule } : undefined;
  if (m) return { end: m.end, id: m.hits[0].id, name: '', rule: m.hits[0].rule };
  if (dict.trie.longest(cx, i, end)) return undefined; // "Foreign Minister Press Service", a country…
  // ranks and honorifics before the name ("spokesman Lt. Col. Peter Lerner") are no part of it
  let k = i;
  while (k < end && k < i + 3 && RANKS.has(key(cx, k))) k++;
  let j = k;
  while (j < end && j < k + 3 && flags[j] & 1 && !NOT_NAMES.has(key(cx, j)) && /^\p{L}/u.test(text[toks[j].start])) j++;
  if (j - k < 2) return undefined; // one capitalised word is too often not a name ("Minister Tuesday")
  return { end: j, name: text.slice(toks[k].start, toks[j - 1].end), rule: 'new-person' };
}

/** Countries whose people English-language news names family name first ("Xi Jinping" … "Xi", "Park Geun-hye" … "Park"). */
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'HKG', 'MAC', 'KOR', 'PRK', 'SGP', 'KHM']);

/**
 * After "Sergei Lavrov", a bare "Lavrov" is him for the rest of the article; after "Wang Yi", a
 * bare "Wang" (family name first, from the person's country when the dictionary gives one).
 */
export function learnSurname(surnames: Map<string, Ref>, name: string, ref: Ref, dict?: ActorDictionary): void {
  const parts = name.split(' ');
  const last = parts[parts.length - 1].toLowerCase();
  if (parts.length >= 2 && last.length >= 3) surnames.set(last, ref);
  const countries = ref.type === 'person' ? dict?.people.get(ref.id)?.roles.map((r) => r.code.slice(0, 3)) ?? [] : ref.type === 'new-person' && ref.country ? [ref.country] : [];
  if (parts.length >= 2 && parts[0].length >= 2 && countries.some((c) => FAMILY_FIRST.has(c))) surnames.set(parts[0].toLowerCase(), ref);
}
