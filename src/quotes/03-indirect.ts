import type { Span } from '../model/span.js';
import { type QuoteDictionary, cueShapeAt } from './dictionary.js';
import type { QuoteText } from './02-direct.js';
import { type Candidate, ruleConfidence } from './candidate.js';
import { objectCueAt, objectVerb, speechNounAt } from './object-cue.js';
import { relativeStatements } from './relative.js';
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

// The end of a content from word `from`, without a cue that closes it before a quote's marks
// ("… the Iranian side, adding: “…”", "…, and added, “…”").
function trimCue(text: string, ws: readonly Word[], from: number, end: number, dict: QuoteDictionary): number {
  let e = ws.length - 1;
  while (e > from && (!ws[e].word || ws[e].start >= end)) e--;
  if (e > from + 1 && dict.cues.has(ws[e].lower)) {
    let b = e - 1;
    if (ws[b].lower === 'and') b--;
    if (b > from && ws[b].text === ',') return trimEnd(text, ws[from].start, ws[b].start);
  }
  return trimEnd(text, ws[from].start, end);
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

type Hit = Omit<Candidate, 'confidence' | 'kind' | 'spans'>;

/**
 * Reported speech without quote marks, one sentence at a time (marks around the `titles` the
 * direct pass set aside do not make a reported clause mixed):
 * - `quote/indirect-according`: "According to the ministry, talks will resume." / "…, according to TASS."
 * - `quote/indirect-trailer`: "Talks will resume next week, the minister said."
 * - `quote/indirect-cue`: "The minister said (that) talks will resume." / "…, adding that …"
 * - `quote/indirect-second`: a second cue of the same speaker starts a statement of its own
 *   ("…, the ministry said, adding deliveries would continue"; "… and says the U.S. stands …").
 * - `quote/indirect-relative`: a relative clause's statement ("Kuwait, which said it was …, has …").
 * - `quote/indirect-noun`: a speech noun's owner speaks its "that" clause ("Trump accepted Putin's
 *   denials that Russia had …").
 * In a sentence a direct or mixed quote already covers, only the words before its first mark
 * ("Trump said he was happy to meet, adding: “…”") and a participle cue after its last one
 * ("“…,” Obama said, noting that …") are read.
 *
 * @example
 * indirectQuotes({ text: 'Talks will resume soon, the minister said.', paragraphs: [...], sentences: [...] }, [], dict)[0].rule
 * // 'quote/indirect-trailer'
 */
export function indirectQuotes(q: QuoteText, takenIn: readonly Candidate[], dict: QuoteDictionary, titles: readonly Span[] = []): Candidate[] {
  const taken = [...takenIn].sort((a, b) => a.start - b.start);
  const out: Candidate[] = [];
  const conf = dict.thresholds.confidence;
  const min = dict.thresholds.minIndirectWords;
  const tokens = q.tokens;
  // most copy has no quotation mark at all, and then no reported clause can hold one
  const marks = MARKS.test(q.text);
  const push = (h: Hit) => add(q.text, marks, titles, out, conf, h);
  let t = 0;
  let k0 = 0;
  for (const s of q.sentences) {
    while (t < taken.length && taken[t].end <= s.start) t++;
    if (tokens) {
      while (k0 < tokens.length && tokens[k0].end <= s.start) k0++;
      if (!cueToken(q.text, tokens, k0, s.end, dict)) continue;
    }
    if (t < taken.length && taken[t].start < s.end) {
      let last = t;
      while (last + 1 < taken.length && taken[last + 1].start < s.end) last++;
      // the words before the first quote: a reported clause whose content is no bare phrase of
      // place or time ("told reporters on Air Force One: “…”")
      const before = taken[t].start > s.start ? words(q.text, s.start, taken[t].start) : [];
      if (before.length >= min + 2) reported(q.text, before, taken[t].start, dict, push, true);
      // "“…,” Obama said, noting that …": the quote's speaker goes on
      const sp = taken[last].speakerSpan;
      if (sp && taken[last].end < s.end) {
        const after = words(q.text, taken[last].end, s.end);
        const k = secondCue(after, 0, dict);
        if (k) seconds(q.text, after, k, sp, s.end, dict, push);
      }
      continue;
    }
    const ws = words(q.text, s.start, s.end);
    if (ws.length < min + 2) continue;
    reported(q.text, ws, s.end, dict, push, false);
    for (const h of relativeStatements(q.text, ws, dict, out)) push(h);
  }
  return out;
}

/**
 * The reported clause of a sentence (or of its words before a quote) ending at `end`; a second
 * cue of the same speaker after its first clause makes further statements.
 */
function reported(text: string, ws: readonly Word[], end: number, dict: QuoteDictionary, push: (h: Hit) => void, notPhrase: boolean): void {
  const min = dict.thresholds.minIndirectWords;
  const k = secondCue(ws, min, dict);
  if (k) {
    const head = firstClause(text, ws.slice(0, k.at), ws[k.at].start, dict, notPhrase);
    if (head && !(notPhrase && phraseOnly(ws, head, dict))) {
      push(head);
      if (head.speakerSpan) seconds(text, ws, k, head.speakerSpan, end, dict, push);
      return;
    }
  }
  const hit = firstClause(text, ws, end, dict, notPhrase);
  if (!hit || (notPhrase && phraseOnly(ws, hit, dict))) return;
  const nested = notPhrase ? undefined : nestedClause(text, ws, hit, end, dict);
  if (nested) {
    let e = nested.at;
    while (e > hit.start && /[\s,;:—–-]/.test(text[e - 1])) e--;
    pushEach(ws, { ...hit, end: e }, dict, push);
    pushEach(ws, nested.hit, dict, push);
  } else pushEach(ws, hit, dict, push);
}

/**
 * A statement, and the same statement again under the first of two speakers joined by "and"
 * ("Obama and Ban Ki-moon demanded …": each of them said it); a list of more ("A, B and C")
 * is one group and stays one speaker.
 */
function pushEach(ws: readonly Word[], hit: Hit, dict: QuoteDictionary, push: (h: Hit) => void): void {
  const sp = hit.speakerSpan;
  if (!sp || hit.rule !== 'quote/indirect-cue') return push(hit);
  const b = ws.findIndex((w) => w.start === sp.start);
  // "Mayor Berg and Governor Dahl said": one phrase of two names
  const inner = ws.findIndex((w, k) => k > b && w.start < sp.end && w.lower === 'and');
  const listed = (a: number) => a > 0 && (ws[a - 1].text === ',' || ws[a - 1].lower === 'between' || dict.prepositions.has(ws[a - 1].lower));
  if (inner > b && !listed(b) && !ws.some((w) => w.start > sp.start && w.end < sp.end && w.text === ',') && ws[inner - 1].cap && ws[inner + 1]?.cap) {
    push({ ...hit, speakerSpan: { start: sp.start, end: ws[inner - 1].end } });
    push({ ...hit, speakerSpan: { start: ws[inner + 1].start, end: sp.end } });
    return;
  }
  const first = b >= 2 && ws[b - 1].lower === 'and' && ws[b - 2].word ? speakerBefore(ws, b - 1, 0, dict) : undefined;
  // in the order they are written, as a reader lists them
  if (first && first.end === ws[b - 2].end && !listed(ws.findIndex((w) => w.start === first.start))) push({ ...hit, speakerSpan: first });
  push(hit);
}

const NEGATED = /^(not|never|declined|refused|\p{L}+n['’]t|cannot)$/u;
const WH = /^(which|what|whether|if|when|where|who|whom|why|how)$/;

// "…, where Driscoll said she intended …", "… while Hamas says …", "…; the coast guard says …": a
// clause of its own, with its own speaker and cue, after a connective or a semicolon inside a
// reported content ends that content
const NESTED = /^(where|while|whereas|but|although|though)$/;
function nestedClause(text: string, ws: readonly Word[], hit: Hit, end: number, dict: QuoteDictionary): { at: number; hit: Hit } | undefined {
  if (hit.rule !== 'quote/indirect-cue' && hit.rule !== 'quote/indirect-that') return undefined;
  const min = dict.thresholds.minIndirectWords;
  for (let c = ws.findIndex((w) => w.start >= hit.start) + min; c > 0 && c < ws.length - min - 2; c++) {
    if (!NESTED.test(ws[c].lower) && ws[c].text !== ';') continue;
    const rest = ws.slice(c + 1);
    const h = cueClause(text, rest, end, dict);
    if (h?.speakerSpan?.start === rest[0].start) return { at: ws[c].start, hit: h };
  }
  return undefined;
}

// Before a quote, a content that starts with a preposition ("told reporters on Air Force One:")
// is a phrase of place or time, and one that runs into the marks ("said that “…", "told
// reporters outside his house that “…") introduces the quote itself: neither is a statement.
function phraseOnly(ws: readonly Word[], h: Hit, dict: QuoteDictionary): boolean {
  const w = ws.find((x) => x.start >= h.start);
  if (w === undefined || dict.prepositions.has(w.lower) || w.lower === 'as') return true;
  // "told reporters on the plane: “…”": whom it was told, then the quote
  const cue = ws.find((x) => x.start === h.cueSpan?.start);
  if (cue && dict.cues.get(cue.lower)?.lemma === 'tell' && w.lower !== 'that') return true;
  let e = ws.length - 1;
  while (e > 0 && !ws[e].word) e--;
  return e === ws.length - 1 || ws[e].lower === 'that';
}

interface Second { at: number; from: number }

// the words that join a second cue of the same speaker, and what may stand between them and it
const JOIN = /^(and|but)$/;
const AUX_BEFORE_CUE = /^(has|have|had|also|later|then|again|repeatedly|since)$/;

/**
 * The first ", adding (that) …", ", and says …" or "and signaled that …" in `ws` from word
 * `lo`: a participle after a comma, or a finite form after "and", of a verb that reports speech
 * (a strong cue, or any cue with "that" after it), with at least the minimum of words after it.
 * `at` is the comma or "and", `from` the first word of the content.
 */
function secondCue(ws: readonly Word[], lo: number, dict: QuoteDictionary): Second | undefined {
  const min = dict.thresholds.minIndirectWords;
  for (let k = Math.max(lo, 1); k < ws.length - 1; k++) {
    const comma = ws[k].text === ',';
    if (!comma && !JOIN.test(ws[k].lower)) continue;
    let j = k + 1;
    if (comma && JOIN.test(ws[j].lower)) j++;
    // "… but has said …", "… and later said …": an auxiliary or adverb before a finite cue
    if (j > k + 1 || !comma) while (j < ws.length - 1 && ws[j].word && !ws[j].cap && AUX_BEFORE_CUE.test(ws[j].lower)) j++;
    if (j >= ws.length) break;
    const c = cueAt(ws, j, dict);
    if (!c || c.according || !c.verb || c.verb.directOnly) continue;
    const participle = c.verb.participle;
    if (participle !== (comma && j === k + 1)) continue;
    if (!participle && ws[j].lower === c.verb.lemma) continue;
    let from = c.end;
    if (c.verb.lemma === 'tell') {
      const a = speakerAfter(ws, from, dict);
      if (a) while (from < ws.length && ws[from].start < a.end) from++;
    }
    while (from < ws.length && (!ws[from].word || ws[from].text === ':')) from++;
    if (!c.verb.indirect && ws[from]?.lower !== 'that') continue;
    if (wordsIn(ws, from, ws.length) < min) continue;
    return { at: k, from };
  }
  return undefined;
}

// the statements after second cues, each under `speaker`
function seconds(text: string, ws: readonly Word[], first: Second, speaker: Span, end: number, dict: QuoteDictionary, push: (h: Hit) => void): void {
  for (let k: Second | undefined = first; k; ) {
    const next = secondCue(ws, k.from + dict.thresholds.minIndirectWords, dict);
    const stop = next ? ws[next.at].start : end;
    push({ start: ws[k.from].start, end: trimEnd(text, ws[k.from].start, stop), speakerSpan: speaker, cueSpan: { start: ws[k.at + 1].start, end: ws[k.from - 1].end }, rule: 'quote/indirect-second' });
    k = next;
  }
}

/** The first reported clause among `ws` (a sentence, or its words up to `end`). */
function firstClause(text: string, ws: readonly Word[], end: number, dict: QuoteDictionary, intro = false): Hit | undefined {
  const min = dict.thresholds.minIndirectWords;
  if (ws.length < min + 2) return undefined;
  // before a quote's marks, an "according to" or trailer ("Asked about it, Lynton said: “…”")
  // introduces the quote
  if (intro) return cueClause(text, ws, end, dict);
  // "According to X, …"
  if (ws[0].lower === 'according' && ws[1]?.lower === 'to') {
    const comma = ws.findIndex((w) => w.text === ',');
    if (comma > 2 && wordsIn(ws, comma + 1, ws.length) >= min) {
      return { start: ws[comma + 1].start, end: trimEnd(text, ws[comma + 1].start, end), speakerSpan: speakerAfter(ws, 2, dict), cueSpan: { start: ws[0].start, end: ws[1].end }, rule: 'quote/indirect-according' };
    }
  }
  // "…, according to a U.S. official who asked not to be identified because …": a source with a
  // clause of its own runs past the trailer's words
  for (let k = ws.length - dict.thresholds.maxTrailerWords - 3; k > 0; k--) {
    if (ws[k].text !== ',' || ws[k + 1].lower !== 'according' || ws[k + 2].lower !== 'to' || wordsIn(ws, 0, k) < min) continue;
    const speaker = speakerAfter(ws, k + 3, dict);
    if (speaker) return { start: ws[0].start, end: ws[k].start, speakerSpan: speaker, cueSpan: { start: ws[k + 1].start, end: ws[k + 2].end }, rule: 'quote/indirect-according' };
  }
  // "…, according to X." / "…, the minister said." / "…, said the minister."
  // the trailer's cue stands within its words of the comma; whom it was told may run on after
  // it ("…, a source close to the campaign told the Associated Press.")
  let lastComma = -1;
  const reach = dict.thresholds.maxTrailerWords + 2;
  for (let k = ws.length - 1; k > 0 && ws.length - k <= reach + dict.thresholds.maxToldObjectWords; k--) if (ws[k].text === ',') { lastComma = k; break; }
  if (lastComma > 0 && wordsIn(ws, 0, lastComma) >= min) {
    for (let j = lastComma + 1; j < ws.length && j - lastComma <= reach; j++) {
      const c = cueAt(ws, j, dict);
      if (!c || (c.verb?.directOnly && !c.according)) continue;
      // past the trailer's words only for whom a "told" names
      if (ws.length - lastComma > reach && c.verb?.lemma !== 'tell') break;
      const speaker = c.according || j === lastComma + 1 ? speakerAfter(ws, c.end, dict) : speakerBefore(ws, j, lastComma + 1, dict);
      if (!speaker) break;
      // "…, who said the deal …", "…, said the deal was close": a relative clause or a cue whose
      // words go on into a clause of its own is no trailer; the content follows the cue
      // ("…, the minister told reporters.": whom it was told stands after the cue)
      const told = c.verb?.lemma === 'tell' || c.verb?.lemma === 'ask' ? (speakerAfter(ws, c.end, dict) ?? ws[c.end]) : undefined;
      if (!c.according && notTrailer(ws, speaker, told?.end ?? ws[c.end - 1].end, dict)) break;
      return { start: ws[0].start, end: ws[lastComma].start, speakerSpan: speaker, cueSpan: { start: ws[c.at].start, end: ws[c.end - 1].end }, rule: c.according ? 'quote/indirect-according' : 'quote/indirect-trailer' };
    }
  }
  return cueClause(text, ws, end, dict);
}

const BEGIN = /^(begin|begins|began|begun|start|starts|started)$/;

// a subject pronoun, an auxiliary or a linking verb: the words after a cue make a clause
const CLAUSE_WORD = /^(there|was|were|is|are|am|be|been|had|has|have|would|will|could|can|should|may|might|must|did|does|do|remained|remains|seemed|seems|felt|feels|\p{L}+n['’]t)$/u;

// "X said (that) …": the first strong cue with a speaker before it; any other reporting verb
// only with "that" right after it ("recalled that …", never "recalled its ambassador")
function cueClause(text: string, ws: readonly Word[], end: number, dict: QuoteDictionary): Hit | undefined {
  const min = dict.thresholds.minIndirectWords;
  for (let j = 1; j < ws.length - min; j++) {
    const sn = ownedStatement(ws, j, dict);
    if (sn) return { start: ws[j].start, end: trimCue(text, ws, j, end, dict), speakerSpan: sn.speaker, cueSpan: { start: ws[sn.noun].start, end: ws[sn.noun].end }, rule: 'quote/indirect-noun' };
    // "expressed concern that …", "called for …", "identified X as …": the verb's object is the content
    const oc = objectCueAt(ws, j, dict);
    const c = oc ? { at: j, end: j + 1, verb: objectVerb(ws[j].lower, oc), according: false } : cueAt(ws, j, dict);
    if (!c || c.according || !c.verb) continue;
    const thatClause = !c.verb.indirect && !c.verb.directOnly && ws[c.end]?.lower === 'that';
    if (!c.verb.indirect && !thatClause) continue;
    // "The officials wouldn’t say which agency …", "declined to say whether …": a refusal to say
    // is no statement ("did not tell lawmakers that …" still is one)
    const negated = NEGATED.test(ws[j - 1].lower) || (j > 1 && NEGATED.test(ws[j - 2].lower) && ws[j - 1].lower === 'to');
    if (negated && WH.test(ws[c.end]?.lower ?? '')) continue;
    // "experts had begun to warn …": the speaker stands before the verb of beginning
    const begun = j > 1 && ws[j - 1].lower === 'to' && BEGIN.test(ws[j - 2].lower) ? j - 2 : j;
    const speaker = c.verb.participle ? clauseSubject(ws, j, dict) : speakerBefore(ws, begun, 0, dict);
    if (!speaker) continue;
    let from = c.end;
    if (c.verb.lemma === 'tell') {
      const a = speakerAfter(ws, from, dict);
      if (a) while (from < ws.length && ws[from].start < a.end) from++;
    }
    while (from < ws.length && !ws[from].word) from++;
    if (from >= ws.length || wordsIn(ws, from, ws.length) < min) return undefined;
    // "said on Tuesday that …": the content starts at "that"; "said he was sure that …": a
    // clause of its own before the "that" is the content, whole
    if (!oc) {
      for (let k = from; k < Math.min(ws.length, from + 4); k++) {
        if (CLAUSE_WORD.test(ws[k].lower) || dict.pronouns.has(ws[k].lower)) break;
        if (ws[k].lower === 'that') { from = k; break; }
      }
    }
    return { start: ws[from].start, end: trimCue(text, ws, from, end, dict), speakerSpan: speaker, cueSpan: { start: ws[c.at].start, end: ws[c.end - 1].end }, rule: thatClause ? 'quote/indirect-that' : 'quote/indirect-cue' };
  }
  return undefined;
}

// "Trump accepted Putin's denials that Russia had …": a speech noun's owner speaks the "that"
// clause; a "that" followed by its own verb ("the statement that was released") is a relative
const RELATIVE_VERB = /^(was|were|is|are|has|have|had|will|would|could|can|should|may|might|must|did|does|do)$/;
function ownedStatement(ws: readonly Word[], j: number, dict: QuoteDictionary): { noun: number; speaker: Span } | undefined {
  if (ws[j].lower !== 'that' || RELATIVE_VERB.test(ws[j + 1]?.lower ?? '')) return undefined;
  const sn = speechNounAt(ws, j, 0, dict);
  return sn?.speaker ? { noun: sn.noun, speaker: sn.speaker } : undefined;
}

// A trailer's speaker ends its sentence or is followed by a preposition ("…, said Berg on
// Monday"), a comma or "who"; a relative pronoun as the speaker ("…, who said …") or a word of a
// clause after the speaker ("said the deal was close") make the cue start reported speech instead.
const AFTER_TRAILER = /^(who|whose|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|earlier|later|also|then|last|this|and|in)$/;
function notTrailer(ws: readonly Word[], speaker: Span, cueEnd: number, dict: QuoteDictionary): boolean {
  const at = ws.findIndex((w) => w.start === speaker.start);
  if (at >= 0 && (ws[at].lower === 'who' || ws[at].lower === 'which') && ws[at].end === speaker.end) return true;
  const next = ws.find((w) => w.start >= Math.max(speaker.end, cueEnd));
  if (next && /^(late|early)$/.test(next.lower)) {
    // "…, the Justice Department said late Friday.": a time, not a clause ("said late payments …")
    const after = ws[ws.indexOf(next) + 1];
    if (!after?.word || AFTER_TRAILER.test(after.lower) || /^(on|in|morning|afternoon|evening|night)$/.test(after.lower)) return false;
  }
  return next !== undefined && next.word && !dict.prepositions.has(next.lower) && !AFTER_TRAILER.test(next.lower) && !/ing$/.test(next.lower);
}
