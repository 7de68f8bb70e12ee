/**
 * The tokenisation bridge: entente's tokens of a sentence → the words of UD English EWT, the
 * treebank the tagger and parser were trained on, so they see the word boundaries and spellings
 * they learnt. Each word keeps a span of the cleaned text; `form` is what the models read.
 *
 * What differs between the two (counted on EWT train):
 * - EWT splits hyphenated words ("long-term" → "long" "-" "term", 1,313 split hyphens) except after
 *   a few prefixes ("e-mail", "non-", "mid-", "pre-", "anti-", "re-", …) and between digits (phone
 *   numbers); entente keeps "20-year" whole;
 * - EWT keeps URLs, e-mail addresses, emoticons (":-)"), clock times ("5:00"), runs of "!" or
 *   "?", years ("'67") and decades ("80's") whole; entente cuts them at every mark;
 * - EWT splits a unit off a number ("375mm", "5bn", "3pm"; ordinals and decades stay whole);
 * - EWT writes "cannot" as "can" "not", "gonna" as "gon" "na", "dont" as "do" "nt";
 * - before a sentence's last stop entente leaves "U.S" without its period, read as "U.S.";
 * - EWT text is mostly straight-quoted ('"' 1,296 times, '“' 30; "'s" 905, "’s" 40), news is
 *   curly-quoted: curly quotes, apostrophes, "…" and dashes are read in their EWT spelling (an en
 *   dash between two words, "2014–2022", as a hyphen).
 */
import type { Span } from '../model/span.js';

/** One UD word: a span of the text and the spelling the tagger and parser read for it. */
export interface BridgeWord extends Span {
  form: string;
}

/** Prefixes EWT leaves joined to the rest of a hyphenated word (each kept joined more often than split in train). */
const JOINED_PREFIXES = new Set(['e', 'non', 'mid', 'pre', 'anti', 're', 'post', 'co', 'pro', 'multi', 'ex', 'sub', 'semi', 'cross', 'neo', 'psycho', 'socio', 'counter', 'inter', 'intra', 'ultra', 'micro', 'macro', 'quasi']);

/**
 * Tokens EWT splits into two words that concatenate to the token, with the first word's length:
 * "cannot" and the colloquial forms, and the contractions written without an apostrophe that EWT
 * train has only split (never as a word of their own).
 */
const SPLIT_WORDS: ReadonlyMap<string, number> = new Map([
  ['cannot', 3], ['gonna', 3], ['wanna', 3], ['gotta', 3],
  ['dont', 2], ['didnt', 3], ['doesnt', 4], ['couldnt', 5], ['wouldnt', 5], ['cant', 2], ['wont', 2], ['aint', 2],
  ['thats', 4], ['theres', 5], ['whats', 4],
]);

/**
 * Whole words that entente cuts apart, each with the test its first character must pass (most
 * tokens fail them all, so the patterns are rarely run); the longest that ends on a token wins.
 */
const WHOLE: readonly { first: (c: number, text: string, start: number, end: number) => boolean; re: RegExp }[] = [
  // a URL, without a trailing stop
  { first: (c) => c === 104 || c === 102 || c === 119, re: /(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”‘’()[\]{}]+[^\s<>"“”‘’()[\]{}.,;:!?'’]/y },
  // an e-mail address (or an in-house one, "Lamb@ENRON")
  { first: hasAt, re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)*/y },
  // an emoticon
  { first: (c) => c === 58 || c === 59 || c === 61, re: /[:;=][-o^']?[)(\]\[DPpOo|\\/*3]+(?![\w])/y },
  // a clock time, a decade ("80's")
  { first: isDigit, re: /\d{1,2}:\d\d(?::\d\d)?(?![\d:])/y },
  { first: isDigit, re: /\d+0['’]s(?!\w)/y },
  { first: (c) => c === 33 || c === 63, re: /[!?]{2,}/y },
  // a year, "'67"
  { first: (c) => c === 39 || c === 0x2019, re: /['’]\d\d(?![\w'’])/y },
];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function hasAt(_: number, text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (text.charCodeAt(k) === 64) return true;
  return false;
}

/**
 * The UD words of one sentence's tokens (spans of `text`, in order, as `tokenize` cut them).
 * @example
 * const text = 'A long-term deal can’t wait';
 * bridge(text, tokenize(text, [{ start: 0, end: text.length }])).map((w) => w.form)
 * // ['A', 'long', '-', 'term', 'deal', 'ca', "n't", 'wait']
 */
export function bridge(text: string, tokens: readonly Span[]): BridgeWord[] {
  const out: BridgeWord[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const end = wholeEnd(text, tokens, i);
    if (end > i) {
      const span = { start: t.start, end: tokens[end].end };
      out.push({ ...span, form: text.slice(span.start, span.end) });
      i = end;
      continue;
    }
    splitToken(text, t.start, t.end, out);
    // an en dash joining two words or numbers ("2014–2022", "Russia–Ukraine") is EWT's hyphen
    if (text.charCodeAt(t.start) === 0x2013 && t.end - t.start === 1 && i > 0 && tokens[i - 1].end === t.start && i + 1 < tokens.length && tokens[i + 1].start === t.end) out[out.length - 1].form = '-';
    if (i + 2 === tokens.length && isFinalStop(text, t, tokens[i + 1]) && ACRONYM.test(out[out.length - 1].form)) out[out.length - 1].form += '.';
  }
  return out;
}

/** "U.S" as entente leaves it before a sentence's last stop: EWT's words spell it "U.S." before a "." of its own. */
const ACRONYM = /^(?:\p{L}\.)+\p{L}$/u;

function isFinalStop(text: string, word: Span, stop: Span): boolean {
  return stop.start === word.end && stop.end === stop.start + 1 && text.charCodeAt(stop.start) === 46;
}

/**
 * When a whole word (URL, e-mail, emoticon, time, "!!") starts at token `i` and spans several
 * touching tokens, the index of its last token; otherwise `i`.
 */
function wholeEnd(text: string, tokens: readonly Span[], i: number): number {
  if (i + 1 >= tokens.length || tokens[i + 1].start !== tokens[i].end) return i;
  let last = i + 1;
  while (last + 1 < tokens.length && tokens[last + 1].start === tokens[last].end) last++;
  const start = tokens[i].start, c = text.charCodeAt(start), runEnd = tokens[last].end;
  let best = i;
  for (const { first, re } of WHOLE) {
    if (!first(c, text, start, runEnd)) continue;
    re.lastIndex = start;
    if (!re.test(text)) continue;
    const stop = re.lastIndex;
    let j = i;
    while (j < last && tokens[j + 1].end <= stop) j++;
    if (j > best && tokens[j].end === stop) best = j;
  }
  return best;
}

/** Push the UD words of the token `[s, e)`: split at hyphens and in "cannot", spelt as EWT spells them. */
function splitToken(text: string, s: number, e: number, out: BridgeWord[]): void {
  const raw = text.slice(s, e);
  const cut = raw.length >= 4 && raw.length <= 7 ? SPLIT_WORDS.get(raw.toLowerCase()) : undefined;
  if (cut !== undefined) {
    out.push({ start: s, end: s + cut, form: raw.slice(0, cut) }, { start: s + cut, end: e, form: raw.slice(cut) });
    return;
  }
  const unit = NUMBER_UNIT.exec(raw);
  if (unit && !JOINED_SUFFIXES.has(unit[2].toLowerCase())) {
    const cutAt = s + unit[1].length;
    out.push({ start: s, end: cutAt, form: unit[1] }, { start: cutAt, end: e, form: unit[2] });
    return;
  }
  const hyphen = hyphenAt(raw);
  if (hyphen < 0 || !splitsAtHyphens(raw.toLowerCase())) {
    out.push({ start: s, end: e, form: spelling(raw) });
    return;
  }
  let from = 0;
  for (let k = hyphen; k >= 0; k = hyphenAt(raw, from)) {
    if (k > from) out.push({ start: s + from, end: s + k, form: spelling(raw.slice(from, k)) });
    out.push({ start: s + k, end: s + k + 1, form: '-' });
    from = k + 1;
  }
  if (from < raw.length) out.push({ start: s + from, end: e, form: spelling(raw.slice(from)) });
}

/** The first inner hyphen (or non-breaking hyphen) of a word at or after `from`, else -1. */
function hyphenAt(word: string, from = 1): number {
  for (let k = Math.max(from, 1); k < word.length - 1; k++) {
    const c = word.charCodeAt(k);
    if (c === 45 || c === 0x2011) return k;
  }
  return -1;
}

/**
 * EWT splits a hyphenated word ("long-term", "20-year", a range "16-18") unless it starts with a
 * joined prefix, is a code of three parts or more starting and ending with digits ("713-853-3989", "01-Feb-02"),
 * a phone number or ZIP+4 code ("853-7906", "20006-3700"), or a run of dashes.
 */
function splitsAtHyphens(lower: string): boolean {
  if (/^\d[^-‑]*[-‑][^-‑]+[-‑].*\d[^-‑]*$/.test(lower) || /^(?:\d{3}|\d{5})[-‑]\d{4}$/.test(lower) || !/[\p{L}\p{N}]/u.test(lower)) return false;
  const first = lower.slice(0, hyphenAt(lower));
  return !JOINED_PREFIXES.has(first);
}

/** A number with a unit or a letter glued on: "375mm", "5bn", "3pm", "39K". */
const NUMBER_UNIT = /^(\d+(?:[.,]\d+)*)(\p{L}+)$/u;
/** What EWT keeps on a number: ordinals ("5th", "2nd"), decades ("1980s"), "3D". */
const JOINED_SUFFIXES = new Set(['th', 'st', 'nd', 'rd', 's', 'd']);

/** Spellings EWT has (almost) only in their straight or ASCII form. */
const SPELLING: ReadonlyMap<string, string> = new Map([
  ['“', '"'], ['”', '"'], ['„', '"'], ['‟', '"'], ['″', '"'], ['«', '"'], ['»', '"'],
  ['‘', "'"], ['’', "'"], ['‚', "'"], ['`', "'"], ['``', '"'], ["''", '"'],
  ['…', '...'], ['—', '--'], ['–', '--'], ['―', '--'], ['‑', '-'],
]);

/** EWT's spelling of one word: curly apostrophes straightened ("’s", "n’t", "O’Neill"), marks mapped. */
export function spelling(form: string): string {
  const mapped = SPELLING.get(form);
  if (mapped !== undefined) return mapped;
  return /[’‘‑]/.test(form) ? form.replace(/[’‘]/g, "'").replace(/‑/g, '-') : form;
}
