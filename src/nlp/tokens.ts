import type { Span } from '../model/span.js';
import { isAlnum, isApostrophe, isCloser, isDigit, isLetter, isSpace, isUpper } from './_chars.js';
import { abbreviations, isAcronym, type Abbreviations } from './abbreviations.js';

const PERIOD = 46;

/**
 * Cut each sentence into word, number, punctuation and quote-mark tokens. No token crosses a
 * sentence, and text between sentences (white space) gets none.
 *
 * - a word or number keeps its inner hyphens, periods and digit commas: "20-year", "1,234.5",
 *   "U.S", "1986/87", "AT&T";
 * - an abbreviation keeps its period ("Mr.", "U.S.", "J.") unless that period ends the sentence,
 *   where the period is a token of its own, as every sentence-final stop is;
 * - possessives and contractions split off, with straight or curly apostrophes:
 *   "Russia’s" → "Russia" "’s", "don't" → "do" "n't";
 * - every other mark is one token, except that runs of the same mark ("...", "--") stay whole.
 *
 * @example
 * const text = 'Russia’s GDP rose 1,234.5 pct, Mr. Smith said.';
 * tokenize(text, [{ start: 0, end: text.length }]).map((t) => text.slice(t.start, t.end));
 * // ['Russia', '’s', 'GDP', 'rose', '1,234.5', 'pct', ',', 'Mr.', 'Smith', 'said', '.']
 */
export function tokenize(text: string, sentences: readonly Span[]): Span[] {
  const out: Span[] = [];
  const abbr = abbreviations();
  for (const s of sentences) tokenizeSentence(text, s.start, s.end, abbr, out);
  return out;
}

function tokenizeSentence(text: string, s: number, e: number, abbr: Abbreviations, out: Span[]): void {
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    let j: number;
    if (isSpace(c)) {
      i++;
      continue;
    } else if (isAlnum(c)) {
      if (i > s && isNegation(text, i, e)) j = i + 3;
      else j = withAbbreviationPeriod(text, i, wordEnd(text, i, e), e, abbr);
    } else if (isApostrophe(c) && i > s && isLetter(text.charCodeAt(i - 1)) && suffixLength(text, i, e) > 0) {
      j = i + suffixLength(text, i, e);
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < e) {
      j = i + 2; // an astral character (emoji) is two code units
    } else if (c === PERIOD || c === 45 || c === 95 || c === 61 || c === 42 || c === 126) {
      j = i + 1; // "..." "--" "__" "==" "**" "~~" stay one token
      while (j < e && text.charCodeAt(j) === c) j++;
    } else j = i + 1;
    out.push({ start: i, end: j });
    i = j;
  }
}

/** End of the word or number starting at `i`, stopping before a possessive or contraction. */
function wordEnd(text: string, i: number, e: number): number {
  let j = i + 1;
  for (;;) {
    if (j >= e) return j;
    const c = text.charCodeAt(j);
    if (isAlnum(c)) {
      j++;
      continue;
    }
    if (j + 1 >= e) return j;
    const d = text.charCodeAt(j + 1);
    const p = text.charCodeAt(j - 1);
    let joins = false;
    if (c === 45 || c === 0x2011 || c === PERIOD) joins = isAlnum(d); // "20-year", "3.5", "U.S"
    else if (c === 44 || c === 47) joins = isDigit(p) && isDigit(d); // "1,234", "1986/87"
    else if (c === 38) joins = isUpper(p) && isUpper(d); // "AT&T", "S&P"
    else if (isApostrophe(c) && isLetter(d)) {
      if (suffixLength(text, j, e) > 0) return j;
      if ((p === 110 || p === 78) && (d === 116 || d === 84) && j - 1 > i && !(j + 2 < e && isAlnum(text.charCodeAt(j + 2)))) return j - 1;
      joins = true; // "O'Neill"
    }
    if (!joins) return j;
    j += 2;
  }
}

/** "n't" after a letter: "don't" → "do" + "n't". */
function isNegation(text: string, i: number, e: number): boolean {
  const c = text.charCodeAt(i);
  const t = text.charCodeAt(i + 2);
  return i + 3 <= e && (c === 110 || c === 78) && isLetter(text.charCodeAt(i - 1)) && isApostrophe(text.charCodeAt(i + 1)) &&
    (t === 116 || t === 84) && !(i + 3 < e && isAlnum(text.charCodeAt(i + 3)));
}

/** Length of "'s", "'re", "'ve", "'ll", "'d", "'m" (any case, either apostrophe) at `j`, else 0. */
function suffixLength(text: string, j: number, e: number): number {
  let k = j + 1;
  while (k < e && k - j <= 3 && isLetter(text.charCodeAt(k))) k++;
  if (k < e && isAlnum(text.charCodeAt(k))) return 0;
  const suffix = text.slice(j + 1, k).toLowerCase();
  return suffix === 's' || suffix === 're' || suffix === 've' || suffix === 'll' || suffix === 'd' || suffix === 'm' ? k - j : 0;
}

/** Take the period after an abbreviation into its token, unless it is the sentence's last stop. */
function withAbbreviationPeriod(text: string, i: number, j: number, e: number, abbr: Abbreviations): number {
  if (j >= e || text.charCodeAt(j) !== PERIOD) return j;
  let k = j + 1;
  while (k < e && isCloser(text.charCodeAt(k))) k++;
  if (k === e) return j;
  const first = text.charCodeAt(i);
  if (j - i === 1 && isUpper(first)) return j + 1; // "J."
  if (!isLetter(first)) return j;
  const word = text.slice(i, j);
  return abbr.kinds.has(word) || isAcronym(word) ? j + 1 : j;
}
