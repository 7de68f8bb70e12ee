/**
 * The working document the cleaning steps pass along: the input's paragraphs still in the
 * body, and everything taken out of it so far (removals, captions, metadata evidence).
 */
import type { ArticleMeta, Found, Removal } from '../../model/article.js';
import type { TextData } from './_data.js';
import type { Txt } from './_txt.js';
import { fold } from '../fold.js';

/** Markup found inside a line (positions in the line's visible text). */
export interface Mark {
  kind: 'bold' | 'link';
  start: number;
  end: number;
  /** a link's target, as written */
  url?: string;
}

/** One input line: its trimmed bounds in the input and its visible text. */
export interface Line {
  /** input offsets of the trimmed raw line, markup included */
  start: number;
  end: number;
  txt: Txt;
  marks: Mark[];
}

/** body: prose; heading: a Markdown heading or a bold subheading; list: a list item. */
export type ParaKind = 'body' | 'heading' | 'list';

/** A paragraph: consecutive non-blank input lines. */
export interface Para {
  lines: Line[];
  kind: ParaKind;
}

/** A caption as the steps find it; copies are merged into `Caption`s at the end. */
export interface CaptionDraft {
  para: Para;
  credit?: string;
  rule: string;
}

/** What a promo line said about the publisher ("GET THE FOX NEWS APP"). */
export interface PromoOutlet {
  name: string;
  evidence: string;
  rule: string;
}

export interface Doc {
  readonly input: string;
  readonly format: 'markdown' | 'text';
  readonly origin?: string;
  readonly data: TextData;
  paras: Para[];
  removed: Removal[];
  captions: CaptionDraft[];
  meta: ArticleMeta;
  promoOutlets: PromoOutlet[];
  /** the article's own address with its evidence, when a line names it */
  url?: Found<string>;
  /** the title the input gives (a JSON line's field): only a first line repeating it is a title */
  readonly givenTitle?: string;
  /** the dateline's date, when there is one */
  dateline?: Found<string>;
}

/** A cleaning step: a name (for `--explain` and errors) and a function from document to document. */
export interface Step {
  readonly name: string;
  run(doc: Doc): Doc;
}

// ---------------------------------------------------------------- paragraph helpers

/** The visible text of a paragraph, lines joined by a space. @example paraText(p) // 'A B' */
export function paraText(p: Para): string {
  return p.lines.map((l) => l.txt.text).join(' ');
}

/** Input bounds of a run of lines. */
export function linesRange(lines: readonly Line[]): { start: number; end: number } {
  return { start: lines[0].start, end: lines[lines.length - 1].end };
}

/** A removal record for lines of the input. */
export function removal(doc: Doc, lines: readonly Line[], rule: string, reason: string): { rule: string; reason: string; text: string; inputStart: number; inputEnd: number } {
  const { start, end } = linesRange(lines);
  return { rule, reason, text: doc.input.slice(start, end), inputStart: start, inputEnd: end };
}

/** Keeps removals in input order, which is how `entente show` lists them. */
export function sortRemoved(removed: Removal[]): Removal[] {
  return [...removed].sort((a, b) => a.inputStart - b.inputStart || a.inputEnd - b.inputEnd);
}

/**
 * Drops the lines `pick` chooses from every paragraph; what is left of a paragraph on either
 * side of a dropped line becomes a paragraph of its own.
 *
 * @example dropLines(doc, (line) => line.txt.text === 'X' ? { rule: 'r', reason: 'why' } : undefined)
 */
export function dropLines(doc: Doc, pick: (line: Line, para: Para, index: number) => { rule: string; reason: string } | undefined): Doc {
  const paras: Para[] = [];
  const removed: Removal[] = [...doc.removed];
  for (const p of doc.paras) {
    let run: Line[] = [];
    p.lines.forEach((line, i) => {
      const hit = pick(line, p, i);
      if (!hit) {
        run.push(line);
        return;
      }
      if (run.length) paras.push({ lines: run, kind: p.kind });
      run = [];
      removed.push(removal(doc, [line], hit.rule, hit.reason));
    });
    if (run.length) paras.push(run.length === p.lines.length ? p : { lines: run, kind: p.kind });
  }
  return { ...doc, paras, removed };
}

// ---------------------------------------------------------------- text measures

const WORD = /[\p{L}\p{N}]+/gu;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

/** Words: runs of letters or digits. @example wordCount('U.S.-led talks') // 4 */
export function wordCount(s: string): number {
  // ASCII fast path: a char-code loop is ~10× the regex on wire copy; other text takes the regex
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return wordCountUnicode(s);
    const w = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

function wordCountUnicode(s: string): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(s)) n++;
  return n;
}

/**
 * Whether at least `minLetters` cased letters are in `s` and a share of at least `ratio` of them in
 * upper case. It answers no as soon as the lower-case letters seen rule the share out even if
 * every character left were a capital. Most lines of news fail within a word,
 * and the caps tests run on every line. @example capsAtLeast('ABc', 0.6) // true
 */
export function capsAtLeast(s: string, ratio: number, minLetters = 0): boolean {
  let upper = 0;
  let lower = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let low = false;
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) low = true;
    else if (c > 127) {
      const ch = s[i];
      if (UPPER.test(ch)) upper++;
      else if (LOWER.test(ch)) low = true;
    }
    if (low) {
      lower++;
      const most = upper + n - i - 1;
      if (most < ratio * (most + lower) - 1e-9) return false;
    }
  }
  const letters = upper + lower;
  return letters >= minLetters && (letters === 0 ? 0 : upper / letters) >= ratio;
}

const CLOSERS = /[\s\u00a0”’"'»)\]*_]+$/u;

/** True when `s` ends a sentence: . ! ? or … before any closing quotes or brackets. @example endsSentence('he said.”') // true */
export function endsSentence(s: string): boolean {
  const t = s.replace(CLOSERS, '');
  return /[.!?…]$/u.test(t);
}

/** True when `s` ends with an ellipsis (a truncated excerpt). @example endsTruncated('it is not …') // true */
export function endsTruncated(s: string): boolean {
  return /(?:…|\.\.\.)$/u.test(s.replace(CLOSERS, ''));
}

/** True when the first character is a lower-case letter. @example startsLower('guided by') // true */
export function startsLower(s: string): boolean {
  return /^\p{Ll}/u.test(s);
}

/**
 * The form two printings of one caption share (quotes, dashes, spacing and case unified).
 * @example sameKey('FILE – Ukraine’s') === sameKey("FILE - Ukraine's") // true
 */
export const sameKey = fold;

/** Counts of quotation marks in a text, to tell whether it leaves a quotation open. */
export interface QuoteCount {
  /** opening minus closing curly (and guillemet) marks */
  curly: number;
  /** straight double marks */
  straight: number;
}

/** @example quoteCount('“We will') // { curly: 1, straight: 0 } */
export function quoteCount(s: string): QuoteCount {
  let curly = 0;
  let straight = 0;
  for (const ch of s) {
    if (ch === '“' || ch === '«' || ch === '„') curly++;
    else if (ch === '”' || ch === '»') curly--;
    else if (ch === '"') straight++;
  }
  return { curly, straight };
}

/** Quotations left open by a text with these counts. @example openQuotes(quoteCount('“We will')) // 1 */
export function openQuotes(q: QuoteCount): number {
  // a straight mark closes the curly one before it ("“If Europe … interests,\" he said" in real copy)
  if (q.curly > 0 && q.straight % 2 === 1) return q.curly - 1;
  return Math.max(q.curly, 0) + (q.straight % 2);
}
