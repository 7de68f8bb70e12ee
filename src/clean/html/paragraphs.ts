/**
 * Reads the chosen containers into paragraphs of word pieces that remember their input offsets,
 * leaving out boilerplate subtrees (recorded as removals) and setting figure captions apart.
 * Paragraph-level judgement (link density, promo lines) happens later, in prune.ts.
 */
import type { AnyNode, Element } from 'domhandler';
import type { Caption, Removal } from '../../model/article.js';
import { isElement, textOf } from './dom.js';
import type { ExtractionRules } from './rules.js';
import type { ElementInfo, PageStats } from './stats.js';

/**
 * A run of output text and the input range it came from; `space` = a space goes before it.
 *
 * @example { text: 'Geneva', inStart: 120, inEnd: 126, space: true }
 */
export interface Piece {
  text: string;
  inStart: number;
  inEnd: number;
  space: boolean;
}

/**
 * One paragraph of the body before pruning.
 *
 * @example collected.paragraphs[0].text // 'Ministers met on Monday.'
 */
export interface Paragraph {
  pieces: Piece[];
  /** folded text, as it will be written */
  text: string;
  chars: number;
  linkChars: number;
  /** the innermost block tag it sits in (`p`, `h2`, `li`, `div` …) */
  tag: string;
}

/**
 * What reading the containers gave.
 *
 * @example collectParagraphs(html, roots, stats, rules).captions.length // 1
 */
export interface Collected {
  paragraphs: Paragraph[];
  captions: Caption[];
  removed: Removal[];
}

const EXIT_BLOCK = { exit: 'block' } as const;
const EXIT_LINK = { exit: 'link' } as const;
type Entry = AnyNode | typeof EXIT_BLOCK | typeof EXIT_LINK;
const WORD = /\S+/g;

/**
 * Reads `roots` (in order) into paragraphs.
 * Steps: 1. walk each root iteratively; 2. skip dropped tags, hidden, chrome and boilerplate
 * subtrees (recording those with text); 3. figures and caption-classed elements become captions;
 * 4. block elements and `<br>` end a paragraph; 5. text nodes become word pieces with exact
 * offsets when the node's source equals its text, one coarse piece otherwise.
 *
 * @example
 * const html = '<div><p>Hello <b>world</b></p><figure><figcaption>A cat</figcaption></figure></div>';
 * const stats = measure(parseHtml(html), loadRules());
 * collectParagraphs(html, [stats.order[0]], stats, loadRules()).paragraphs[0].text // 'Hello world'
 */
export function collectParagraphs(html: string, roots: ElementInfo[], stats: PageStats, rules: ExtractionRules): Collected {
  const t = rules.thresholds;
  const paragraphs: Paragraph[] = [];
  const captions: Caption[] = [];
  const removed: Removal[] = [];
  let cur: Paragraph | null = null;
  let pendingSpace = false;
  let linkDepth = 0;
  const blockTags: string[] = [];

  const flush = (): void => {
    if (cur !== null && cur.pieces.length > 0) paragraphs.push(cur);
    cur = null;
    pendingSpace = false;
  };
  const push = (text: string, inStart: number, inEnd: number): void => {
    if (cur === null) cur = { pieces: [], text: '', chars: 0, linkChars: 0, tag: blockTags[blockTags.length - 1] ?? 'div' };
    const space = pendingSpace && cur.pieces.length > 0;
    cur.pieces.push({ text, inStart, inEnd, space });
    cur.text += space ? ' ' + text : text;
    cur.chars += text.length;
    if (linkDepth > 0) cur.linkChars += text.length;
    pendingSpace = false;
  };
  const remove = (el: Element, rule: string, reason: string, info: ElementInfo | undefined): void => {
    if (info === undefined || info.chars < t.removalMinChars) return;
    removed.push({ rule, reason, text: textOf(el, rules.dropTags, t.excerptChars), inputStart: el.startIndex ?? 0, inputEnd: (el.endIndex ?? 0) + 1 });
  };
  const caption = (el: Element): void => {
    addCaption(captions, el, rules);
  };

  for (const root of roots) {
    const stack: Entry[] = [root.el];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === EXIT_BLOCK) {
        flush();
        blockTags.pop();
        continue;
      }
      if (n === EXIT_LINK) {
        linkDepth--;
        continue;
      }
      const node = n as AnyNode;
      if (node.type === 'text') {
        readText(html, node as unknown as { data: string; startIndex: number | null; endIndex: number | null });
        continue;
      }
      if (!isElement(node)) continue;
      const info = stats.byElement.get(node);
      // 2. not measured = a dropped tag or beyond the depth guard
      if (info === undefined) {
        if (node.name === 'br') {
          flush();
        }
        continue;
      }
      if (info !== root) {
        if (info.hidden) {
          remove(node, 'hidden', 'hidden by the page', info);
          continue;
        }
        // 3. captions
        if (rules.figureTags.has(info.tag) || rules.captionTags.has(info.tag) || (info.sig !== '' && rules.captionClassHint.test(info.sig))) {
          flush();
          caption(node);
          continue;
        }
        if (info.cut) {
          const rule = info.boiler !== null ? info.boiler : null;
          remove(node, rule?.id ?? `tag-${info.tag}`, rule?.reason ?? `<${info.tag}> page chrome`, info);
          continue;
        }
      }
      // 4. structure
      const ch = node.children;
      const block = rules.blockTags.has(info.tag);
      // an inline cluster of links in a sentence is a widget (a hover card listing a person's
      // stories), not words of the sentence
      if (!block && info !== root && info.links >= t.clusterMinLinks && info.chars >= t.clusterMinChars && info.linkChars >= t.clusterMinLinkDensity * info.chars) {
        remove(node, 'link-cluster', `${info.links} links inside a sentence`, info);
        continue;
      }
      if (block) {
        flush();
        blockTags.push(info.tag);
        stack.push(EXIT_BLOCK);
      } else if (rules.linkTags.has(info.tag)) {
        linkDepth++;
        stack.push(EXIT_LINK);
      }
      for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
    }
    flush();
  }
  return { paragraphs, captions, removed };

  // 5. text: word pieces with exact offsets. Where entities changed a word's length
  // ("Kyiv &amp; Minsk"), that word alone maps coarsely to its source token; when decoding
  // changed the word count (`&nbsp;` between words), the whole node maps coarsely.
  function readText(src: string, node: { data: string; startIndex: number | null; endIndex: number | null }): void {
    const data = node.data;
    const start = node.startIndex ?? 0;
    const end = (node.endIndex ?? start + data.length - 1) + 1;
    const exact = end - start === data.length && src.startsWith(data, start);
    const words: RegExpExecArray[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(data); m !== null; m = WORD.exec(data)) words.push(m);
    let raw: RegExpExecArray[] | null = null;
    if (!exact) {
      raw = [];
      const srcWord = /[^\t\n\f\r ]+/g;
      const slice = src.slice(start, end);
      for (let m = srcWord.exec(slice); m !== null; m = srcWord.exec(slice)) raw.push(m);
      if (raw.length !== words.length) {
        const folded = data.replace(/\s+/g, ' ');
        if (folded.startsWith(' ')) pendingSpace = true;
        const trimmed = folded.trim();
        if (trimmed.length > 0) push(trimmed, start, end);
        if (folded.length > trimmed.length && folded.endsWith(' ')) pendingSpace = true;
        return;
      }
    }
    let last = 0;
    for (let i = 0; i < words.length; i++) {
      const m = words[i];
      if (m.index > last) pendingSpace = true;
      // paired with its source token: exact when they are equal, coarse when an entity differs
      const r = raw === null ? m : raw[i];
      push(m[0], start + r.index, start + r.index + r[0].length);
      last = m.index + m[0].length;
    }
    if (last < data.length) pendingSpace = true;
  }
}

/** Adds the caption held by a figure / figcaption / caption-classed element, merging repeats. */
function addCaption(captions: Caption[], el: Element, rules: ExtractionRules): void {
  const max = rules.thresholds.excerptChars * 5;
  let source: AnyNode = el;
  if (rules.figureTags.has(el.name)) {
    // the figcaption when there is one; a figure with none is media and its text a credit at most
    const stack: AnyNode[] = [el];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      if (rules.captionTags.has(n.name)) {
        source = n;
        break;
      }
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
    }
  }
  const text = textOf(source, rules.dropTags, max);
  if (text.length === 0) return;
  const prev = captions.find((c) => c.text === text);
  if (prev !== undefined) {
    prev.copies++;
    return;
  }
  const credit = findCredit(source, rules);
  captions.push({
    text,
    ...(credit ? { credit } : {}),
    inputStart: source.startIndex ?? 0,
    inputEnd: (source.endIndex ?? 0) + 1,
    copies: 1,
  });
}

/** Text of the first descendant classed as a credit (`<span class="credit">Photo: AP</span>`). */
function findCredit(root: AnyNode, rules: ExtractionRules): string | undefined {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n !== root) {
      const cls = (n.attribs.class ?? '').toLowerCase();
      if (cls !== '' && rules.creditHint.test(cls)) {
        const s = textOf(n, rules.dropTags, 200);
        return s.length > 0 ? s : undefined;
      }
    }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return undefined;
}
