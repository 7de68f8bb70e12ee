import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';
import { type CueHit, clauseSubject, cueAt, lastCue, sentenceSubject, speakerAfter, speakerBefore } from './speaker.js';
import { type Word, words } from './words.js';

/** The text layers the recognisers read. @example { text: a.text, paragraphs: a.spans.paragraphs, sentences: a.spans.sentences } */
export interface QuoteText {
  text: string;
  paragraphs: readonly Span[];
  sentences: readonly Span[];
  /** the article's tokens, when it has them: a sentence with no cue-like token is skipped unread */
  tokens?: readonly Span[];
}

/** A trailer after a closing mark: its speaker and cue, and where it ends. @example trailer(q, 15, 31, dict) // ', he said.' → { speaker: he, cue: said, end: 24, dash: false } */
export interface Trailer {
  speaker?: Span;
  cue?: CueHit;
  cueSpan?: Span;
  /** offset just after the trailer's last word */
  end: number;
  dash: boolean;
}

const STOP = new Set(['.', '!', '?', ';', ':', '“', '"', '(', '«', '„']);

/** The span of a cue's words. @example cueSpanOf(ws, { at: 1, end: 2, according: false }) */
export const cueSpanOf = (ws: readonly Word[], c: CueHit): Span => ({ start: ws[c.at].start, end: ws[c.end - 1].end });

/**
 * What follows a closing mark: ", he said", ", said Lavrov", " Lavrov was quoted as saying",
 * ", according to the ministry", or a "— Sergei Lavrov" byline-style trailer.
 *
 * @example trailer(q, closingMarkEnd, paragraphEnd, dict)?.cue // the "said" of ', he said.'
 */
export function trailer(q: QuoteText, from: number, to: number, dict: QuoteDictionary): Trailer | undefined {
  const stopped = /\.\s*[”"»]$/.test(q.text.slice(from - 3, from));
  const ws = words(q.text, from, Math.min(to, from + 240));
  if (ws.length === 0) return undefined;
  let i = 0;
  let dash = false;
  if (ws[0].text === ',') i = 1;
  else if (ws[0].text === '—' || ws[0].text === '–' || ws[0].text === '-') { dash = true; i = 1; }
  else if (!ws[0].word) return undefined;
  // a full stop inside the closing mark ends the sentence: “We are ready.” Lavrov then left
  if (stopped && !dash) return undefined;
  // "Fred Smith, director of the institute, said": a name with an apposition may run longer
  const apposition = ws[i]?.cap && ws.slice(i, i + 5).some((w) => w.text === ',');
  const max = apposition ? 2 * dict.thresholds.maxTrailerWords + 6 : dict.thresholds.maxTrailerWords;
  for (let j = i; j < ws.length && j - i < max; j++) {
    if (STOP.has(ws[j].text)) break;
    const c = cueAt(ws, j, dict);
    if (!c) continue;
    // "…,” saying the city …": a participle goes on with the sentence's subject, no trailer
    if (j === i && c.verb?.participle && !c.according) return undefined;
    let speaker: Span | undefined;
    if (c.according || j === i) speaker = speakerAfter(ws, c.end, dict);
    else {
      speaker = speakerBefore(ws, j, i, dict);
      if (apposition && (!speaker || speaker.start !== ws[i].start)) speaker = speakerAfter(ws, i, dict) ?? speaker;
      if (!speaker) return undefined;
    }
    const cueSpan = cueSpanOf(ws, c);
    return { speaker, cue: c, cueSpan, end: Math.max(cueSpan.end, speaker?.end ?? 0), dash };
  }
  if (dash) {
    const speaker = speakerAfter(ws, i, dict);
    if (speaker && ws[i].cap) return { speaker, end: speaker.end, dash };
  }
  return undefined;
}


/**
 * A trailer further on in the clause a closing mark sits in ("“very late” because of the storm,
 * the harbour master said"): the first trailer with a cue after one of the clause's commas, and
 * that comma, where the clause (the content) ends.
 *
 * @example lateTrailer(q, closingMarkEnd, clauseEnd, paragraphEnd, dict)?.comma
 */
export function lateTrailer(q: QuoteText, from: number, to: number, paraEnd: number, dict: QuoteDictionary): { late: Trailer; comma: number } | undefined {
  for (let comma = q.text.indexOf(',', from); comma > 0 && comma < to; comma = q.text.indexOf(',', comma + 1)) {
    const late = trailer(q, comma, paraEnd, dict);
    if (late?.cue) return { late, comma: q.text.lastIndexOf(',', late.cueSpan?.start ?? late.end) };
  }
  return undefined;
}

/**
 * The introduction of a quote standing alone: "Lavrov told reporters:" ("Stated Lavrov:") at the
 * end of the previous sentence or paragraph.
 *
 * @example introBefore(q, sentenceStart, paragraph, paragraphIndex, dict)?.speaker
 */
export function introBefore(q: QuoteText, sentStart: number, para: Span, pIdx: number, dict: QuoteDictionary): { speaker?: Span; cueSpan?: Span } | undefined {
  let from: number;
  let to: number;
  if (sentStart > para.start) { from = para.start; to = sentStart; }
  else if (pIdx > 0) { from = q.paragraphs[pIdx - 1].start; to = q.paragraphs[pIdx - 1].end; }
  else return undefined;
  const ws = words(q.text, Math.max(from, to - 300), to);
  if (ws.length < 2 || ws[ws.length - 1].text !== ':') return undefined;
  const colon = ws.length - 1;
  let lo = colon - 1;
  while (lo > 0 && !['.', '!', '?', '”', '"'].includes(ws[lo - 1].text)) lo--;
  const cue = lastCue(ws, lo, colon, dict);
  if (cue) return { speaker: speakerBefore(ws, cue.at, lo, dict) ?? sentenceSubject(ws, lo, cue.at, dict) ?? (cue.at === lo ? speakerAfter(ws, cue.end, dict) : undefined), cueSpan: cueSpanOf(ws, cue) };
  // "The board was blunt in its findings:" — no cue, the subject introduces the quote
  const speaker = colonSpeaker(ws, lo, colon, dict);
  return speaker ? { speaker } : undefined;
}

/**
 * Who speaks the quote after a colon that has no cue before it: the phrase before the colon
 * when it is all there is ("Okafor:", "Rep. Ann Holm (D-Oslo):") or follows a dash ("… — Ann
 * Holm:"), else the subject of the clause ("She then turned to the crowd:" → She).
 *
 * @example colonSpeaker(words('She then addressed the crowd:', 0, 29), 0, 5, dict) // She
 */
export function colonSpeaker(ws: readonly Word[], lo: number, colon: number, dict: QuoteDictionary): Span | undefined {
  const s = speakerBefore(ws, colon, lo, dict);
  if (s) {
    const at = ws.findIndex((w) => w.start === s.start);
    if (at <= lo || ['—', '–', '-'].includes(ws[at - 1].text)) return s;
  }
  return clauseSubject(ws, colon, dict, lo) ?? s;
}

/**
 * The speaker of a quote standing alone: the later of the last quote's speaker and the last
 * "NP said" in the text since the previous paragraph ("She said the plan works. “It does.”").
 *
 * @example nearestSpeaker(q, quoteStart, paragraphIndex, lastQuote, dict)
 */
export function nearestSpeaker(q: QuoteText, at: number, pIdx: number, last: { speaker?: Span; para: number } | undefined, dict: QuoteDictionary): Span | undefined {
  // the distance counts from where the prior speaker is named, not from its quote: a chain of
  // unattributed quotes would otherwise hand one speaker on from quote to quote down the whole
  // article; and the reporter's own words between count too, as paragraph spans may join lines
  // that end without a full stop (a digest of quotations each signed "Slate / Amanda Hess]")
  const prior = last?.speaker && pIdx - paragraphIndexAt(q.paragraphs, last.speaker.start, last.para) <= dict.thresholds.contextParagraphs && proseWords(q.text, last.speaker.end, at) <= PROSE_MAX ? last.speaker : undefined;
  const from = Math.max(q.paragraphs[Math.max(0, pIdx - 1)].start, prior?.end ?? 0, at - 600);
  if (from >= at) return prior;
  const ws = words(q.text, from, at);
  // skip cues inside quotation marks
  let inQuote = false;
  const quoted = ws.map((w) => { if (w.text === '“' || w.text === '«') inQuote = true; else if (w.text === '”' || w.text === '»') inQuote = false; else if (w.text === '"') inQuote = !inQuote; return inQuote; });
  for (let hi = ws.length; hi > 0; ) {
    const c = lastCue(ws, 0, hi, dict);
    if (!c) break;
    hi = c.at;
    if (quoted[c.at]) continue;
    // "… told Reuters." names whom it was told, never who spoke
    const inverted = c.at + 1 < ws.length && ws[c.at + 1].cap && c.verb?.lemma !== 'tell' && c.verb?.lemma !== 'ask';
    const s = c.according ? speakerAfter(ws, c.end, dict) : speakerBefore(ws, c.at, 0, dict) ?? (inverted ? speakerAfter(ws, c.end, dict) : undefined);
    if (s) return s;
  }
  return prior;
}

/** The index of the paragraph holding offset `at`, searched back from `hint` (the latest it can be). */
function paragraphIndexAt(paragraphs: readonly Span[], at: number, hint: number): number {
  for (let k = Math.min(hint, paragraphs.length - 1); k >= 0; k--) if (paragraphs[k].start <= at) return k;
  return 0;
}

// how many of the reporter's words (outside quotation marks) may stand between a speaker and a
// quote it still speaks: news copy goes on with a speaker's quote within a paragraph or two
const PROSE_MAX = 80;
/** The words outside quotation marks between `from` and `to`, stopping once past `PROSE_MAX`. */
function proseWords(text: string, from: number, to: number): number {
  let n = 0;
  let quoted = false;
  let inWord = false;
  for (let i = from; i < to && n <= PROSE_MAX; i++) {
    const c = text[i];
    if (c === '“' || c === '«') quoted = true;
    else if (c === '”' || c === '»') quoted = false;
    else if (c === '"') quoted = !quoted;
    const letter = /\p{L}/u.test(c);
    if (letter && !inWord && !quoted) n++;
    inWord = letter;
  }
  return n;
}
