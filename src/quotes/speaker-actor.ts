import type { Actor, Mention } from '../model/actor.js';
import type { Span } from '../model/span.js';
import { spanIndexAt } from './words.js';

/** A speaker already attributed earlier in the article: where, as written, and whom it names. */
export interface Said {
  span: Span;
  /** the paragraph it stands in */
  para: number;
  /** the name as the quote carries it ("Sergei Lavrov", "the ministry") */
  name: string;
  actor?: Actor;
  /** written as a name (capitalised, not a pronoun): a person the pronouns after it may stand for */
  named: boolean;
  gender?: 'male' | 'female';
}

const PERSONAL = new Map<string, 'male' | 'female'>([['he', 'male'], ['she', 'female']]);
const HONORIFIC: Readonly<Record<string, 'male' | 'female'>> = { 'mr.': 'male', mr: 'male', 'mrs.': 'female', mrs: 'female', 'ms.': 'female', ms: 'female' };
// how far back (in paragraphs) a named speaker still stands for "he"/"she"
const PRONOUN_PARAGRAPHS = 2;

/** The gender a written speaker shows by its honorific ("Mr. Picardo"). @example honorificGender('Ms. Liu') // 'female' */
export function honorificGender(written: string): 'male' | 'female' | undefined {
  return HONORIFIC[written.split(/\s+/)[0].toLowerCase()];
}

/**
 * The speaker a "he" or "she" cue stands for: the latest named speaker of the article within
 * `PRONOUN_PARAGRAPHS` paragraphs before it whose gender, when known, agrees. News copy names a
 * speaker and goes on with a pronoun ("…,” Ashraf said. … “…,” he added."), and a quote's own
 * speaker is a better antecedent than any name mentioned in between (the actor stage's
 * coreference takes the nearest name, often the person talked about).
 *
 * @example pronounSpeaker('he', 3, said) // the last Said with named: true in paragraphs 1–3
 */
export function pronounSpeaker(pronoun: string, para: number, said: readonly Said[]): Said | undefined {
  const gender = PERSONAL.get(pronoun.toLowerCase());
  if (!gender) return undefined;
  for (let k = said.length - 1; k >= 0; k--) {
    const s = said[k];
    if (para - s.para > PRONOUN_PARAGRAPHS) break;
    if (!s.named || (s.actor && s.actor.kind !== 'person')) continue;
    const g = s.actor?.gender ?? s.gender;
    if (g && g !== gender) continue;
    return s;
  }
  return undefined;
}

/**
 * The actor of a surname speaker with no mention of its own ("Graham", "Mr. Picardo"): the
 * latest earlier person mention, or earlier speaker with an actor, whose text ends with that
 * word ("Sen. Lindsey Graham").
 *
 * @example surnameActor(text, { start: 90, end: 96 }, mentions, said) // the actor of "Lindsey Graham"
 */
export function surnameActor(text: string, span: Span, mentions: readonly Mention[], said: readonly Said[]): Actor | undefined {
  const written = text.slice(span.start, span.end).split(/\s+/);
  const surname = written[written.length - 1];
  if (!/^\p{Lu}\p{Ll}/u.test(surname) || written.length > 2 || (written.length === 2 && !honorificGender(written[0]))) return undefined;
  const endsWith = (s: string) => s.endsWith(surname) && (s.length === surname.length || /\s/.test(s[s.length - surname.length - 1]));
  let found: Actor | undefined;
  for (const m of mentions) {
    if (m.start >= span.start) break;
    if (m.actor.kind === 'person' && endsWith(text.slice(m.start, m.end))) found = m.actor;
  }
  if (found) return found;
  for (let k = said.length - 1; k >= 0; k--) {
    const s = said[k];
    if (s.actor?.kind === 'person' && endsWith(text.slice(s.span.start, s.span.end))) return s.actor;
  }
  return undefined;
}

/**
 * The full name a lone given name stands for ("Jean added" after "NPR's Jean Cochran reported"):
 * the latest earlier "<Given> <Surname>" of the article. News copy sometimes goes on with a
 * speaker's first name; a word the article also writes as a surname ("Sen. Lindsey Graham" …
 * "Graham") is left alone.
 *
 * @example fullNameOf("NPR's Jean Cochran said it. Jean added", { start: 33, end: 37 }) // 'Jean Cochran'
 */
export function fullNameOf(text: string, span: Span): string | undefined {
  const given = text.slice(span.start, span.end);
  if (!/^\p{Lu}\p{Ll}+$/u.test(given)) return undefined;
  const before = text.slice(0, span.start);
  // only the places where the word is written are read, with patterns made once: a pattern of
  // the word run over the whole text before each speaker, and built anew for each (Unicode
  // classes are dear to build), cost as much as the rest of the quote stage on Reuters
  let full: string | undefined;
  let taken = 0;
  for (let at = before.indexOf(given); at >= 0; at = before.indexOf(given, at + 1)) {
    const end = at + given.length;
    if (WORD_CHAR.test(before[at - 1] ?? '') || WORD_CHAR.test(before[end] ?? '')) continue;
    // written as a surname: after a capitalised word that is no possessive, and ending the name
    NO_NAME_AFTER.lastIndex = end;
    if (NO_NAME_AFTER.test(before) && AFTER_CAPITALISED.test(before.slice(Math.max(0, at - 80), at))) return undefined;
    if (at < taken) continue;
    SURNAME_AFTER.lastIndex = end;
    const m = SURNAME_AFTER.exec(before);
    if (m) {
      full = `${given} ${m[1].replace(/[’']s$/, '')}`;
      taken = end + m[0].length;
    }
  }
  return full;
}
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/**
 * Where a surname speaker ("Liu", "Ms. Liu") was introduced by full name: the first earlier
 * place its surname is written after capitalised words ("Jessie K. Liu, the U.S. Attorney …"),
 * whose own words and apposition may give the country the surname alone does not.
 *
 * @example introducedAt('Jessie K. Liu, a prosecutor, spoke. Ms. Liu said', { start: 36, end: 43 }) // { start: 0, end: 13 }
 */
export function introducedAt(text: string, span: Span): Span | undefined {
  const written = text.slice(span.start, span.end).split(/\s+/);
  const surname = written[written.length - 1];
  if (!/^\p{Lu}\p{Ll}/u.test(surname) || written.length > 2 || (written.length === 2 && !honorificGender(written[0]))) return undefined;
  const before = text.slice(0, span.start);
  for (let at = before.indexOf(surname); at >= 0; at = before.indexOf(surname, at + 1)) {
    const end = at + surname.length;
    if (WORD_CHAR.test(before[end] ?? '')) continue;
    const run = GIVEN_NAMES.exec(before.slice(Math.max(0, at - 60), at));
    if (run) return { start: at - run[0].length, end };
  }
  return undefined;
}
// the given names and initials written before a surname ("Jessie K. ")
const GIVEN_NAMES = /(?:\p{Lu}[\p{L}’'-]*\.?\s+){1,3}$/u;
const AFTER_CAPITALISED = /\p{Lu}[\p{L}.-]*\s+$/u;
const NO_NAME_AFTER = /(?!\s+\p{Lu})/uy;
const SURNAME_AFTER = /\s+(\p{Lu}\p{Ll}[\p{L}’'-]*)/uy;

/**
 * The name an initialism stands for ("The ISNA", "AFP"): the latest earlier run of capitalised
 * words (with "of", "for", "and", "the" inside, hyphens splitting) whose initials spell it.
 *
 * @example expandedInitials('The Islamic Society of North America met. The ISNA said', { start: 41, end: 49 }) // 'Islamic Society of North America'
 */
export function expandedInitials(text: string, span: Span): string | undefined {
  const acronym = /^(?:the\s+)?(\p{Lu}{3,6})$/iu.exec(text.slice(span.start, span.end))?.[1];
  if (!acronym || acronym !== acronym.toUpperCase()) return undefined;
  const run = /\p{Lu}[\p{L}-]*(?:\s+(?:(?:of|for|and|the)\s+)*\p{Lu}[\p{L}-]*)+/gu;
  let found: string | undefined;
  for (const m of text.slice(0, span.start).matchAll(run)) {
    const initials = m[0].split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
    const at = initials.indexOf(acronym);
    if (at < 0) continue;
    // the words that spell it, without any before them ("Sunday The Islamic …")
    const parts = m[0].split(/\s+/);
    let k = 0, seen = 0;
    while (k < parts.length && seen + parts[k].split('-').filter((w) => /^\p{Lu}/u.test(w)).length <= at) { seen += parts[k].split('-').filter((w) => /^\p{Lu}/u.test(w)).length; k++; }
    if (seen === at) found = parts.slice(k).join(' ');
  }
  return found;
}

/**
 * The name a bare role ("the prosecutor", "the airline") stands for: the latest earlier named
 * speaker written with a word of the role's stem ("Prosecution lawyer Brian Altman said"), else
 * the latest earlier capitalised name ending in it ("Southwest Airlines").
 *
 * @example roleNamed(text, span, said) // 'Prosecution lawyer Brian Altman'
 */
export function roleNamed(text: string, span: Span, said: readonly Said[]): string | undefined {
  const written = text.slice(span.start, span.end);
  const role = /^the\s+(\p{Ll}{5,})$/iu.exec(written)?.[1];
  if (!role) return undefined;
  const stem = role.slice(0, Math.min(role.length, 6)).toLowerCase();
  for (let k = said.length - 1; k >= 0; k--) {
    const s = said[k];
    const w = text.slice(s.span.start, s.span.end);
    // a speaker written with a name ("Prosecution lawyer Brian Altman"), not another bare role
    if ((s.actor?.kind === 'person' || /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+$/u.test(w)) && w.toLowerCase().split(/\s+/).some((x) => x.startsWith(stem))) return s.name;
  }
  const before = text.slice(0, span.start);
  const Role = role[0].toUpperCase() + role.slice(1);
  let found: string | undefined;
  let taken = 0;
  // read where the word is written, with patterns made once (see fullNameOf)
  for (let at = before.indexOf(Role); at >= 0; at = before.indexOf(Role, at + 1)) {
    if (at <= taken) continue;
    PLURAL_END.lastIndex = at + Role.length;
    const plural = PLURAL_END.exec(before);
    const names = plural && CAPITALISED_WORDS.exec(before.slice(Math.max(taken, at - 120), at));
    if (!names) continue;
    found = (names[0] + Role + plural[0]).replace(/^(?:the|a|an)\s+/i, '');
    taken = at + Role.length + plural[0].length;
  }
  return found;
}
const PLURAL_END = /s?\b/y;
const CAPITALISED_WORDS = /(?:\p{Lu}[\p{L}’'-]*\s+){1,3}$/u;

/**
 * The speaker a relative "who" stands for: the name right before it ("Pompeo, who arrived …,
 * said" → Pompeo), as the mention ending there or the capitalised words before the comma.
 *
 * @example relativeAntecedent('Yukiya Amano, who said', { start: 14, end: 17 }, []) // { start: 0, end: 12 }
 */
export function relativeAntecedent(text: string, who: Span, mentions: readonly Mention[]): Span | undefined {
  const before = text.slice(Math.max(0, who.start - 80), who.start);
  const m = /((?:\p{Lu}[\p{L}’'.-]*\s+){0,3}\p{Lu}[\p{L}’'.-]*)\s*,?\s*$/u.exec(before);
  if (!m) return undefined;
  const end = who.start - (before.length - (m.index + m[1].length));
  const at = mentions.find((x) => x.end === end);
  return at ? { start: at.start, end: at.end } : { start: end - m[1].length, end };
}

/** The paragraph index of an offset. @example paragraphOf(paragraphs, 120) // 2 */
export const paragraphOf = (paragraphs: readonly Span[], at: number) => spanIndexAt(paragraphs, at);

/**
 * The actor of a role phrase with no mention inside it ("officials", "the department", "the
 * defence ministry"): the country or body written right before it as its modifier ("U.S.
 * officials", "Israel’s military"), else the latest earlier mention whose text holds the
 * phrase's head noun ("the State Department" … "the department"). Unknown otherwise.
 *
 * @example roleActor(text, span, mentions) // the actor of "U.S." in "U.S. officials said"
 */
export function roleActor(text: string, span: Span, mentions: readonly Mention[]): Actor | undefined {
  const written = text.slice(span.start, span.end);
  if (/^\p{Lu}/u.test(written) && !/^(the|a|an)\s/i.test(written) && written.split(/\s+/).length < 2) return undefined;
  let before: Mention | undefined;
  for (const m of mentions) {
    if (m.end > span.start) break;
    before = m;
  }
  if (before && before.actor.kind !== 'person' && /^[\s.]*(?:['’]s?)?\s*$/u.test(text.slice(before.end, span.start)) && span.start - before.end <= 4) return before.actor;
  const head = written.split(/\s+/).pop()?.toLowerCase().replace(/[’']s$/, '');
  if (!head || head.length < 4) return undefined;
  for (let k = mentions.length - 1; k >= 0; k--) {
    const m = mentions[k];
    if (m.end > span.start) continue;
    if (m.actor.kind !== 'person' && text.slice(m.start, m.end).toLowerCase().split(/\s+/).includes(head)) return m.actor;
  }
  return undefined;
}
