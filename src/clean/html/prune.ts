/**
 * Paragraph-level judgement inside the chosen container: what survives the class/id cuts but is
 * still not the story (a "Read more:" line, a list of headline links, a byline or date line at the
 * top, a "Related" heading left at the bottom).
 */
import type { Removal } from '../../model/article.js';
import type { Paragraph } from './paragraphs.js';
import type { ExtractionRules, PatternRule } from './rules.js';

/**
 * Paragraphs kept, and a removal record for each paragraph dropped.
 *
 * @example pruneParagraphs(paragraphs, rules).removed[0]?.rule // 'link-dense'
 */
export interface Pruned {
  kept: Paragraph[];
  removed: Removal[];
}

function toRemoval(p: Paragraph, rule: string, reason: string, excerptChars: number): Removal {
  const first = p.pieces[0];
  const last = p.pieces[p.pieces.length - 1];
  return { rule, reason, text: p.text.slice(0, excerptChars), inputStart: first.inStart, inputEnd: last.inEnd };
}

function firstMatch(rules: readonly PatternRule[], text: string): PatternRule | undefined {
  for (const r of rules) if (r.pattern.test(text)) return r;
  return undefined;
}

/**
 * Drops the paragraphs that are not the story.
 * Steps: 1. the page title repeated as an `<h1>`; 2. boilerplate lines (ads, promos, credits);
 * 3. link-dense paragraphs in lists, runs or outside the prose; 4. byline / date lines among the first and last few; 5. headings left
 * with no text after them.
 *
 * @example
 * pruneParagraphs([{ pieces: [...], text: 'Advertisement', chars: 13, linkChars: 0, tag: 'p' }], loadRules()).kept // []
 */
export function pruneParagraphs(paragraphs: Paragraph[], rules: ExtractionRules): Pruned {
  const t = rules.thresholds;
  const removed: Removal[] = [];
  let kept: Paragraph[] = [];
  // 3a. link density of each paragraph; a long paragraph with links in it is still prose
  const linky = paragraphs.map((p) => {
    const ld = p.chars === 0 ? 0 : p.linkChars / p.chars;
    if (p.chars >= t.longParagraphChars) return ld > t.longParagraphMaxLinkDensity;
    return ld > t.paragraphMaxLinkDensity || (p.chars < t.shortParagraphChars && ld > t.shortParagraphMaxLinkDensity);
  });
  let firstProse = linky.indexOf(false);
  if (firstProse === -1) firstProse = paragraphs.length;
  const lastProse = linky.lastIndexOf(false);
  paragraphs.forEach((p, i) => {
    // 1. the headline is metadata, not body
    if (p.tag === 'h1') {
      removed.push(toRemoval(p, 'title-heading', 'the page headline', t.excerptChars));
      return;
    }
    // 2. boilerplate lines are short; a long paragraph that starts like one is still text
    if (p.chars < t.excerptChars) {
      const r = firstMatch(rules.boilerplateLines, p.text);
      if (r !== undefined) {
        removed.push(toRemoval(p, r.id, r.reason, t.excerptChars));
        return;
      }
    }
    // 3b. a link line inside the prose ("Get it on Amazon for $39") is part of the story; link
    // lines in a list, in a run, or before / after all prose are a link list ("Related: …")
    if (linky[i]) {
      const inList = rules.listItemTags.has(p.tag);
      const inRun = (i > 0 && linky[i - 1]) || (i + 1 < paragraphs.length && linky[i + 1]);
      if (inList || inRun || i < firstProse || i > lastProse) {
        const ld = p.linkChars / p.chars;
        removed.push(toRemoval(p, 'link-dense', `${Math.round(ld * 100)}% of its text is links`, t.excerptChars));
        return;
      }
    }
    kept.push(p);
  });
  // 4. bylines and date lines sit at the edges of the body
  const edge = t.edgeParagraphs;
  kept = kept.filter((p, i) => {
    if (i >= edge && i < kept.length - edge) return true;
    const r = firstMatch(rules.lineEdgeRules, p.text);
    if (r === undefined) return true;
    removed.push(toRemoval(p, r.id, r.reason, t.excerptChars));
    return false;
  });
  // 5. trailing headings ("Related coverage", "More from …") introduce what was cut
  while (kept.length > 0 && rules.headingTags.has(kept[kept.length - 1].tag)) {
    const p = kept.pop()!;
    removed.push(toRemoval(p, 'trailing-heading', 'a heading with no text after it', t.excerptChars));
  }
  return { kept, removed };
}
