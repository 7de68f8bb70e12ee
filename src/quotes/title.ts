import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';

const WORDS = /[\p{L}\p{N}][\p{L}\p{N}'’.&-]*/gu;
const MAX_TITLE_WORDS = 6;

/**
 * Whether the words inside a quoted region are in title case: every word capitalised (or a
 * number), but for the small words of `smallWords` after the first ("Meet the Press", "Fox and
 * Friends"); at most `maxWords` words, six unless told (most programme and book titles).
 *
 * @example titleCase('“Meet the Press.”', dict) // true; titleCase('“We are ready”', dict) // false
 */
export function titleCase(s: string, dict: QuoteDictionary, maxWords = MAX_TITLE_WORDS): boolean {
  const ws = s.match(WORDS);
  if (!ws || ws.length > maxWords) return false;
  return ws.every((w, i) => /^[\p{Lu}\p{N}]/u.test(w) || (i > 0 && dict.titles.smallWords.has(w.toLowerCase())));
}

// "on", "told", "with" and up to four capitalised words, the last a possessive: "on ABC’s",
// "told Fox News channel’s", "with CNN's"
const POSSESSOR = /\b(\p{Ll}+)\s+((?:[\p{Lu}][\p{L}.&-]*\s+){0,3})([\p{L}.&-]+)(?:['’]s|['’])\s*$/u;
const BARE = /\b(\p{Ll}+)\s*$/u;

/**
 * Whether a quoted region names a work or a programme rather than quoting anyone: title-case
 * words right after a programme, work or naming phrase ("in an interview with “Morning Hour”",
 * "his book “Hard Roads”", "known as “Red”"), after "on"/"told" and an outlet's possessive ("on
 * NBC’s “Today”", "told Fox’s “Hannity”"), or after "on"/"told" alone when two words or more
 * ("told “Fox and Friends”").
 *
 * @example isTitle('He said on NBC’s “Early Show” that', { start: 21, end: 33 }, dict) // true
 */
export function isTitle(text: string, r: Span, dict: QuoteDictionary): boolean {
  const inner = text.slice(r.start, r.end);
  if (!titleCase(inner, dict)) return false;
  const before = text.slice(Math.max(0, r.start - 60), r.start).replace(/[\s,]+$/u, '').toLowerCase();
  for (const w of dict.titles.worksBefore) if (before.endsWith(w) && !/\p{L}/u.test(before[before.length - w.length - 1] ?? ' ')) return true;
  const raw = text.slice(Math.max(0, r.start - 60), r.start);
  const p = POSSESSOR.exec(raw);
  if (p && dict.titles.onBefore.has(p[1]) && (/^\p{Lu}/u.test(p[3]) || dict.mediaNouns.has(p[3].toLowerCase()))) return true;
  const b = BARE.exec(raw);
  return b !== null && dict.titles.onBefore.has(b[1]) && (inner.match(WORDS)?.length ?? 0) >= 2;
}
