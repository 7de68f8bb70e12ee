/**
 * Chooses the element(s) that hold the article. Every block of running text votes for the
 * containers above it (more for its parent, less further up); a container's votes are then
 * discounted by its link density and shifted by class/id hints. The best container wins, and
 * siblings that look like more of the same story are taken with it.
 */
import type { ExtractionRules } from './rules.js';
import { linkDensity, type ElementInfo, type PageStats } from './stats.js';

/**
 * The chosen containers in document order; `top` is the best-scoring one.
 *
 * @example selectContainer(stats, rules)?.roots.map((r) => r.tag) // ['div']
 */
export interface Selection {
  top: ElementInfo;
  roots: ElementInfo[];
  /** the best-scoring containers, best first (the runners-up, for a second opinion) */
  ranked: ElementInfo[];
}

function initialScore(e: ElementInfo, rules: ExtractionRules): number {
  const t = rules.thresholds;
  let s = rules.tagWeights.get(e.tag) ?? 0;
  if (e.bodyHint) s += t.bodyHintWeight;
  else if (e.contentHint) s += t.contentHintWeight;
  if (e.boiler !== null && !e.bodyHint) s += t.boilerplateWeight;
  return s;
}

/**
 * Scores the containers of `stats` and picks the article's.
 * Steps: 1. each text block (`<p>`, or any block with enough text of its own that is not link
 * text) gives `1 + commas + length points` to its ancestors, halving and then thirding with
 * distance; 2. scores are discounted by link density; 3. the best wins, and moves up to a common
 * ancestor when several near-best containers sit under it (a story split by ads); 4. siblings
 * with a good score or paragraph-like text join it; 5. so do blocks of the winner's own class.
 *
 * @example
 * const stats = measure(parseHtml('<div><p>One, two, three and more words here.</p></div>'), loadRules());
 * selectContainer(stats, loadRules())?.top.tag // 'div'
 */
export function selectContainer(stats: PageStats, rules: ExtractionRules): Selection | null {
  const t = rules.thresholds;
  const scored: ElementInfo[] = [];
  // 1. votes
  for (const e of stats.order) {
    if (e.excluded) continue;
    const text = e.ownChars - e.ownLinkChars;
    if (text < t.minUnitChars) continue;
    if (!rules.unitTags.has(e.tag) && !rules.blockTags.has(e.tag)) continue;
    const vote = 1 + e.ownCommas + Math.min(Math.floor(text / t.unitCharsPerPoint), t.maxUnitLengthPoints);
    let a = e.parent;
    for (let level = 0; a !== null && level < t.ancestorLevels; level++, a = a.parent) {
      if (Number.isNaN(a.score)) {
        a.score = initialScore(a, rules);
        scored.push(a);
      }
      a.score += level === 0 ? vote : level === 1 ? vote / 2 : vote / (level * 3);
    }
  }
  if (scored.length === 0) return null;
  // 2. link density
  let top: ElementInfo | null = null;
  for (const c of scored) {
    c.score *= 1 - linkDensity(c);
    if (c.excluded) c.score = -Infinity;
    if (top === null || c.score > top.score) top = c;
  }
  if (top === null || !(top.score > 0)) return null;
  const ranked = scored.filter((c) => c.score > 0).sort((a, b) => b.score - a.score).slice(0, t.rankedCandidates);

  // 3. a story split into several near-best containers: take their common ancestor
  const near = scored.filter((c) => c !== top && c.score >= 0.75 * top!.score);
  if (near.length >= 2) {
    for (let a = top.parent; a !== null && a.tag !== 'body' && a.tag !== 'html'; a = a.parent) {
      let inside = 0;
      for (const c of near) if (isAncestor(a, c)) inside++;
      if (inside >= 2) {
        top = a;
        break;
      }
    }
  }

  // 4. siblings
  const roots: ElementInfo[] = [];
  const parent = top.parent;
  if (parent === null) return { top, roots: [top], ranked };
  const threshold = Math.max(t.siblingMinScore, top.score * t.siblingScoreRatio);
  for (const child of parent.el.children) {
    const s = stats.byElement.get(child as never);
    if (s === undefined) continue;
    if (s === top) {
      roots.push(s);
      continue;
    }
    if (s.excluded || rules.noSiblingTags.has(s.tag)) continue;
    let bonus = 0;
    if (s.sig !== '' && s.sig === top.sig) bonus = top.score * 0.2;
    if (!Number.isNaN(s.score) && s.score + bonus >= threshold) roots.push(s);
    else if (s.tag === 'p' || rules.unitTags.has(s.tag)) {
      const ld = linkDensity(s);
      if (s.chars >= t.siblingParagraphChars && ld < t.siblingMaxLinkDensity) roots.push(s);
    }
  }
  // 5. a story printed in several blocks of the same class further apart (`section.body-part`
  // between asides): take every block with the winner's tag and class that reads like text
  if (top.sig !== '') {
    for (const e of stats.order) {
      if (e === top || e.excluded || e.tag !== top.tag || e.sig !== top.sig) continue;
      if (e.chars - e.linkChars < t.siblingParagraphChars || linkDensity(e) >= t.siblingMaxLinkDensity) continue;
      if (roots.some((r) => isAncestor(r, e) || isAncestor(e, r))) continue;
      roots.push(e);
    }
    roots.sort((a, b) => (a.el.startIndex ?? 0) - (b.el.startIndex ?? 0));
  }
  return { top, roots, ranked };
}

function isAncestor(a: ElementInfo, e: ElementInfo): boolean {
  for (let p: ElementInfo | null = e; p !== null; p = p.parent) if (p === a) return true;
  return false;
}
