/**
 * What the words around a mention say about it, for the actor stage: the date an undated article
 * speaks of, "former"/"then" before a name, a US party-state tag after one, and the words that
 * tell an unknown capitalised name from a person's.
 */
import type { ArticleText as Article } from '../model/article.js';
import type { Span } from '../model/span.js';

const YEAR = /\b(19[4-9]\d|20[0-3]\d)\b/g;

/**
 * The article's date (ISO day) or, undated, the most-mentioned year of its text (the latest of
 * equals) at mid-year: an article tells its time by its years more often than not, and a role
 * coded for it beats the latest role a person ever held. Undefined when the text gives no year.
 *
 * @example articleDate({ text: 'In 2010 and 2012, …', meta: {} } as Article) // '2012-07-01'
 */
export function articleDate(article: Article): string | undefined {
  const given = article.meta.date?.value?.slice(0, 10);
  if (given) return given;
  return yearIn(article.text, 0, article.text.length);
}

/** The most-mentioned year in `text[start, end)` (the latest of equals), as `YYYY-07-01`. */
export function yearIn(text: string, start: number, end: number): string | undefined {
  const counts = new Map<string, number>();
  YEAR.lastIndex = 0;
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  for (const m of part.matchAll(YEAR)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  let best: string | undefined;
  for (const [y, n] of counts) if (!best || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best ? `${best}-07-01` : undefined;
}

/** Words that end the look back for "former"/"then": a new clause or another actor's slot. */
const CLAUSE_BREAK = new Set(['and', 'or', 'but', 'said', 'says', 'told', 'met', 'with', 'by', 'to', 'for', 'from', 'in', 'on', 'at', 'when', 'while', 'who', 'which', 'that', 'is', 'was', 'has', 'had', 'as']);

/**
 * "former" or "then" in the title before a name ("former Defense Secretary Chuck Hagel",
 * "then-Secretary of State Hillary Clinton", "ex-President"): looked for in the few words before
 * `at`, back to a clause break or punctuation.
 *
 * `keyOf(i)` is token i's key (lower case); `first` the sentence's first token.
 *
 * @example tenseBefore((i) => ['former', 'president', 'obama'][i], 2, 0) // 'former'
 */
export function tenseBefore(keyOf: (i: number) => string, at: number, first: number): 'former' | 'then' | undefined {
  for (let k = at - 1; k >= first && k >= at - 6; k--) {
    const w = keyOf(k);
    if (w === 'former' || w.startsWith('former-') || w.startsWith('ex-')) return 'former';
    if (w.startsWith('then-') || (w === 'then' && k < at - 1)) return 'then'; // "then Secretary of State X", not "and then X said"
    if (CLAUSE_BREAK.has(w) || !/^[\p{L}']/u.test(w)) return undefined;
  }
  return undefined;
}

/** A US party-state tag right after a name: "(R-S.C.)", "(D-Calif.)", "(I-Vt.)". */
const PARTY_TAG = /^\s*\((?:R|D|I)-[A-Z][A-Za-z. ]*\)/;

/** Whether a US party-state tag follows `end` in `text`. @example partyTagAt('X (R-Ohio) said', 1) // true */
export function partyTagAt(text: string, end: number): boolean {
  return PARTY_TAG.test(text.slice(end, end + 24));
}

/**
 * Capitalised words that open sentences and clauses but are no given name: before a country's
 * name ("When Jordan asked") they leave it the country.
 */
export const NOT_GIVEN_NAMES = new Set(['the', 'a', 'an', 'and', 'but', 'or', 'so', 'yet', 'when', 'if', 'while', 'then', 'as', 'after', 'before', 'since', 'although', 'though', 'because', 'until', 'unless', 'once', 'now', 'also', 'meanwhile', 'still', 'even', 'only', 'why', 'how', 'what', 'where', 'both', 'neither', 'either', 'with', 'without', 'for', 'from', 'to', 'in', 'on', 'at', 'by', 'of', 'like', 'unlike', 'against', 'under', 'over', 'between', 'among', 'did', 'does', 'do', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'is', 'was', 'are', 'were', 'not', 'no', 'yes', 'last', 'next', 'this', 'that', 'these', 'those', 'every', 'each', 'all', 'some', 'many', 'most', 'several', 'former', 'new', 'old', 'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater', 'mainland', 'communist', 'imperial', 'modern', 'rural', 'occupied', 'free', 'united', 'team', 'inside', 'outside', 'across', 'about', 'here', 'there', 'today', 'tonight', 'yesterday', 'tomorrow', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr', 'president', 'minister', 'king', 'queen', 'prince', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'says', 'said', 'asked', 'told', 'reporting', 'reported', 'photo', 'image', 'video', 'watch', 'read', 'more', 'breaking', 'update', 'exclusive', 'analysis', 'later', 'earlier', 'instead', 'however', 'indeed', 'again', 'already', 'soon', 'thus', 'hence', 'besides', 'moreover', 'furthermore', 'nonetheless', 'nevertheless', 'otherwise', 'perhaps', 'maybe', 'together', 'alone', 'neighbouring', 'neighboring', 'downtown', 'official', 'democratic', 'republican', 'says', 'visit', 'visiting', 'leave', 'warns', 'urges', 'slams', 'backs', 'blames', 'hits', 'vs', 'versus', 'via', 'per', 'please', 'dear', 'long', 'live', 'go', 'beat', 'beats']);

/** Name particles: a capital after one is part of a person's name ("de Lima", "van Rompuy"). */
export const PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'dos', 'das', 'du', 'van', 'von', 'der', 'le', 'la', 'bin', 'ibn', 'abu']);

/**
 * Last words of capitalised names that are bodies, not people: "Fitch Ratings said" is no
 * person. Kept short and general (the organisation dictionary has the bodies it knows).
 */
export const BODY_WORDS = new Set(['ratings', 'group', 'inc', 'corp', 'corporation', 'company', 'co', 'ltd', 'plc', 'llc', 'bank', 'watch', 'news', 'times', 'post', 'journal', 'party', 'council', 'committee', 'commission', 'agency', 'ministry', 'department', 'office', 'institute', 'university', 'college', 'school', 'foundation', 'association', 'capital', 'partners', 'fund', 'research', 'services', 'media', 'airlines', 'airways', 'motors', 'energy', 'holdings', 'international', 'network', 'center', 'centre', 'court', 'police', 'army', 'forces', 'house', 'senate', 'congress', 'parliament', 'government', 'administration', 'state', 'states', 'city', 'county', 'street', 'square', 'airport', 'hospital', 'church', 'mosque', 'press', 'tv', 'radio', 'magazine', 'daily', 'review', 'report', 'project', 'program', 'programme', 'initiative', 'campaign', 'union', 'league', 'federation', 'alliance', 'coalition', 'front', 'movement', 'brigades', 'authority', 'board', 'bureau', 'service', 'system', 'systems', 'technologies', 'industries', 'club', 'team', 'fc']);

/** True when `at` lies inside one of `spans` (sorted, apart). */
export function insideAny(spans: readonly Span[], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid].start) hi = mid - 1;
    else if (at >= spans[mid].end) lo = mid + 1;
    else return true;
  }
  return false;
}
