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
// word, so speaker phrases run through titles.
const WORD = /\p{Lu}\p{Ll}{0,3}\.(?=\s\p{Lu})|[\p{L}\p{N}](?:[\p{L}\p{N}]|['’.\-](?=[\p{L}\p{N}]))*|[^\s\p{L}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;

/**
 * The words of `text[start, end)`, with offsets into `text`.
 *
 * @example words('He said, “Yes.”', 0, 8).map((w) => w.text) // ['He', 'said', ',']
 */
export function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(start, end);
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const t = m[0];
    const c = t.charCodeAt(0);
    const isWord = t.length > 1 || /[\p{L}\p{N}]/u.test(t);
    out.push({ start: start + m.index, end: start + m.index + t.length, text: t, lower: t.toLowerCase(), cap: c < 128 ? c >= 65 && c <= 90 : UPPER.test(t), word: isWord });
  }
  return out;
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
