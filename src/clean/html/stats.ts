/**
 * One pass over the page that measures every element: how much text it holds, how much of that
 * is link text, how many commas, and which class/id hints it carries. Candidate selection and
 * pruning read these numbers instead of walking subtrees again, which keeps the cleaner linear.
 */
import type { AnyNode, Element } from 'domhandler';
import { isElement, isHidden, signature } from './dom.js';
import type { ExtractionRules, PatternRule } from './rules.js';

/**
 * Measurements of one element. `own*` counts only text whose nearest block ancestor is this element.
 *
 * @example measure(doc, rules).byElement.get(el)?.linkChars // 42
 */
export interface ElementInfo {
  el: Element;
  parent: ElementInfo | null;
  tag: string;
  sig: string;
  /** non-space characters of text in the subtree (script, style … excluded) */
  chars: number;
  linkChars: number;
  commas: number;
  /** number of link elements in the subtree */
  links: number;
  ownChars: number;
  ownLinkChars: number;
  ownCommas: number;
  /** the boilerplate rule its class/id/role matches, if any */
  boiler: PatternRule | null;
  bodyHint: boolean;
  contentHint: boolean;
  hidden: boolean;
  /** the element itself is hidden, chrome or boilerplate: the place to cut its subtree */
  cut: boolean;
  /** inside (or at) a hidden, chrome or boilerplate element: its text does not vote for a container */
  excluded: boolean;
  /** candidate score (readability-style); NaN until the element receives one */
  score: number;
}

/**
 * Everything measured about a page.
 *
 * @example measure(parseHtml(html), loadRules()).order.length // elements measured
 */
export interface PageStats {
  /** elements in document order (dropped tags and their subtrees left out) */
  order: ElementInfo[];
  byElement: Map<Element, ElementInfo>;
  body: ElementInfo | null;
}

interface Frame {
  node: AnyNode;
  parent: ElementInfo | null;
  owner: ElementInfo | null;
  inLink: boolean;
  depth: number;
}

/** Counts the characters that are not white space, without allocating. */
function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c !== 160) n++;
  }
  return n;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = s.indexOf(','); i !== -1; i = s.indexOf(',', i + 1)) n++;
  return n;
}

/**
 * Measures every element under `root`.
 * Steps: 1. pre-order walk (iterative, depth-guarded) that classifies each element and credits
 * each text node to its parent and its nearest block; 2. reverse pass adding children into
 * parents; 3. marks excluded subtrees (hidden, chrome, boilerplate) now that sizes are known.
 *
 * @example
 * const s = measure(parseHtml('<div><p>Hello, world</p></div>'), loadRules());
 * s.order[0].chars // 10
 */
export function measure(root: AnyNode, rules: ExtractionRules): PageStats {
  const order: ElementInfo[] = [];
  const byElement = new Map<Element, ElementInfo>();
  let body: ElementInfo | null = null;
  const maxDepth = rules.thresholds.maxDepth;
  const stack: Frame[] = [{ node: root, parent: null, owner: null, inLink: false, depth: 0 }];

  // 1. pre-order
  while (stack.length > 0) {
    const f = stack.pop()!;
    const node = f.node;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      const n = visibleLength(data);
      if (n === 0 || f.parent === null) continue;
      const c = countCommas(data);
      f.parent.chars += n;
      f.parent.commas += c;
      if (f.inLink) f.parent.linkChars += n;
      if (f.owner) {
        f.owner.ownChars += n;
        f.owner.ownCommas += c;
        if (f.inLink) f.owner.ownLinkChars += n;
      }
      continue;
    }
    let info: ElementInfo | null = f.parent;
    let owner = f.owner;
    let inLink = f.inLink;
    if (isElement(node)) {
      const tag = node.name;
      if (rules.dropTags.has(tag)) continue;
      const sig = signature(node);
      let boiler: PatternRule | null = null;
      if (sig.length > 0 && rules.boilerplateAny.test(sig) && !rules.embedHint.test(sig)) {
        for (const r of rules.boilerplate) {
          if (r.pattern.test(sig)) {
            boiler = r;
            break;
          }
        }
      }
      const hidden = isHidden(node);
      const bodyHint = sig.length > 0 && rules.bodyHint.test(sig);
      info = {
        el: node, parent: f.parent, tag, sig,
        chars: 0, linkChars: 0, commas: 0, links: rules.linkTags.has(tag) ? 1 : 0, ownChars: 0, ownLinkChars: 0, ownCommas: 0,
        boiler, bodyHint, contentHint: sig.length > 0 && rules.contentHint.test(sig), hidden,
        cut: false,
        excluded: false,
        score: NaN,
      };
      order.push(info);
      byElement.set(node, info);
      if (tag === 'body' && body === null) body = info;
      if (rules.blockTags.has(tag)) owner = info;
      if (rules.linkTags.has(tag)) inLink = true;
    }
    // a page nested deeper than maxDepth keeps its measured part; the rest is not read
    if (f.depth >= maxDepth) continue;
    const ch = (node as unknown as { children?: AnyNode[] }).children;
    if (ch === undefined) continue;
    for (let i = ch.length - 1; i >= 0; i--) {
      stack.push({ node: ch[i], parent: info, owner, inLink, depth: f.depth + 1 });
    }
  }

  // 2. children into parents (reverse pre-order visits every child before its parent)
  for (let i = order.length - 1; i >= 0; i--) {
    const e = order[i];
    const p = e.parent;
    if (p === null) continue;
    p.chars += e.chars;
    p.linkChars += e.linkChars;
    p.commas += e.commas;
    p.links += e.links;
  }

  // 3. exclusion, parents first; a "boilerplate" wrapper holding most of the page is a layout
  // class (`<div class="page has-sidebar">`), not boilerplate, so it does not exclude
  const top = body ?? order[0];
  const total = top === undefined ? 0 : top.chars - top.linkChars;
  const { keepIfShareOfRoot, keepIfMinChars } = rules.thresholds;
  for (const e of order) {
    const text = e.chars - e.linkChars;
    const big = text >= keepIfMinChars && text > keepIfShareOfRoot * total;
    e.cut = e.hidden || (!big && (rules.chromeTags.has(e.tag) || (e.boiler !== null && !e.bodyHint)));
    e.excluded = (e.parent?.excluded ?? false) || e.cut;
  }
  return { order, byElement, body };
}

/**
 * Share of an element's text that sits inside links (0 when it has no text).
 *
 * @example linkDensity({ chars: 10, linkChars: 5 } as ElementInfo) // 0.5
 */
export function linkDensity(e: Pick<ElementInfo, 'chars' | 'linkChars'>): number {
  return e.chars === 0 ? 0 : e.linkChars / e.chars;
}
