/**
 * Step 3: promo lines, lines that advertise rather than report: short lines matching a pattern
 * of `data/clean/promo.json` ("CLICK HERE TO GET THE FOX NEWS APP"). The outlet a promo names is
 * kept for `meta.source`. It runs before the title is chosen, so a promo is never a headline.
 */
import type { Doc, Line, PromoOutlet, Step } from './_doc.js';
import { capsAtLeast, dropLines, wordCount } from './_doc.js';
import type { PromoRule } from './_data.js';

/** True when a line is mostly capitals by the thresholds. */
export function isCaps(doc: Doc, s: string): boolean {
  const th = doc.data.thresholds;
  return capsAtLeast(s, th.capsRatio, th.capsMinLetters);
}

/**
 * The promo rule a line matches, with the outlet it names, if any.
 * @example promoMatch(doc, line('CLICK HERE TO GET THE FOX NEWS APP'))?.outlet // 'FOX NEWS'
 */
export function promoMatch(doc: Doc, line: Line): { rule: PromoRule; outlet?: string } | undefined {
  const text = line.txt.text;
  if (text.length > doc.data.thresholds.maxLineChars || wordCount(text) > doc.data.thresholds.promoMaxWords) return undefined;
  // the capitals test first: it is one pass over the line, and most lines (news in mixed case) fail it,
  // sparing them the patterns that need capitals (a third of the step's time on wire copy)
  let caps: boolean | undefined;
  for (const rule of doc.data.promo) {
    if (rule.caps) {
      caps ??= capsAtLeast(text, doc.data.thresholds.capsRatio);
      if (!caps) continue;
    }
    const m = rule.re.exec(text);
    if (!m) continue;
    const outlet = m.groups?.outlet?.trim();
    return { rule, outlet: outlet || undefined };
  }
  return undefined;
}

/** Drops promo lines, remembering the outlets they name. */
export function dropPromoLines(doc: Doc): Doc {
  const promoOutlets: PromoOutlet[] = [...doc.promoOutlets];
  const out = dropLines(doc, (line) => {
    const hit = promoMatch(doc, line);
    if (!hit) return undefined;
    if (hit.outlet) promoOutlets.push({ name: hit.outlet, evidence: doc.input.slice(line.start, line.end), rule: hit.rule.id });
    return { rule: hit.rule.id, reason: hit.rule.reason };
  });
  return { ...out, promoOutlets };
}

export const promoLines: Step = { name: 'promo-lines', run: dropPromoLines };
