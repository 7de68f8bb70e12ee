/**
 * Step 4: the headline and the dateline leave the body for `meta`.
 * 1. A paragraph that is only a date ("March 23, 2021", "Published: 23 March 2021 10:15 GMT")
 *    is a dateline; the first one gives the date.
 * 2. The title is the first Markdown heading near the top (only short lines before it), or else
 *    the first line when it reads as a headline: one short line, no final period, not a promo.
 */
import type { Found } from '../../model/article.js';
import type { Doc, Para, Step } from './_doc.js';
import { paraText, removal, startsLower, wordCount } from './_doc.js';
import { dateLine } from './dates.js';
import { promoMatch } from './03-promo-lines.js';
import { fold } from '../fold.js';

function isDateline(doc: Doc, p: Para): string | undefined {
  return p.lines.length === 1 ? dateLine(p.lines[0].txt.text, doc.data.calendar, doc.data.datelineLabel) : undefined;
}

function titleIndex(doc: Doc, paras: Para[]): { index: number; by: 'heading' | 'first-line' | 'given' } | undefined {
  const th = doc.data.thresholds;
  // a given title settles it: only its repetition near the top leaves the body. Guessing would
  // take the first row of an earnings table ("Shr 34 cts vs 1.19 dlrs") for a headline.
  if (doc.givenTitle !== undefined) {
    const want = fold(doc.givenTitle);
    const limit = Math.min(paras.length, th.headerMaxParagraphs);
    for (let i = 0; i < limit; i++) {
      const text = paraText(paras[i]);
      // folding only changes spacing and marks: a paragraph far longer or shorter cannot match
      if (Math.abs(text.length - doc.givenTitle.length) > doc.givenTitle.length / 2 + 8) continue;
      if (fold(text) === want) return { index: i, by: 'given' };
    }
    return undefined;
  }
  const short = (p: Para) => p.lines.length === 1 && wordCount(paraText(p)) <= th.titleMaxWords;
  if (doc.format === 'markdown') {
    const limit = Math.min(paras.length, th.headerMaxParagraphs);
    for (let i = 0; i < limit; i++) {
      if (paras[i].kind === 'heading') return { index: i, by: 'heading' };
      if (!short(paras[i])) break;
    }
  }
  const first = paras[0];
  if (!first || paras.length < 2 || !short(first) || first.kind === 'list') return undefined;
  const text = paraText(first);
  const words = wordCount(text);
  // a headline such as "Minister closes door on bloc and turns to ‘old’ friends": a headline ends
  // without a period (a question or exclamation mark is fine)
  if (words < 2 || /[.…]$/u.test(text.replace(/[\s”’"')\]]+$/u, '')) || startsLower(text)) return undefined;
  if (promoMatch(doc, first.lines[0])) return undefined;
  return { index: 0, by: 'first-line' };
}

/** Moves the dateline and the title out of the body. */
export function takeTitleAndDateline(doc: Doc): Doc {
  const removed = [...doc.removed];
  const meta = { ...doc.meta };
  let dateline = doc.dateline;
  const paras: Para[] = [];
  for (const p of doc.paras) {
    const iso = isDateline(doc, p);
    if (iso === undefined) {
      paras.push(p);
      continue;
    }
    const r = removal(doc, p.lines, 'dateline', doc.data.reasons.dateline);
    removed.push(r);
    dateline ??= { value: iso, by: 'dateline', evidence: r.text, rule: 'dateline' };
  }
  const t = titleIndex(doc, paras);
  if (t && !meta.title) {
    const p = paras[t.index];
    const rule = t.by === 'heading' ? 'title-heading' : t.by === 'given' ? 'title-given-repeated' : 'title-first-line';
    const r = removal(doc, p.lines, rule, doc.data.reasons[rule]);
    removed.push(r);
    // a given title is set by the caller from the input's own field
    if (t.by !== 'given') meta.title = { value: paraText(p), by: t.by, evidence: r.text, rule } satisfies Found<string>;
    paras.splice(t.index, 1);
  }
  return { ...doc, paras, removed, meta, dateline };
}

export const titleAndDateline: Step = { name: 'title-and-dateline', run: takeTitleAndDateline };
