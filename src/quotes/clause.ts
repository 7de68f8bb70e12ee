import type { Span } from '../model/span.js';
import type { Candidate } from './candidate.js';
import type { QuoteDictionary } from './dictionary.js';
import type { MarkedRegion } from './01-marks.js';
import type { QuoteText } from './context.js';
import { wordCount } from './words.js';

/**
 * The end of the clause a quote sits in: the sentence's end without its final mark (a closing
 * mark right after the full stop is kept).
 *
 * @example clauseEnd({ text: 'said it was “over” for them. Next', … }, 18, 33) // 27
 */
export function clauseEnd(q: QuoteText, from: number, paraEnd: number): number {
  const t = q.text;
  for (let i = from; i < paraEnd; i++) {
    const c = t[i];
    if ((c === '.' || c === '!' || c === '?' || c === ';') && (i + 1 >= paraEnd || /[\s”"’]/.test(t[i + 1]))) {
      // "the U.S. military": a period followed by a lowercase word does not end the sentence
      const next = t.slice(i + 1, i + 3).trim();
      if (c === '.' && next && /^\p{Ll}/u.test(next)) continue;
      if (t[i + 1] === '”' || t[i + 1] === '"') return i + 2;
      return i;
    }
  }
  let e = paraEnd;
  while (e > from && /\s/.test(t[e - 1])) e--;
  return e;
}


const BREAK = /[,;:(]|\s[—–-]\s|\s(?:but|while|which)\s|\s(?:and|before|after|as)\s(\S+)/gu;
const CLAUSE_SUBJECT = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'there']);

/**
 * Where a reported clause stops after a closing mark: a comma, colon, dash or bracket, a
 * conjunction that starts a new clause ("but", "while", "which"), or "and", "before", "after",
 * "as" starting a second clause of its own: a name or pronoun ("and Clinton", "as he faces"), a
 * reporting verb ("and called her", "and vowing") or, after any but "and", another verb ("before
 * floating"). "and" joining two nouns ("“trade” and security") or two verbs of the reported
 * clause ("“a good start” and welcomed") does not stop it, nor does "because" (its reason is
 * part of what was said).
 *
 * @example clauseBreak(' and called it a sham.', dict)?.index // 0
 */
export function clauseBreak(seg: string, dict: QuoteDictionary): { index: number } | null {
  BREAK.lastIndex = 0;
  for (let m = BREAK.exec(seg); m !== null; m = BREAK.exec(seg)) {
    const next = m[1];
    if (next === undefined) return m;
    const w = next.replace(/[^\p{L}'’-]+$/u, '');
    const lower = w.toLowerCase();
    if (/^\p{Lu}/u.test(w) || CLAUSE_SUBJECT.has(lower) || dict.cues.has(lower) || (/[a-z](?:ed|ing)$/.test(lower) && !/^\s*and\s/.test(m[0]))) return m;
    BREAK.lastIndex = m.index + 1;
  }
  return null;
}

/**
 * A mixed or partial quote: the reported clause from `start` (just after the cue) through the
 * quoted pieces to the clause's end; `partial` when the quoted words are few ("accused the EU
 * of waging a “hybrid war”"), with `spans` then listing the quoted pieces.
 *
 * @example mixed(q, clauseStart, markEnd, pieces, paragraph, regions, r, speaker, cue, 'quote/mixed-cue', dict).kind // 'mixed'
 */
export function mixed(
  q: QuoteText, start: number, end: number, spans: Span[], endPara: Span, regions: readonly MarkedRegion[], r: number,
  speakerSpan: Span | undefined, cueSpan: Span | undefined, rule: string, dict: QuoteDictionary, stopAtMark = false,
): Omit<Candidate, 'confidence'> {
  let e = end;
  // a closing mark after a comma or full stop ends the clause: said it was “over.” Next …
  if (!stopAtMark && !/[,.!?]\s*[”"»]$/.test(q.text.slice(end - 3, end))) {
    // the clause goes on after the closing mark up to its end, a comma, a dash or "and …",
    // taking in further quoted pieces on the way: said it was “a big show” with a “showbiz” feel
    const limit = Math.max(end, clauseEnd(q, end, endPara.end));
    let cur = end;
    e = limit;
    for (let k = r + 1; ; ) {
      const seg = q.text.slice(cur, limit);
      const b = clauseBreak(seg, dict);
      while (k < regions.length && regions[k].start < cur) k++;
      const o = k < regions.length && regions[k].start < limit ? regions[k].start - cur : -1;
      if (o >= 0 && (b === null || o < b.index)) { cur = regions[k].end; e = Math.max(limit, cur); if (/[,.!?]\s*[”"»]$/.test(q.text.slice(cur - 3, cur))) { e = cur; break; } continue; }
      if (b !== null) e = cur + b.index;
      break;
    }
    while (e > end && /\s/.test(q.text[e - 1])) e--;
  }
  const quoted: Span[] = [...spans];
  for (let k = r + 1; k < regions.length && regions[k].start < e; k++) quoted.push(...regions[k].pieces);
  const inner = quoted.reduce((n, s) => n + wordCount(q.text.slice(s.start, s.end)), 0);
  // a few quoted words inside reported speech ("accused the EU of a “hybrid war”") is a partial quote
  const partial = inner <= 4;
  return { start, end: e, kind: partial ? 'partial' : 'mixed', spans: partial ? quoted : [{ start, end: e }], speakerSpan, cueSpan, rule: partial ? 'quote/partial' : rule };
}

