import type { Mention } from '../model/actor.js';
import type { ArticleText as Article } from '../model/article.js';
import type { Quote } from '../model/quote.js';
import type { Span } from '../model/span.js';
import type { QuoteDictionary } from './dictionary.js';
import type { Candidate } from './candidate.js';
import { words } from './words.js';

/**
 * The mention that names the speaker: the longest mention overlapping the speaker span, followed
 * back through `antecedent` while it is a pronoun (or any resolved mention) to the named one.
 *
 * @example speakerMention({ start: 10, end: 12 }, mentions) // the mention of "Sergei Lavrov"
 */
export function speakerMention(span: Span, mentions: readonly Mention[]): Mention | undefined {
  let best: Mention | undefined;
  for (const m of mentions) {
    if (m.start >= span.end) break;
    if (m.end <= span.start) continue;
    if (!best || m.end - m.start > best.end - best.start) best = m;
  }
  for (let hops = 0; best?.antecedent !== undefined && hops < 20; hops++) {
    const prev = mentions[best.antecedent];
    if (!prev) break;
    best = prev;
  }
  return best;
}

/**
 * Who carried a quote, read after its cue: a listed outlet ("told Reuters"), or the name after
 * a media noun ("told Russia's state-owned media outlet TASS" → "TASS").
 *
 * @example mediumAfter('he told state media outlet TASS.', { start: 3, end: 7 }, dict) // 'TASS'
 */
export function mediumAfter(text: string, cue: Span, dict: QuoteDictionary): string | undefined {
  const ws = words(text, cue.end, Math.min(text.length, cue.end + 120));
  let stop = ws.findIndex((w) => w.text === '.' || w.text === '“' || w.text === '"' || w.text === ';');
  if (stop < 0) stop = ws.length;
  const seg = ws.slice(0, Math.min(stop, 12));
  const segText = seg.length ? text.slice(seg[0].start, seg[seg.length - 1].end) : '';
  for (const o of dict.outlets) {
    const i = segText.indexOf(o);
    if (i >= 0 && !/\p{L}/u.test(segText[i + o.length] ?? ' ') && !/\p{L}/u.test(segText[i - 1] ?? ' ')) return o;
  }
  const noun = seg.findIndex((w) => dict.mediaNouns.has(w.lower));
  if (noun >= 0) {
    let k = noun + 1;
    const names: string[] = [];
    while (k < seg.length && seg[k].cap && seg[k].word) names.push(seg[k++].text);
    if (names.length) return names.join(' ');
  }
  return undefined;
}

/**
 * Turns candidates into `Quote`s: speaker text and actor from the mentions, the cue as written,
 * the medium, and the article's date when the sentence gives none of its own.
 *
 * @example attach(article, candidates, [], dict)[0].speaker // 'he'
 */
export function attach(article: Article, cands: readonly Candidate[], mentions: readonly Mention[], dict: QuoteDictionary): Quote[] {
  const text = article.text;
  const date = article.meta.date?.value;
  return cands.map((c) => {
    const q: Quote = { start: c.start, end: c.end, kind: c.kind, spans: c.spans, confidence: c.confidence, rule: c.rule };
    if (c.speakerSpan) {
      q.speakerSpan = c.speakerSpan;
      const m = speakerMention(c.speakerSpan, mentions);
      q.speaker = m ? m.actor.name : text.slice(c.speakerSpan.start, c.speakerSpan.end);
      if (m) q.speakerActor = m.actor;
    }
    if (c.cueSpan) {
      q.cueSpan = c.cueSpan;
      q.cue = text.slice(c.cueSpan.start, c.cueSpan.end);
      const medium = mediumAfter(text, c.cueSpan, dict);
      if (medium) q.medium = medium;
    }
    if (date) q.date = date.slice(0, 10);
    return q;
  });
}
