import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';
import type { QuoteText } from './02-direct.js';
import { type Candidate, confidenceOf } from './candidate.js';
import { cueAt, sentenceSubject, speakerAfter, speakerBefore } from './speaker.js';
import { type Word, words } from './words.js';

const END_PUNCT = /[\s.!?;:]+$/;

function trimEnd(text: string, start: number, end: number): number {
  const m = END_PUNCT.exec(text.slice(start, end));
  return m ? start + m.index : end;
}

const wordsIn = (ws: readonly Word[], from: number, to: number) => {
  let n = 0;
  for (let k = from; k < to; k++) if (ws[k].word) n++;
  return n;
};

/**
 * Reported speech without quote marks, one sentence at a time, skipping sentences a direct or
 * mixed quote already covers:
 * - `quote/indirect-according`: "According to the ministry, talks will resume." / "…, according to TASS."
 * - `quote/indirect-trailer`: "Talks will resume next week, the minister said."
 * - `quote/indirect-cue`: "The minister said (that) talks will resume." / "…, adding that …"
 *
 * @example
 * indirectQuotes({ text: 'Talks will resume soon, the minister said.', paragraphs: [...], sentences: [...] }, [], dict)[0].rule
 * // 'quote/indirect-trailer'
 */
export function indirectQuotes(q: QuoteText, takenIn: readonly Span[], dict: QuoteDictionary): Candidate[] {
  const taken = [...takenIn].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  const conf = dict.thresholds.confidence;
  const min = dict.thresholds.minIndirectWords;
  let t = 0;
  for (const s of q.sentences) {
    while (t < taken.length && taken[t].end <= s.start) t++;
    if (t < taken.length && taken[t].start < s.end) continue;
    const ws = words(q.text, s.start, s.end);
    if (ws.length < min + 2) continue;
    const add = (c: Omit<Candidate, 'confidence' | 'kind' | 'spans'>) => {
      if (c.end > c.start) out.push({ ...c, kind: 'indirect', spans: [{ start: c.start, end: c.end }], confidence: confidenceOf(conf, c.rule.slice(6)) });
    };
    // "According to X, …"
    if (ws[0].lower === 'according' && ws[1]?.lower === 'to') {
      const comma = ws.findIndex((w) => w.text === ',');
      if (comma > 2 && wordsIn(ws, comma + 1, ws.length) >= min) {
        add({ start: ws[comma + 1].start, end: trimEnd(q.text, ws[comma + 1].start, s.end), speakerSpan: speakerAfter(ws, 2, dict), cueSpan: { start: ws[0].start, end: ws[1].end }, rule: 'quote/indirect-according' });
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
        hit = { start: ws[0].start, end: ws[lastComma].start, speakerSpan: speaker, cueSpan: { start: ws[c.at].start, end: ws[c.end - 1].end }, rule: c.according ? 'quote/indirect-according' : 'quote/indirect-trailer' };
      }
      if (hit) { add(hit); continue; }
    }
    // "X said (that) …": the first strong cue with a speaker before it
    for (let j = 1; j < ws.length - min; j++) {
      const c = cueAt(ws, j, dict);
      if (!c || c.according || !c.verb?.indirect) continue;
      const speaker = c.verb.participle ? sentenceSubject(ws, 0, j, dict) : speakerBefore(ws, j, 0, dict);
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
      add({ start: ws[from].start, end: trimEnd(q.text, ws[from].start, s.end), speakerSpan: speaker, cueSpan: { start: ws[c.at].start, end: ws[c.end - 1].end }, rule: 'quote/indirect-cue' });
      break;
    }
  }
  return out;
}
