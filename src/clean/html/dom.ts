/**
 * Parsing and small DOM helpers. htmlparser2 keeps every node's `[startIndex, endIndex]` in the
 * input, which is what the source map needs, and builds its tree without recursion, so a page of
 * 50,000 nested `<div>`s parses; every walk in this folder is iterative for the same reason.
 */
import { Parser } from 'htmlparser2';
import { DomHandler, Element, type Document, type AnyNode } from 'domhandler';

/**
 * Deepest element nesting parsed. htmlparser2 keeps its open elements in an array that it shifts
 * and unshifts at the front, so each tag costs time in proportion to the depth: a page of 200,000
 * nested `<div>`s took 16 s. Real pages nest a few dozen levels, and the cleaner reads no deeper
 * than `maxDepth` (data/html/extraction.json) anyway.
 */
export const MAX_PARSE_DEPTH = 10_000;

/** Thrown by the handler at the first element past `MAX_PARSE_DEPTH`; `at` is its tag's offset. */
class TooDeep extends Error {
  constructor(readonly at: number) {
    super('too deep');
  }
}

class BoundedHandler extends DomHandler {
  source: Parser | undefined;
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_PARSE_DEPTH) throw new TooDeep(this.source?.startIndex ?? 0);
    super.onopentag(name, attribs);
  }
}

function parseWhole(html: string): Document {
  const handler = new BoundedHandler(undefined, { withStartIndices: true, withEndIndices: true });
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  handler.source = parser;
  parser.end(html);
  return handler.root;
}

/**
 * Parses HTML into a tree whose nodes carry input offsets (`startIndex`, inclusive `endIndex`).
 * A page nested deeper than `MAX_PARSE_DEPTH` is read up to the tag that goes too deep, and
 * `cutAt` says where that was.
 *
 * @example
 * const { doc } = parsePage('<p>Hi</p>');
 * (doc.children[0] as Element).name // 'p'
 */
export function parsePage(html: string): { doc: Document; cutAt?: number } {
  try {
    return { doc: parseWhole(html) };
  } catch (e) {
    if (!(e instanceof TooDeep)) throw e;
    // the prefix parses within the bound, and its offsets are the page's own
    return { doc: parseWhole(html.slice(0, e.at)), cutAt: e.at };
  }
}

/**
 * The tree of `parsePage`, for callers that need no cut.
 *
 * @example
 * const doc = parseHtml('<p>Hi</p>');
 * (doc.children[0] as Element).name // 'p'
 */
export function parseHtml(html: string): Document {
  return parsePage(html).doc;
}

/**
 * True for element nodes (including `<script>` and `<style>`, which domhandler types apart).
 *
 * @example isElement(parseHtml('<b>x</b>').children[0]) // true
 */
export function isElement(node: AnyNode): node is Element {
  return node instanceof Element;
}

/**
 * The lower-cased `class id role itemprop` of an element, with `_` read as `-`, so one pattern
 * such as `\bshare\b` matches `share_bar`, `share-bar` and `id="share"`.
 *
 * @example signature(el) // 'article-body main' for <div class="Article_Body" id="main">
 */
export function signature(el: Element): string {
  const a = el.attribs;
  let s = '';
  if (a.class) s += a.class;
  if (a.id) s += ' ' + a.id;
  if (a.role) s += ' ' + a.role;
  if (a.itemprop) s += ' ' + a.itemprop;
  if (s.length === 0) return s;
  return s.toLowerCase().replace(/_/g, '-');
}

/**
 * True when the page itself hides the element (the `hidden` attribute or an inline
 * `display:none` / `visibility:hidden`).
 *
 * @example isHidden(parseHtml('<p hidden>x</p>').children[0] as Element) // true
 */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined) return true;
  const style = a.style;
  if (style !== undefined && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/**
 * Text of a subtree with white space folded, cut at `max` characters (iterative, skips `skip` tags).
 *
 * @example textOf(parseHtml('<p>a <b>b</b></p>').children[0], new Set(), 50) // 'a b'
 */
export function textOf(node: AnyNode, skip: ReadonlySet<string>, max = Infinity): string {
  const parts: string[] = [];
  let len = 0;
  const stack: AnyNode[] = [node];
  while (stack.length > 0 && len < max) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      parts.push(d);
      len += d.length;
    } else if (isElement(n)) {
      if (skip.has(n.name)) continue;
      const ch = n.children;
      for (let i = ch.length - 1; i >= 0; i--) stack.push(ch[i]);
    }
  }
  const s = parts.join(' ').replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max) : s;
}
