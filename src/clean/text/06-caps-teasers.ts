/**
 * Step 6: all-caps teasers, headlines of other stories dropped into the body in capitals
 * ("PUTIN CLAIMS RUSSIA IS READY TO NEGOTIATE; …"), recognised by the share of capitals —
 * unless the whole text is written in capitals, as old wire copy is, when capitals say nothing.
 * It runs after the title is chosen, so a headline in capitals stays the title.
 */
import type { Doc, Step } from './_doc.js';
import { dropLines, paraText, wordCount } from './_doc.js';
import { isCaps } from './03-promo-lines.js';

/** Drops lines in capitals that are not the body's own sentences. */
export function dropCapsTeasers(doc: Doc): Doc {
  const th = doc.data.thresholds;
  // "not a sentence of the body": when half the paragraphs are in capitals the text itself is
  // written that way (1980s wire copy), and a line in capitals is body like any other
  const lines = doc.paras.filter((p) => p.kind !== 'heading');
  const capsParas = lines.filter((p) => isCaps(doc, paraText(p))).length;
  if (lines.length === 0 || capsParas / lines.length >= th.capsDocumentShare) return doc;
  return dropLines(doc, (line) => {
    const text = line.txt.text;
    if (text.length > th.maxLineChars) return undefined;
    const words = wordCount(text);
    if (words < th.capsMinWords || words > th.capsMaxWords || !isCaps(doc, text)) return undefined;
    return { rule: 'all-caps-teaser', reason: doc.data.reasons['all-caps-teaser'] };
  });
}

export const capsTeasers: Step = { name: 'caps-teasers', run: dropCapsTeasers };
