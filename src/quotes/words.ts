import type { Span } from '../model/span.js';

/** A word or punctuation mark of the text near a quote, with its offsets and lowercase form. @example words('He said', 0, 7)[0] // { start: 0, end: 2, text: 'He', lower: 'he', cap: true, word: true } */
export interface Word extends Span {
  text: string;
  lower: string;
  /** starts with an uppercase letter */
  cap: boolean;
  /** letters or digits (not punctuation) */
  word: boolean;
}

// Words keep inner apostrophes and hyphens ("state-owned", "Russia’s") so a possessive stays one
// word; every other non-space character is a word of its own (",", ":", "—", "“").
// A short capitalised word with its full stop before a name ("Gov. Chris", "Sen. Ted") is one
// word, so speaker phrases run through titles, and so is a dotted initialism with its last stop
// ("a U.S. official"). `words()` scans by hand for exactly this pattern
// (the tests check the two agree); it is kept as the definition.
export const WORD = /\p{Lu}\p{Ll}{0,3}\.(?=\s\p{Lu})|(?:\p{Lu}\.)+\p{Lu}\.(?![\p{L}\p{N}])|[\p{L}\p{N}](?:[\p{L}\p{N}]|['’.\-](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;
const DOTTED = /^(?:\p{Lu}\.)+\p{Lu}$/u;

// Character classes for the hand-written scanner below, which reads exactly what WORD matches
// without slicing the text or running a Unicode regex per word: 1 letter or digit, 2 space.
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ASCII[c] = /[\p{L}\p{N}]/u.test(ch) ? 1 : /\s/.test(ch) ? 2 : 0;
}
const ALNUM = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const UPPER_CP = /\p{Lu}/u;

// the code point at i and its length in code units
function cpAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i) ?? c : c;
}
const cpLen = (cp: number) => (cp > 0xffff ? 2 : 1);
function kind(cp: number): number {
  if (cp < 128) return ASCII[cp];
  const ch = String.fromCodePoint(cp);
  return ALNUM.test(ch) ? 1 : SPACE.test(ch) ? 2 : 0;
}
const isUpper = (cp: number) => (cp < 128 ? cp >= 65 && cp <= 90 : UPPER_CP.test(String.fromCodePoint(cp)));
const isLower = (cp: number) => (cp < 128 ? cp >= 97 && cp <= 122 : LOWER.test(String.fromCodePoint(cp)));

/**
 * The words of `text[start, end)`, with offsets into `text`; at most `limit` of them.
 *
 * @example words('He said, “Yes.”', 0, 8).map((w) => w.text) // ['He', 'said', ',']
 */
export function words(text: string, start: number, end: number, limit = Infinity): Word[] {
  const out: Word[] = [];
  if (end > text.length) end = text.length;
  let i = start;
  while (i < end && out.length < limit) {
    const cp = cpAt(text, i);
    const k = kind(cp);
    if (k === 2) { i += cpLen(cp); continue; }
    let j = i + cpLen(cp);
    let isWord = false;
    if (k === 1) {
      isWord = true;
      // "Gov. Chris": a short capitalised word with its full stop before a name
      if (isUpper(cp)) {
        let m = j;
        let n = 0;
        while (n < 3 && m < end) { const c2 = cpAt(text, m); if (!isLower(c2)) break; m += cpLen(c2); n++; }
        if (m + 2 < end && text.charCodeAt(m) === 0x2e && kind(text.charCodeAt(m + 1)) === 2 && isUpper(cpAt(text, m + 2))) {
          j = m + 1;
          out.push(word(text, i, j, true));
          i = j;
          continue;
        }
      }
      while (j < end) {
        const c2 = cpAt(text, j);
        if (kind(c2) === 1) { j += cpLen(c2); continue; }
        if ((c2 === 0x27 || c2 === 0x2019 || c2 === 0x2e || c2 === 0x2d) && j + 1 < end && kind(cpAt(text, j + 1)) === 1) { j += 1; continue; }
        break;
      }
      // "U.S.", "U.N.": a dotted initialism keeps its last full stop ("a U.S. official said")
      if (j < end && text.charCodeAt(j) === 0x2e && DOTTED.test(text.slice(i, j))) j++;
    }
    out.push(word(text, i, j, isWord || j - i > 1));
    i = j;
  }
  return out;
}

function word(text: string, s: number, e: number, isWord: boolean): Word {
  const t = text.slice(s, e);
  const c = t.charCodeAt(0);
  return { start: s, end: e, text: t, lower: t.toLowerCase(), cap: c < 128 ? c >= 65 && c <= 90 : UPPER.test(t), word: isWord };
}

/** Count of letter/digit words in a string. @example wordCount('“Yes, we can.”') // 3 */
export function wordCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

/**
 * The index of the span in a sorted, non-overlapping list that holds `offset`, or -1.
 * @example spanIndexAt([{start:0,end:5},{start:7,end:9}], 8) // 1
 */
export function spanIndexAt(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  // between two spans (the blank line between paragraphs): the one before
  return hi >= 0 ? hi : -1;
}
