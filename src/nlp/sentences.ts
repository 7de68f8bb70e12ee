import type { Span } from '../model/span.js';
import { isCloser, isDigit, isLetter, isLower, isOpener, isSpace, isUpper } from './_chars.js';
import { abbreviations, isAcronym, type Abbreviations } from './abbreviations.js';

const PERIOD = 46;
const QUESTION = 63;
const BANG = 33;
const ELLIPSIS = 0x2026;
/** 。！？ end a sentence with no space after them */
const CJK_STOPS = new Set([0x3002, 0xff01, 0xff1f]);

function isStop(c: number): boolean {
  return c === PERIOD || c === QUESTION || c === BANG || c === ELLIPSIS || CJK_STOPS.has(c);
}

/**
 * Split each paragraph into sentences. A sentence never crosses a paragraph boundary; quotes
 * that run over several sentences are left to the quote stage.
 *
 * Steps, for each stop (`.` `?` `!` `…` and a run of them):
 * 1. take the closing quotes and brackets right after it (`.”` `?)`);
 * 2. require white space next (so "3.5", "U.S.-led" and "Yahoo!Inc" never split), then look at
 *    the next word: lower case never starts a sentence (“Why?” he asked);
 * 3. for a period, look at the word before it: a listed abbreviation ("Mr.", "No. 5") never
 *    ends a sentence; an acronym ("U.S."), a single initial ("J.") or a listed abbreviation
 *    such as "Inc." or "Nov." ends one only before a sentence starter ("The", "He", an
 *    opening quote), and so does an ellipsis;
 * 4. but a question or exclamation's closing quote followed by a name and a speech verb
 *    (“Why?” Weaver said.) goes on;
 * 5. trim white space off the sentence.
 *
 * @example
 * const text = 'Mr. Smith went to the U.S. Treasury. “It rose 3.5 pct,” he said.';
 * splitSentences(text, [{ start: 0, end: text.length }]).map((s) => text.slice(s.start, s.end));
 * // ['Mr. Smith went to the U.S. Treasury.', '“It rose 3.5 pct,” he said.']
 */
export function splitSentences(text: string, paragraphs: readonly Span[]): Span[] {
  const out: Span[] = [];
  const abbr = abbreviations();
  for (const p of paragraphs) splitParagraph(text, p.start, p.end, abbr, out);
  return out;
}

function splitParagraph(text: string, ps: number, pe: number, abbr: Abbreviations, out: Span[]): void {
  let start = ps;
  for (let i = ps; i < pe; i++) {
    const c = text.charCodeAt(i);
    if (!isStop(c)) continue;
    // 1. the run of stops and the closers after it
    let j = i + 1;
    while (j < pe && isStop(text.charCodeAt(j))) j++;
    let k = j;
    while (k < pe && isCloser(text.charCodeAt(k))) k++;
    let boundary: boolean;
    if (CJK_STOPS.has(text.charCodeAt(j - 1))) boundary = k < pe;
    else if (k >= pe || !isSpace(text.charCodeAt(k))) boundary = false;
    else {
      // 2. the next word
      let n = k + 1;
      while (n < pe && isSpace(text.charCodeAt(n))) n++;
      // only a question or exclamation keeps its attribution (“Why?” Weaver said.): a quote
      // closed by a full stop ends the sentence (“… threat.” It warned …)
      const asked = text.charCodeAt(j - 1) === 63 || text.charCodeAt(j - 1) === 33;
      boundary = n < pe && endsSentence(text, ps, start, i, j, n, abbr) && !(k > j && asked && isAttribution(text, n, pe, abbr));
    }
    if (boundary) {
      push(text, start, k, out);
      start = k;
    }
    i = k - 1;
  }
  push(text, start, pe, out);
}

/** 3. Whether the stops `[i, j)` end a sentence whose next character is at `n`. */
function endsSentence(text: string, ps: number, start: number, i: number, j: number, n: number, abbr: Abbreviations): boolean {
  const next = text.charCodeAt(n);
  // ". . ." is one ellipsis, not three sentences
  if (next === PERIOD || next === ELLIPSIS) return false;
  if (isLower(next) && !isUpper(text.charCodeAt(n + 1))) return false; // "iPhone" may start one
  const last = text.charCodeAt(j - 1);
  if (last === QUESTION || last === BANG) return true;
  if (j - i > 1 || last === ELLIPSIS || (i - 2 >= ps && text.charCodeAt(i - 1) === 32 && text.charCodeAt(i - 2) === PERIOD)) {
    return startsWithStarter(text, n, abbr);
  }
  // a lone period: what word does it close?
  let ws = i;
  while (ws > ps && (isLetter(text.charCodeAt(ws - 1)) || text.charCodeAt(ws - 1) === PERIOD)) ws--;
  const before = ws > ps ? text.charCodeAt(ws - 1) : 32;
  // "Russia's." and "F-16." are plain words; in ''Ms. Merkel the apostrophes are a quote mark
  const possessive = (before === 39 || before === 0x2019) && ws - 2 >= ps && isLetter(text.charCodeAt(ws - 2));
  if (ws === i || isDigit(before) || before === 45 || possessive) {
    return !isEnumerator(text, start, i);
  }
  const word = text.slice(ws, i);
  const kind = abbr.kinds.get(word);
  if (kind === 'never-final') return false;
  if (word.length === 1 && isUpper(word.charCodeAt(0))) {
    return startsWithStarter(text, n, abbr); // "Michael A. (Mike) Moodian" stays whole
  }
  if (kind === 'final-before-starter' || isAcronym(word)) return startsWithStarter(text, n, abbr);
  return !isEnumerator(text, start, i);
}

/** "1." or "iv." alone at the start of a paragraph numbers a list item; it is not a sentence. */
function isEnumerator(text: string, start: number, i: number): boolean {
  let s = start;
  while (s < i && isSpace(text.charCodeAt(s))) s++;
  return i - s <= 3 && /^[0-9a-zA-Z]+$/.test(text.slice(s, i));
}

/**
 * An opening quote, or a listed starter word that is not an initial ("A. Smith"). A bracket is
 * not one: "COLUMBIA, S.C. (AP) — The…" is a dateline.
 */
function startsWithStarter(text: string, n: number, abbr: Abbreviations): boolean {
  const c = text.charCodeAt(n);
  if (isOpener(c)) return c !== 40 && c !== 91;
  let e = n;
  while (e < text.length && (isLetter(text.charCodeAt(e)) || text.charCodeAt(e) === 39 || text.charCodeAt(e) === 0x2019)) e++;
  if (e === n) return false;
  if (e - n === 1 && text.charCodeAt(e) === PERIOD) return false;
  return abbr.starters.has(text.slice(n, e).replace('’', "'"));
}

/**
 * A closing quote then a name and a speech verb: “What can I do?” Weaver said. The name is one
 * to three capitalised words ("Sen. Ann Lee"); anything longer is a new sentence.
 */
function isAttribution(text: string, n: number, pe: number, abbr: Abbreviations): boolean {
  let at = n;
  for (let words = 0; words < 4; words++) {
    const c = text.charCodeAt(at);
    let e = at;
    while (e < pe && (isLetter(text.charCodeAt(e)) || text.charCodeAt(e) === PERIOD || text.charCodeAt(e) === 45)) e++;
    if (e === at) return false;
    if (words > 0 && isLower(c)) return abbr.attributionVerbs.has(text.slice(at, e).replace(/\.$/, ''));
    if (!isUpper(c)) return false;
    at = e;
    while (at < pe && text.charCodeAt(at) === 32) at++;
  }
  return false;
}

/** 5. Trim and keep a non-empty sentence. */
function push(text: string, s: number, e: number, out: Span[]): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s < e) out.push({ start: s, end: e });
}
