/**
 * Step 8: blocks that point to other stories. A paragraph whose first line starts with a marker
 * of `data/clean/related.json` ("Check Also", "Related article:", "Read more") starts a block.
 * - Inline marker ("**Related article:** [Title](#)"): the line, and any link-only lines after it.
 * - Marker alone ("Check Also"): the teasers after it — headlines without a final period,
 *   excerpts cut off with "…", link-only lines, date lines — up to the first paragraph that reads
 *   as body again; and when the marker stands in the last few short paragraphs, everything to the
 *   end (what follows "Check Also" at the foot of a page is never the story).
 */
import type { Doc, Line, Para, Step } from './_doc.js';
import { endsSentence, endsTruncated, paraText, removal, wordCount } from './_doc.js';
import { dateLine } from './dates.js';

type Mode = 'inline' | 'header';

/** True when links cover the visible text of the line (all but punctuation and spaces). */
function linkOnly(line: Line): boolean {
  const text = line.txt.text;
  let covered = 0;
  for (const m of line.marks) if (m.kind === 'link') covered += m.end - m.start;
  const visible = text.replace(/[\s\p{P}]/gu, '').length;
  return covered > 0 && covered >= visible * 0.9;
}

function marker(doc: Doc, p: Para): { id: string; mode: Mode } | undefined {
  const line = p.lines[0];
  const text = line.txt.text;
  for (const r of doc.data.relatedMarkers) {
    const m = r.re.exec(text);
    if (!m) continue;
    const restAt = m[0].length + (/^[\s:|–—-]*/u.exec(text.slice(m[0].length))?.[0].length ?? 0);
    const rest = text.slice(restAt);
    const words = wordCount(rest);
    const linked = line.marks.some((k) => k.kind === 'link' && k.start >= restAt);
    if (rest === '' || (words <= 4 && !linked && !endsSentence(rest))) return { id: r.id, mode: 'header' };
    // "Related article: Putin Slams Vaccine Criticism, to Get Jab on Tuesday": a title, not a sentence
    if (words <= doc.data.thresholds.relatedItemMaxWords && (linked || !endsSentence(rest) || endsTruncated(rest))) return { id: r.id, mode: 'inline' };
  }
  return undefined;
}

function teaser(doc: Doc, p: Para, mode: Mode): boolean {
  if (p.lines.every(linkOnly)) return true;
  if (mode === 'inline') return false;
  const text = paraText(p);
  const words = wordCount(text);
  const th = doc.data.thresholds;
  if (endsTruncated(text)) return words <= th.relatedItemMaxWords * 2;
  if (p.lines.length === 1 && dateLine(text, doc.data.calendar, doc.data.datelineLabel)) return true;
  return !endsSentence(text) && words <= th.relatedItemMaxWords;
}

/** Drops related-story blocks. */
export function dropRelatedBlocks(doc: Doc): Doc {
  const th = doc.data.thresholds;
  const paras: Para[] = [];
  const removed = [...doc.removed];
  const all = doc.paras;
  for (let i = 0; i < all.length; i++) {
    const mk = marker(doc, all[i]);
    if (!mk) {
      paras.push(all[i]);
      continue;
    }
    let j = i + 1;
    const rest = all.slice(i);
    if (mk.mode === 'header' && rest.length <= th.relatedTailMaxParagraphs && wordCount(rest.map(paraText).join(' ')) <= th.relatedTailMaxWords) {
      j = all.length;
    } else {
      while (j < all.length && j - i <= th.relatedMaxItems && teaser(doc, all[j], mk.mode)) j++;
    }
    removed.push(removal(doc, all.slice(i, j).flatMap((p) => p.lines), mk.id, doc.data.reasons['related-block']));
    i = j - 1;
  }
  return { ...doc, paras, removed };
}

export const relatedBlocks: Step = { name: 'related-blocks', run: dropRelatedBlocks };
