import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';
import type { MarkedRegion } from './01-marks.js';
import { type Candidate, ruleConfidence } from './candidate.js';
import { clauseEnd, mixed } from './clause.js';
import { type QuoteText, type Trailer, colonSpeaker, cueSpanOf, introBefore, lateTrailer, nearestSpeaker, trailer } from './context.js';
import { type CueHit, clauseSubject, cueAt, lastCue, sentenceSubject, speakerAfter, speakerBefore } from './speaker.js';
import { type Word, spanIndexAt, wordCount, words } from './words.js';
import { isTitle, titleCase } from './title.js';
import { speechNounAt } from './object-cue.js';

export type { QuoteText } from './context.js';

const NAMING = new Set(['call', 'dub', 'label', 'brand', 'describe', 'portray', 'refer', 'cite', 'quote']);
const LEAD = new Set(['and', 'but', 'so', 'yet', 'or', 'then', 'also']);

// "Voters cheered his pledge that the town would get “…”": a speech noun's owner speaks the
// "that" clause; the first noun before "that" with no owner ends the search
function speechNounThat(
  q: QuoteText, pw: ReturnType<typeof words>, lo: number, end: number, spans: Span[], endPara: Span,
  regions: readonly MarkedRegion[], r: number, dict: QuoteDictionary, emit: (c: Omit<Candidate, 'confidence'>) => void,
): boolean {
  for (let k = pw.length - 2; k >= lo + 2 && pw.length - k <= dict.thresholds.maxMixedGapWords; k--) {
    const sn = speechNounAt(pw, k, lo, dict);
    if (!sn) continue;
    if (!sn.speaker) return false;
    emit(mixed(q, pw[k].start, end, spans, endPara, regions, r, sn.speaker, { start: pw[sn.noun].start, end: pw[sn.noun].end }, 'quote/mixed-noun', dict));
    return true;
  }
  return false;
}

// The cue right after the quote before ("…,” said Berg, whose book “…”"), its speaker named
// after it, and no new clause with a subject of its own between that speaker and the marks.
function spentOnTrailer(pw: readonly Word[], cue: CueHit, prev: Candidate | undefined, dict: QuoteDictionary): boolean {
  if (!prev || prev.kind !== 'direct' || cue.according || prev.cueSpan?.start !== pw[cue.at].start) return false;
  if (pw.slice(0, cue.at).some((w) => w.word) || !pw[cue.end]?.word) return false;
  const s = speakerAfter(pw, cue.end, dict);
  if (!s || s.start !== pw[cue.end].start || !pw.some((w) => w.cap && w.start >= s.start && w.end <= s.end)) return false;
  return !pw.some((w) => w.start >= s.end && w.lower !== 'who' && dict.pronouns.has(w.lower));
}

const isUpperStart = (t: string, r: Span) => /^\P{L}*\p{Lu}/u.test(t.slice(r.start, Math.min(r.end, r.start + 8)));

/**
 * Turns paired quotation marks into direct, mixed and partial quotes, finding each one's cue and
 * speaker: a trailer after the closing mark, an introduction before the opening mark ("Lavrov
 * said: “…”", "Lavrov: “…”"), a reported clause around it ("said Moscow will turn to
 * “like-minded” allies" → mixed), and for a quote standing alone, the speaker of the quote just
 * before it. A quoted phrase with no cue in its sentence is a scare quote and yields nothing; a
 * quoted title yields nothing either, and is added to `titles`.
 *
 * @example
 * directQuotes({ text: '“Yes,” he said.', paragraphs: [{start:0,end:15}], sentences: [{start:0,end:15}] }, regions, dict)[0].rule
 * // 'quote/direct-trailer'
 */
export function directQuotes(q: QuoteText, regions: readonly MarkedRegion[], dict: QuoteDictionary, titles: Span[] = []): Candidate[] {
  const out: Candidate[] = [];
  const conf = dict.thresholds.confidence;
  const { text, paragraphs, sentences } = q;
  let last: { speaker?: Span; para: number } | undefined;
  let consumedTo = -1;
  for (let r = 0; r < regions.length; r++) {
    const R = regions[r];
    if (R.start < consumedTo) continue;
    const pIdx = spanIndexAt(paragraphs, R.start);
    const para = paragraphs[pIdx];
    const endPara = paragraphs[spanIndexAt(paragraphs, R.end - 1)];
    const sIdx = spanIndexAt(sentences, R.start);
    let sentStart = Math.max(sIdx >= 0 ? sentences[sIdx].start : para.start, para.start);
    // "said the U.S. “clearly” needed …": a sentence that starts lowercase after an abbreviation
    // was split wrongly; read it with the sentence before
    if (sIdx > 0 && sentStart > para.start && /^\P{L}*\p{Ll}/u.test(text.slice(sentStart, sentStart + 4)) && /[A-Z]\.\s*$/.test(text.slice(sentStart - 4, sentStart))) sentStart = Math.max(para.start, sentences[sIdx - 1].start);
    if (r > 0 && regions[r - 1].end > sentStart && regions[r - 1].end <= R.start) sentStart = regions[r - 1].end;
    const pw = words(text, sentStart, R.start);
    let end = R.end;
    const spans: Span[] = [...R.pieces];
    let tr = trailer(q, end, endPara.end, dict);
    // "“We are ready,” he said, “to talk.”": one quote in two pieces
    // and "“We are ready,” he said at the talks. “We always were.”": the same speaker goes on in
    // the same paragraph, one quote
    while (tr?.cue && r + 1 < regions.length) {
      const next = regions[r + 1];
      const gap = text.slice(tr.end, next.start);
      // the gap is the rest of the trailer's sentence ("…,” Berg said, looking away. “…”), never
      // a further sentence
      if (next.start >= endPara.end || !/[,:;.—–-]\s*$/.test(gap) || /[“"«„]/.test(gap) || /[.!?]\s+\S/.test(gap.trimEnd())) break;
      // “…,” he said, adding: “…” — a cue right before the next piece starts a quote of its own
      const gw = words(text, tr.end, next.start).filter((w) => w.word);
      if (gw.length && cueAt(gw, gw.length - 1, dict)) break;
      // “A,” she said. “B,” she said. — two quotes, each with its own trailer
      const own = trailer(q, next.end, paragraphs[spanIndexAt(paragraphs, next.end - 1)].end, dict);
      if (own?.cue) break;
      spans.push(...next.pieces);
      end = next.end;
      r++;
      const more = trailer(q, end, paragraphs[spanIndexAt(paragraphs, end - 1)].end, dict);
      if (more?.cue) { tr = { ...more, speaker: tr.speaker ?? more.speaker }; continue; }
      // “…,” he said. “B.” “C.”: a further quote straight after is another turn (a reply, a
      // heckler) as often as more of the same; it is read on its own
      break;
    }
    const lead = pw.filter((w) => w.word && !LEAD.has(w.lower));
    // a programme or a book in marks is no quote ("told NBC’s “Today” on Monday"), unless a
    // reported clause goes on through it ("told ABC’s “Today” that …")
    if (lead.length > 0 && isTitle(text, R, dict) && !/^[\s,]*that\b/.test(text.slice(end, end + 8))) { titles.push(R); continue; }
    const emit = (c: Omit<Candidate, 'confidence'>) => {
      out.push({ ...c, confidence: ruleConfidence(conf, c.rule) });
      if (c.speakerSpan) last = { speaker: c.speakerSpan, para: pIdx };
      consumedTo = Math.max(consumedTo, c.end, c.rule.includes('trailer') || c.rule.includes('interrupted') ? tr?.end ?? 0 : 0);
    };
    const cue = lead.length ? lastCue(pw, 0, pw.length, dict) : undefined;
    const endsWith = pw.length ? pw[pw.length - 1].text : '';

    if (lead.length === 0) {
      if (tr) {
        emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: tr.speaker, cueSpan: tr.cueSpan, rule: tr.cue ? (spans.length > R.pieces.length ? 'quote/direct-interrupted' : 'quote/direct-trailer') : 'quote/direct-dash' });
        continue;
      }
      if (/^\s*\p{Ll}/u.test(text.slice(end, end + 3))) {
        // “We are frustrated” by the vote, the mayor said: the quote opens a clause that a
        // trailer after the clause attributes
        const found = lateTrailer(q, end, clauseEnd(q, end, endPara.end), endPara.end, dict);
        const late = found?.late, comma = found?.comma ?? -1;
        if (late?.cue && comma > end) emit({ start: R.start, end: comma, kind: 'mixed', spans: [{ start: R.start, end: comma }], speakerSpan: late.speaker, cueSpan: late.cueSpan, rule: 'quote/mixed-trailer' });
        continue;
      }
      if (wordCount(text.slice(R.start, end)) < dict.thresholds.minStandaloneWords) continue;
      const intro = introBefore(q, sentStart, para, pIdx, dict);
      if (intro) { emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: intro.speaker, cueSpan: intro.cueSpan, rule: 'quote/direct-colon' }); continue; }
      // a paragraph that is nothing but a quote, right after a paragraph whose quote it goes on
      // with ("“…,” she said.¶“And another thing.”"), is more of the same quote
      const prev = out[out.length - 1];
      if (prev && prev.kind === 'direct' && pIdx > 0 && prev.end >= paragraphs[pIdx - 1].start && R.start === para.start && end >= para.end - 1) {
        prev.spans.push(...spans);
        prev.end = end;
        consumedTo = end;
        continue;
      }
      const near = nearestSpeaker(q, R.start, pIdx, last, dict);
      emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: near, rule: near ? 'quote/direct-context' : 'quote/direct-unattributed' });
      continue;
    }

    // a speech noun after the cue has its own speaker: "dismissed his warning that …"
    if (cue && speechNounThat(q, pw, cue.end, end, spans, endPara, regions, r, dict, emit)) continue;
    // “…,” said Berg, whose book “Cold Water” …: marks in the apposition of a speaker already
    // named by the quote before are no quote of their own
    if (cue && spentOnTrailer(pw, cue, out[out.length - 1], dict)) continue;
    if (cue) {
      const gap = pw.slice(cue.end).filter((w) => w.word);
      const lemma = cue.verb?.lemma;
      const addressee = lemma === 'tell' || lemma === 'ask';
      let speaker: Span | undefined;
      let gapSpeaker = 0;
      if (cue.according) {
        speaker = speakerAfter(pw, cue.end, dict);
        gapSpeaker = speaker ? words(text, speaker.start, speaker.end).filter((w) => w.word).length : 0;
      } else if (cue.at === 0 && cue.verb && !cue.verb.participle && (endsWith === ',' || endsWith === ':') && (speaker = speakerAfter(pw, cue.end, dict))) {
        // "Said Berg, a fisherman from the coast: “…”": an inverted cue opening the sentence,
        // the speaker and an apposition after it
        gapSpeaker = gap.length <= dict.thresholds.maxSpeakerWords + 6 ? gap.length : 0;
      } else {
        // "with Cruz recently promising …": a participle right after its subject takes it; after a
        // comma ("…, calling him …") it hangs on the clause subject
        const afterComma = cue.at > 0 && pw[cue.at - 1].text === ',';
        let before = speakerBefore(pw, cue.at, 0, dict);
        const moved = sIdx >= 0 && sentStart > sentences[sIdx].start;
        const coordinated = cue.at > 0 && /^(and|but|then)$/.test(pw[cue.at - 1].lower);
        // "Lazar said he would come and added, “…”": a second verb keeps the first one's subject
        if (!before && coordinated) {
          const first = lastCue(pw, 0, cue.at - 1, dict);
          if (first && !first.according) before = speakerBefore(pw, first.at, 0, dict);
        }
        // the subject may stand before an earlier quote of the same sentence
        const subject = () => {
          const own = coordinated ? undefined : clauseSubject(pw, cue.at, dict);
          if (own || !moved) return own ?? clauseSubject(pw, cue.at, dict);
          const full = words(text, Math.max(para.start, sentences[sIdx].start), pw[cue.at].end);
          return sentenceSubject(full, 0, full.length - 1, dict);
        };
        const named = before !== undefined && (/^\p{Lu}/u.test(text.slice(before.start, before.start + 1)) || dict.pronouns.has(text.slice(before.start, before.end).toLowerCase()));
        speaker = cue.verb?.participle && (afterComma || !named) ? subject() ?? before : before ?? subject();
        // “…,” adding that …: the clause goes on from an earlier quote, whose speaker it keeps
        if (!speaker && (cue.verb?.participle || afterComma || moved || coordinated)) speaker = nearestSpeaker(q, R.start, pIdx, last, dict);
      }
      const rest = gap.length - gapSpeaker;
      const upper = isUpperStart(text, R);
      const timeOnly = gap.every((w) => dict.between.has(w.lower) || /^(in|a|an|statement|interview|at|the|conference|news|press|briefing|tweet|post|on|twitter|facebook)$/.test(w.lower));
      // `said “it gets me mad” every time …`: a lowercase start continues the reporting clause
      const intro = (rest === 0 && (upper || endsWith === ',' || endsWith === ':')) || (endsWith === ',' || endsWith === ':' ? (timeOnly || addressee || rest <= 2) : upper && (timeOnly || (addressee && rest <= 6)));
      const cueSpan = cueSpanOf(pw, cue);
      // naming ("a culture called “The Way”") and a quote that runs on in lowercase ("told
      // “Morning Show” on Monday the …") are no introductions of speech
      const naming = lemma !== undefined && NAMING.has(lemma) && endsWith !== ',' && endsWith !== ':';
      const runsOn = /^\s*[\p{Ll}\d]/u.test(text.slice(end, end + 3)) && !/[.!?,]\s*[”"»]$/.test(text.slice(end - 3, end));
      if (intro && !naming && !runsOn) {
        // a trailer after the quote names the speaker more surely than the clause before it
        if (tr?.cue && tr.speaker && !cue.according) speaker = tr.speaker;
        emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: speaker, cueSpan, rule: endsWith === ':' ? 'quote/direct-colon' : 'quote/direct-intro' });
        continue;
      }
      // a reported clause holding quoted words: content runs from after the cue (keeping "that").
      // A cue far from the marks or with no speaker is a verb used otherwise ("called off").
      if (rest > dict.thresholds.maxMixedGapWords || (!speaker && !tr?.cue)) continue;
      // the clause's own reporting verb is its first cue with a speaker ("He notes that you can't
      // yell “fire” in a theater": notes, not yell)
      let mc = cue;
      for (let i = 0; i < cue.at; i++) {
        const c = cueAt(pw, i, dict);
        if (!c || c.according || !c.verb || c.verb.participle || c.verb.directOnly) continue;
        const s = speakerBefore(pw, i, 0, dict);
        if (s) { mc = c; speaker = s; break; }
      }
      let startW = mc.end;
      if (mc.according) {
        const comma = pw.findIndex((w, k) => k >= mc.end && w.text === ',');
        startW = comma >= 0 ? comma + 1 : mc.end;
      } else if (addressee) {
        const that = pw.findIndex((w, k) => k >= mc.end && w.lower === 'that');
        if (that >= 0) startW = that;
        else { const a = speakerAfter(pw, mc.end, dict); if (a) { const k = pw.findIndex((w) => w.start >= a.end); startW = k < 0 ? pw.length : k; } }
      } else {
        // "said in an interview that …", "said on Tuesday that …": the content starts at "that"
        for (let k = mc.end; k < Math.min(pw.length, mc.end + 5); k++) {
          if (pw[k].text === ',' || pw[k].text === '“' || pw[k].text === '"') break;
          if (pw[k].lower === 'that') { startW = k; break; }
        }
      }
      while (startW >= 0 && startW < pw.length && !pw[startW].word && pw[startW].text !== '“' && pw[startW].text !== '"') startW++;
      const start = startW < pw.length && startW >= 0 ? pw[startW].start : R.start;
      emit(mixed(q, start, end, spans, endPara, regions, r, speaker ?? (tr?.cue ? tr.speaker : undefined), cueSpanOf(pw, mc), 'quote/mixed-cue', dict));
      continue;
    }
    if (endsWith === ':') {
      // "Lavrov: “…”" — the phrase before the colon is the speaker, or the subject of a
      // clause before it ("She then turned to the crowd: “…”")
      const speaker = colonSpeaker(pw, 0, pw.length - 1, dict);
      const intro = speaker ? undefined : introBefore(q, sentStart, para, pIdx, dict);
      if (tr?.cue) { emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: tr.speaker, cueSpan: tr.cueSpan, rule: 'quote/direct-trailer' }); continue; }
      const spk = speaker ?? intro?.speaker ?? nearestSpeaker(q, R.start, pIdx, last, dict);
      emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: spk, rule: speaker ? 'quote/direct-colon' : spk ? 'quote/direct-context' : 'quote/direct-unattributed' });
      continue;
    }
    // "was “not a choice but a necessity” because it is under threat, its minister told …": a
    // clause going on past the mark to a trailer further on is reported speech holding marks,
    // as the reported pass reads it (03-indirect), whatever the number of quoted words
    const later = !tr?.cue && /^\s*\p{Ll}/u.test(text.slice(end, end + 3)) ? lateTrailer(q, end, clauseEnd(q, end, endPara.end), endPara.end, dict) : undefined;
    if (later && later.comma > end) {
      const start = pw[0].start;
      emit({ start, end: later.comma, kind: 'mixed', spans: [{ start, end: later.comma }], speakerSpan: later.late.speaker, cueSpan: later.late.cueSpan, rule: 'quote/mixed-reported' });
      continue;
    }
    if (tr?.cue) {
      // "Moscow is a “reliable partner,” the minister said": the whole clause is the content;
      // "Turkey was under “serious threat” and its purchase was necessary, Akar said": the
      // clause goes on past the mark to the comma before the trailer
      const at = Math.min(tr.speaker?.start ?? Infinity, tr.cueSpan?.start ?? Infinity);
      const comma = text.lastIndexOf(',', at);
      const clauseTo = comma > end && /\p{L}/u.test(text.slice(end, comma)) ? comma : end;
      emit(mixed(q, pw[0].start, clauseTo, spans, endPara, regions, r, tr.speaker, tr.cueSpan, 'quote/mixed-trailer', dict, true));
      continue;
    }
    // "Billy Joel sings, “Don’t go changing.”", "a message that read, “Sorry…”": a full
    // sentence in marks after a comma that follows a verb is spoken or written words, whatever
    // the verb
    if (endsWith === ',' && pw.length >= 2 && isUpperStart(text, R) && wordCount(text.slice(R.start, end)) >= dict.thresholds.minStandaloneWords && /[.!?]\s*[”"»]$/.test(text.slice(end - 3, end))) {
      const v = pw[pw.length - 2];
      if (v.word && !v.cap && /[a-z](?:ed|es|s|ing)$/.test(v.lower) && !/(?:ss|us|is)$/.test(v.lower)) {
        const speaker = speakerBefore(pw, pw.length - 2, 0, dict) ?? clauseSubject(pw, pw.length - 2, dict);
        emit({ start: R.start, end, kind: 'direct', spans, speakerSpan: speaker, cueSpan: { start: v.start, end: v.end }, rule: 'quote/direct-verb' });
        continue;
      }
    }
    // "his warning that Britain would be at the “back of the queue”", "Trump's assertion that
    // “thousands” celebrated": a speech noun owned by its speaker reports the "that" clause
    if (speechNounThat(q, pw, 0, end, spans, endPara, regions, r, dict, emit)) continue;
    // quote marks inside a sentence with no cue: scare quotes, a title, a nickname — no quote,
    // unless a name or pronoun right before a verb-looking word reports them ("Merkel lauded the
    // deal as a “breakthrough”")
    for (let k = pw.length - 1; k > 0 && pw.length - k <= 12; k--) {
      const w = pw[k];
      if (!w.word) { if (w.text === ',' || w.text === ';') break; continue; }
      const progressive = /[a-z]ing$/.test(w.lower) && /^(is|are|was|were|been)$/.test(pw[k - 1].lower);
      if (w.cap || !(/[a-z](?:ed|es)$/.test(w.lower) || progressive)) continue;
      const s = speakerBefore(pw, progressive ? k - 1 : k, 0, dict);
      if (!s || !(/^\p{Lu}/u.test(text[s.start]) || dict.pronouns.has(text.slice(s.start, s.end).toLowerCase()))) continue;
      // "starred in “The Long Winter”": a verb followed by a preposition names a place or title
      if (k + 1 >= pw.length || /^(in|on|at|for|with|by|from|into|onto|over|under|during|through)$/.test(pw[k + 1].lower)) break;
      emit(mixed(q, pw[k + 1].start, end, spans, endPara, regions, r, s, { start: w.start, end: w.end }, 'quote/mixed-verb', dict));
      break;
    }
    if (out.length && out[out.length - 1].end >= end) continue;
    // "Ryan worried that the safety net was becoming “a hammock”": a name or pronoun, a verb and
    // "that" report the clause the quoted words sit in, however far before the marks
    for (let k = pw.length - 2; k >= 2; k--) {
      if (pw[k].lower !== 'that') continue;
      const v = pw[k - 1];
      if (!v.word || v.cap || !/[a-z](?:ed|es|s)$/.test(v.lower) || /(?:ss|us|is)$/.test(v.lower)) break;
      const s = speakerBefore(pw, k - 1, 0, dict);
      if (s && (/^\p{Lu}/u.test(text[s.start]) || dict.pronouns.has(text.slice(s.start, s.end).toLowerCase()))) emit(mixed(q, pw[k].start, end, spans, endPara, regions, r, s, { start: v.start, end: v.end }, 'quote/mixed-verb', dict));
      break;
    }
    if (out.length && out[out.length - 1].end >= end) continue;
    // a long quotation inside a sentence with no cue at all ("The ad targets a “corrupt system
    // that …”", "He offered “my thoughts and prayers …”") is someone's words all the same; a
    // title ("the book “…”") or a headline credited "by" a writer is not
    if (wordCount(text.slice(R.start, end)) >= dict.thresholds.minUncuedWords && !titleCase(text.slice(R.start, end), dict, Infinity) && !/^[\s,]*by\s+\p{Lu}/u.test(text.slice(end, end + 8))) {
      // after an earlier quote of the same sentence ("… “a dead heat” and that “…”"), its speaker
      const prev = out[out.length - 1];
      const follows = r > 0 && regions[r - 1].end > (sIdx >= 0 ? sentences[sIdx].start : para.start) && prev !== undefined && prev.end >= regions[r - 1].end - 1;
      const spk = (follows ? prev.speakerSpan : undefined) ?? clauseSubject(pw, pw.length - 1, dict) ?? nearestSpeaker(q, R.start, pIdx, last, dict);
      emit(mixed(q, pw[0].start, end, spans, endPara, regions, r, spk, undefined, 'quote/mixed-uncued', dict));
    }
  }
  return out;
}

