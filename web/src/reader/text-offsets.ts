/**
 * From the page back to the article: the reader records where each text node it renders starts in
 * the article's text, so a click in plain text gives an offset (and so a sentence), and a span of
 * the text can be marked without wrapping it in elements (the CSS Custom Highlight API).
 */
import type { Span } from '../api.js';

export type TextStarts = WeakMap<Text, number>;

interface CaretDocument {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
}

/** The article offset under the point (x, y) of the viewport, or -1 when it is not in a recorded text node. */
export function offsetAt(starts: TextStarts, x: number, y: number): number {
  const doc = document as unknown as CaretDocument;
  const pos = doc.caretPositionFromPoint?.(x, y);
  const range = pos ? undefined : doc.caretRangeFromPoint?.(x, y);
  const node = pos?.offsetNode ?? range?.startContainer;
  const at = pos?.offset ?? range?.startOffset ?? 0;
  const start = node instanceof Text ? starts.get(node) : undefined;
  return start === undefined ? -1 : start + at;
}

const NAME = 'reader-sentence';

/** Marks `span` of the text under `root` (nothing, where the browser has no highlight API); undefined unmarks. */
export function markSpan(root: HTMLElement, starts: TextStarts, span: Span | undefined): void {
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const Mark = (globalThis as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  if (!highlights || !Mark) return;
  highlights.delete(NAME);
  if (!span) return;
  const ranges: Range[] = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const t = n as Text;
    const start = starts.get(t);
    if (start === undefined) continue;
    const a = Math.max(span.start, start);
    const b = Math.min(span.end, start + t.length);
    if (a >= b) continue;
    const r = document.createRange();
    r.setStart(t, a - start);
    r.setEnd(t, b - start);
    ranges.push(r);
  }
  highlights.set(NAME, new Mark(...ranges));
}
