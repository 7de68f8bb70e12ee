import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';
import { objectCueAt } from './object-cue.js';
import { cueAt, speakerAfter, speakerBefore } from './speaker.js';
import type { Word } from './words.js';

/** A statement read from a relative clause: its content, speaker and cue. */
export interface RelativeHit { start: number; end: number; speakerSpan: Span; cueSpan: Span; rule: string }

// how far a relative's cue may stand from "which"/"who" ("which has so far denied")
const CUE_WITHIN = 4;
const FILLER = new Set(['so', 'far', 'this', 'week', 'month', 'year', 'last', 'itself', 'himself', 'herself']);

// A verb that reports speech by itself: a strong cue or an object cue ("which denies involvement").
function reportingAt(ws: readonly Word[], j: number, dict: QuoteDictionary): number | undefined {
  // "which the North denounced as …": the antecedent is the object
  if (dict.objects.forms.get(ws[j].lower)?.as && ws[j + 1]?.lower === 'as') return j + 1;
  if (objectCueAt(ws, j, dict)) return j + 1;
  const c = cueAt(ws, j, dict);
  if (!c || c.according || !c.verb || c.verb.directOnly) return undefined;
  if (c.verb.indirect || ws[c.end]?.lower === 'that') return c.end;
  return undefined;
}

/**
 * The statements of relative clauses after a comma in a sentence's words:
 * - "Kuwait, which said (earlier this week) it was investigating …, has …": the antecedent
 *   speaks what follows the cue, up to the clause's closing comma;
 * - "…, which Tehran says includes …" / "…, which the North denounced as …": the relative's own
 *   subject speaks, and the content is the whole relative clause.
 * A clause whose cue a statement already in `taken` holds is left to it.
 *
 * @example relativeStatements(text, words(text, 0, text.length), dict, [])
 */
export function relativeStatements(text: string, ws: readonly Word[], dict: QuoteDictionary, taken: readonly { cueSpan?: Span }[]): RelativeHit[] {
  const out: RelativeHit[] = [];
  const min = dict.thresholds.minIndirectWords;
  for (let r = 2; r < ws.length - 2; r++) {
    const rel = ws[r].lower;
    if ((rel !== 'which' && rel !== 'who') || ws[r - 1].text !== ',') continue;
    const closing = (from: number) => {
      let e = from;
      // the words are one sentence: a "." inside it ends an abbreviation ("Sept."), not the clause
      while (e < ws.length && ws[e].text !== ',' && ws[e].text !== ';' && ws[e].text !== '—') e++;
      while (e > from && !ws[e - 1].word && ws[e - 1].text !== '.') e--;
      if (e === ws.length && e > from && ws[e - 1].text === '.') e--;
      return e;
    };
    // subject relative: "which (has) (so far) said …"
    let cue = -1;
    let end = -1;
    for (let j = r + 1; j < ws.length && j <= r + CUE_WITHIN && ws[j].word; j++) {
      const e = reportingAt(ws, j, dict);
      if (e !== undefined) { cue = j; end = e; break; }
      const w = ws[j].lower;
      if (!(dict.between.has(w) || /ly$/.test(w) || FILLER.has(w))) break;
    }
    if (cue > 0) {
      const speaker = speakerBefore(ws, r - 1, 0, dict);
      let from = end;
      if (ws[from]?.lower === 'that') from++;
      const stop = closing(from);
      if (speaker && stop - from >= min && !taken.some((t) => t.cueSpan?.start === ws[cue].start)) {
        out.push({ start: ws[from].start, end: ws[stop - 1].end, speakerSpan: speaker, cueSpan: { start: ws[cue].start, end: ws[end - 1].end }, rule: 'quote/indirect-relative' });
      }
      continue;
    }
    // object relative: "which Tehran says …", "which the North denounced as …"
    if (rel !== 'which') continue;
    const subject = speakerAfter(ws, r + 1, dict);
    if (!subject) continue;
    let j = r + 1;
    while (j < ws.length && ws[j].end <= subject.end) j++;
    while (j < ws.length && (dict.between.has(ws[j].lower) || /ly$/.test(ws[j].lower))) j++;
    const e = j < ws.length ? reportingAt(ws, j, dict) : undefined;
    if (e === undefined || taken.some((t) => t.cueSpan?.start === ws[j].start)) continue;
    const stop = closing(e);
    if (stop - e < 1) continue;
    out.push({ start: ws[r].start, end: ws[stop - 1].end, speakerSpan: subject, cueSpan: { start: ws[j].start, end: ws[e - 1].end }, rule: 'quote/indirect-relative' });
  }
  return out;
}
