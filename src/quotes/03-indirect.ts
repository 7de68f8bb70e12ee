import type { Span } from '../model/span.js';
import { type QuoteDictionary, cueShapeAt } from './dictionary.js';
import type { QuoteText } from './02-direct.js';
import { type Candidate, ruleConfidence } from './candidate.js';
import { clauseSubject, cueAt, speakerAfter, speakerBefore } from './speaker.js';
import { type Word, words } from './words.js';

const END_PUNCT = /[\s.!?;:]/;

// Back from the end over spaces and final punctuation, a character at a time: a `[…]+$` pattern
// on the sliced clause tried a match at every space of it.
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && END_PUNCT.test(text[e - 1])) e--;
  return e;
}

const wordsIn = (ws: readonly Word[], from: number, to: number) => {
  let n = 0;
  for (let k = from; k < to; k++) if (ws[k].word) n++;
  return n;
};

/**
 * Whether the tokens from index `t` that lie in `[start, end)` hold a word that may start a cue
 * ("said", "according"): a cheap test on lengths and letters before any slicing.
 */
function cueToken(text: string, tokens: readonly Span[], t: number, end: number, dict: QuoteDictionary): boolean {
  const shapes = dict.cueShapes;
  for (; t < tokens.length && tokens[t].start < end; t++) {
    const a = tokens[t].start;
    const len = tokens[t].end - a;
    if (!cueShapeAt(shapes, text, a, len)) continue;
    if (dict.cueFirst.has(text.slice(a, a + len).toLowerCase())) return true;
  }
  return false;
}

const MARKS = /[“”"«»„]/;

function hasMark(text: string, from: number, to: number, titles: readonly Span[]): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // titles are looked up only at a mark: most characters are none
    if ((c === 0x22 || c === 0x201c || c === 0x201d || c === 0xab || c === 0xbb || c === 0x201e) && !titles.some((r) => r.start <= i && i < r.end)) return true;
  }
  return false;
}

// Reported speech that holds quotation marks the direct pass left alone (a quoted phrase with
// no cue of its own: `The FBI made a "mistake" in the check, Comey said.`) is a mixed quote.
// Marks around a title ("on NBC’s “Today”") do not make it so.
function add(text: string, marks: boolean, titles: readonly Span[], out: Candidate[], conf: Readonly<Record<string, number>>, c: Omit<Candidate, 'confidence' | 'kind' | 'spans'>): void {
  if (c.end <= c.start) return;
  const marked = marks && hasMark(text, c.start, c.end, titles);
  const rule = marked ? 'quote/mixed-reported' : c.rule;
  out.push({ start: c.start, end: c.end, kind: marked ? 'mixed' : 'indirect', spans: [{ start: c.start, end: c.end }], speakerSpan: c.speakerSpan, cueSpan: c.cueSpan, rule, confidence: ruleConfidence(conf, rule) });
}

/**
 * Reported speech without quote marks, one sentence at a time, skipping sentences a direct or
 * mixed quote already covers (marks around the `titles` the direct pass set aside do not make
 * a reported clause mixed):
 * - `quote/indirect-according`: "According to the ministry, talks will resume." / "…, according to TASS."
 * - `quote/indirect-trailer`: "Talks will resume next week, the minister said."
 * - `quote/indirect-cue`: "The minister said (that) talks will resume." / "…, adding that …"
 *
 * @example
 * indirectQuotes({ text: 'Talks will resume soon, the minister said.', paragraphs: [...], sentences: [...] }, [], dict)[0].rule
 * // 'quote/indirect-trailer'
 */
export function indirectQuotes(q: QuoteText, takenIn: readonly Span[], dict: QuoteDictionary, titles: readonly Span[] = []): Candidate[] {
  const taken = [...takenIn].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  const conf = dict.thresholds.confidence;
  const min = dict.thresholds.minIndirectWords;
  const tokens = q.tokens;
  // most copy has no quotation mark at all, and then no reported clause can hold one
  const marks = MARKS.test(q.text);
  let t = 0;
  let k0 = 0;
  for (const s of q.sentences) {
    while (t < taken.length && taken[t].end <= s.start) t++;
    if (t < taken.length && taken[t].start < s.end) continue;
    if (tokens) {
      while (k0 < tokens.length && tokens[k0].end <= s.start) k0++;
      if (!cueToken(q.text, tokens, k0, s.end, dict)) continue;
    }
    const ws = words(q.text, s.start, s.end);
    if (ws.length < min + 2) continue;
    // "According to X, …"
    if (ws[0].lower === 'according' && ws[1]?.lower === 'to') {
      const comma = ws.findIndex((w) => w.text === ',');
      if (comma > 2 && wordsIn(ws, comma + 1, ws.length) >= min) {
        add(q.text, marks, titles, out, conf, { start: ws[comma + 1].start, end: trimEnd(q.text, ws[comma + 1].start, s.end), speakerSpan: speakerAfter(ws, 2, dict), cueSpan: { start: ws[0].start, end: ws[1].end }, rule: 'quote/indirect-according' });
        continue;
      }
    }
    // "…, according to X." / "…, the minister said." / "…, said the minister."
    let lastComma = -1;
    for (let k = ws.length - 1; k > 0 && ws.length - k <= dict.thresholds.maxTrailerWords + 2; k--) if (ws[k].text === ',') { lastComma = k; break; }
    if (lastComma > 0 && wordsIn(ws, 0, lastComma) >= min) {
      let hit: Omit<Candidate, 'confidence' | 'kind' | 'spans'> | undefined;
      for (let j = lastComma + 1; j < ws.length && !hit; j++) {
        const c = cueAt(ws, j, dict);
        if (!c || (c.verb?.directOnly && !c.according)) continue;
        const speaker = c.according || j === lastComma + 1 ? speakerAfter(ws, c.end, dict) : speakerBefore(ws, j, lastComma + 1, dict);
        if (!speaker) break;
        // "…, who said the deal …", "…, said the deal was close": a relative clause or a cue whose
        // words go on into a clause of its own is no trailer; the content follows the cue
        // ("…, the minister told reporters.": whom it was told stands after the cue)
        const told = c.verb?.lemma === 'tell' || c.verb?.lemma === 'ask' ? (speakerAfter(ws, c.end, dict) ?? ws[c.end]) : undefined;
        if (!c.according && notTrailer(ws, speaker, told?.end ?? ws[c.end - 1].end, dict)) break;
        hit = { start: ws[0].start, end: ws[lastComma].start, speakerSpan: speaker, cueSpan: { start: ws[c.at].start, end: ws[c.end - 1].end }, rule: c.according ? 'quote/indirect-according' : 'quote/indirect-trailer' };
      }
      if (hit) { add(q.text, marks, titles, out, conf, hit); continue; }
    }
    // "X said (that) …": the first strong cue with a speaker before it; any other reporting verb
    // only with "that" right after it ("recalled that …", never "recalled its ambassador")
    for (let j = 1; j < ws.length - min; j++) {
      const c = cueAt(ws, j, dict);
      if (!c || c.according || !c.verb) continue;
      const thatClause = !c.verb.indirect && !c.verb.directOnly && ws[c.end]?.lower === 'that';
      if (!c.verb.indirect && !thatClause) continue;
      const speaker = c.verb.participle ? clauseSubject(ws, j, dict) : speakerBefore(ws, j, 0, dict);
      if (!speaker) continue;
      let from = c.end;
      if (c.verb.lemma === 'tell') {
        const a = speakerAfter(ws, from, dict);
        if (a) while (from < ws.length && ws[from].start < a.end) from++;
      }
      while (from < ws.length && !ws[from].word) from++;
      if (from >= ws.length || wordsIn(ws, from, ws.length) < min) break;
      // "said on Tuesday that …": the content starts at "that"
      for (let k = from; k < Math.min(ws.length, from + 4); k++) if (ws[k].lower === 'that') { from = k; break; }
      add(q.text, marks, titles, out, conf, { start: ws[from].start, end: trimEnd(q.text, ws[from].start, s.end), speakerSpan: speaker, cueSpan: { start: ws[c.at].start, end: ws[c.end - 1].end }, rule: thatClause ? 'quote/indirect-that' : 'quote/indirect-cue' });
      break;
    }
  }
  return out;
}

// A trailer's speaker ends its sentence or is followed by a preposition ("…, said Berg on
// Monday"), a comma or "who"; a relative pronoun as the speaker ("…, who said …") or a word of a
// clause after the speaker ("said the deal was close") make the cue start reported speech instead.
const AFTER_TRAILER = /^(who|whose|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|also|then|last|this|and|in)$/;
function notTrailer(ws: readonly Word[], speaker: Span, cueEnd: number, dict: QuoteDictionary): boolean {
  const at = ws.findIndex((w) => w.start === speaker.start);
  if (at >= 0 && (ws[at].lower === 'who' || ws[at].lower === 'which') && ws[at].end === speaker.end) return true;
  const next = ws.find((w) => w.start >= Math.max(speaker.end, cueEnd));
  return next !== undefined && next.word && !dict.prepositions.has(next.lower) && !AFTER_TRAILER.test(next.lower) && !/ing$/.test(next.lower);
}
